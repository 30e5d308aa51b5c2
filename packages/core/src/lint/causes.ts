/**
 * @module lint/causes
 * How a draft states or guesses a cause, beyond the causal connectives in `phrases.ts`: a
 * provisional cause ("preliminary root cause:"), a hedged technical fault ("a potential
 * networking issue"), a fault located by the investigation ("isolated the problem to"), load
 * blamed ("demand has exceeded our expectations"), and the readings that keep the rule quiet:
 * a hedge about who is affected ("you may be experiencing"), and a connective whose object
 * names no cause ("due to a technical issue").
 */
import { gate } from './triggers';

/**
 * A cause called provisional: "preliminary root cause:", "the likely underlying cause", "our
 * working theory". Looking for one ("investigating possible causes") is tested separately with
 * {@link LOOKING_FOR_CAUSE}.
 */
export const PROVISIONAL_CAUSE = gate(
  /\b(?:preliminary|initial|early|tentative|working|suspected|probable|likely|possible|potential|apparent|presumed)\s+(?:underlying\s+|root\s+|main\s+)?(?:cause|culprit|trigger|explanation)s?\b/gi,
  'preliminary initial early tentative working suspected probable likely possible potential apparent presumed',
);

/** Right before a provisional cause: the team is still looking for it, which names none. */
export const LOOKING_FOR_CAUSE =
  /\b(?:investigat\w*|look(?:ing)? (?:into|at|for)|explor\w*|examin\w*|determin\w*|rul(?:e|ed|ing) out|review\w*|assess\w*|identify|find|establish)\b[^.;:]*$/i;

// Parts of a system a fault is named after: "a potential networking issue", "a possible DNS problem".
const FAULT_PART =
  '(?:network(?:ing)?|dns|database|db|hardware|software|configuration|config|power|server|storage|certificate|routing|provider|vendor|third[- ]party|upstream|capacity|memory|disk|code|deployment|connectivity|infrastructure|firmware|cable|fib(?:re|er))';

/** A fault in a named part, hedged: "a potential networking issue", "a suspected database fault". */
export const HEDGED_FAULT = gate(
  new RegExp(
    `\\b(?:potential|possible|suspected|probable|apparent|presumed)\\s+(?:[\\w-]+\\s+){0,2}?${FAULT_PART}\\s+(?:issues?|problems?|faults?|failures?|errors?|bugs?|outages?|incidents?)\\b`,
    'gi',
  ),
  'potential possible suspected probable apparent presumed',
);

/**
 * The investigation located the fault: "isolated the problem to networking configuration
 * issues", "narrowed it down to", "investigation points to", "traced it to". A cause, stated.
 */
export const CAUSE_LOCATED = gate(
  /\b(?:(?:isolated|narrowed|tracked|pinned|traced)\s+(?:(?:it|this|the|these|that)\s+)?(?:(?:[\w-]+\s+){0,2}?(?:problem|issue|fault|incident|outage|failure|errors?|disruption)s?\s+)?(?:down\s+)?to|(?:investigation|evidence|data|logs?|telemetry|analysis|signs|indications|everything)\s+(?:so far\s+)?(?:points?|pointing)\s+(?:to|at|towards))\b/gi,
  'isolated narrowed tracked pinned traced point',
);

/**
 * Load blamed as the cause: "demand for the service has exceeded our expectations", "traffic
 * overwhelmed our servers", "created unprecedented demand", "we are seeing increased traffic", "while
 * the servers recover from their load".
 */
export const LOAD_BLAME = gate(
  /\b(?:(?:seeing|experiencing|receiving|handling|getting)\s+(?:(?:an?|some|very|unusually|extremely)\s+)?(?:increased|high|higher|heavy|heavier|record|unprecedented|huge|large|massive|unexpected)\s+(?:amounts?\s+of\s+|levels?\s+of\s+)?(?:traffic|demand|load)|(?:demand|traffic|load|volumes?|interest|usage|sign-?ups)\s+(?:[\w#+'’-]+\s+){0,4}?(?:exceeded|overwhelmed|outstripped|surpassed|overloaded)|(?:created|caused|generated|drove|driven)\s+(?:[\w-]+\s+){0,2}(?:demand|traffic|load)|recover(?:s|ed|ing)?\s+from\s+(?:(?:the|their|its|our|high|heavy|increased|extra)\s+){0,2}(?:load|traffic|demand))\b/gi,
  'demand traffic load exceeded overwhelmed outstripped surpassed overloaded',
);

/**
 * Right after a hedge ("may be", "might be", "could be"): who is affected and how, not why.
 * "You may be experiencing issues", "customers might be affected", "may be causing some users
 * difficulties" hedge the impact, which is the honest way to describe an unconfirmed scope.
 */
export const IMPACT_AFTER_HEDGE =
  /^\s+(?:(?:currently|still|now|also|temporarily|intermittently)\s+)?(?:experienc\w*|affected|impacted|delayed|disrupted|interrupted|disconnected|logged out|signed out|charged|declined|blocked|prevented|unavailable|slow(?:er)?|late|missing|stuck|failing|down|offline|incomplete|duplicated|out of date|outdated|lost|unable|seeing|noticing|having (?:trouble|difficult\w*|issues?|problems?|errors?)|(?:causing|preventing|stopping) (?:some |many |a few |certain )?(?:users|customers|people|members|accounts|you))\b/i;

/**
 * The object of "due to", "because of", "as a result of" when it names no cause, only the
 * incident itself: "due to a technical issue", "as a result of an issue with some of our IT
 * systems", "because of the network outage", "due to this fault"; planned maintenance, which is
 * known; and the load on support ("due to high call volumes"). Anchored at the start of the
 * text after the connective.
 */
export const NO_CAUSE_NAMED =
  /^\s+(?:(?:(?:our|the|a|this)\s+)?(?:planned|scheduled|routine)\s+(?:maintenance|work|upgrade)|(?:the\s+)?(?:high|heavy|increased|unusually high)\s+(?:(?:volumes?|numbers?)\s+of\s+(?:calls|contacts|enquiries|inquiries|support requests)|call volumes?)|(?:the|this|these|that|those|today['’]s|this morning['’]s)\s+(?:[\w-]+\s+){0,3}?(?:outages?|incidents?|disruptions?|interruptions?|situation|matter)|(?:(?:a|an|some|the|this|these|that|those)\s+)?(?:(?:temporary|brief|short|technical|technology|intermittent|unexpected|unforeseen|ongoing|current|recent|unrelated|internal|minor|now-resolved|service|system|systems|platform)\s+){0,3}(?:issues?|problems?|faults?|difficult(?:y|ies)|errors?|glitch(?:es)?|outages?|incidents?|disruptions?|interruptions?))\b/i;

/** Before "because" in its sentence: the writer explains their own action ("I closed this because"). */
export const OWN_ACTION_BEFORE = /^\W*I(?:['’]m|['’]ve| am| have| will)?\s+\w+/;

/**
 * A fault put on a change the team made: "a problem with our latest release", "a bug in
 * today's update", "an issue caused by the migration". Locating the fault in a product part
 * ("an issue with the blog app") names no cause and is not matched.
 */
export const FAULTY_CHANGE = gate(
  /\b(?:problem|issue|bug|fault|error|regression)s?\s+(?:with|in|from|introduced by|caused by)\s+(?:(?:our|the|a|an|this|that|today['’]s|yesterday['’]s|last night['’]s)\s+)?(?:[\w-]+\s+){0,2}?(?:release|deploy(?:ment)?|update|upgrade|migration|patch|rollout|roll-out|code change|config(?:uration)? change)s?\b(?!\s+(?:page|screen|button|form|notifications?|emails?|feed|settings|section|tab|link|post|message|status))/gi,
  'release deploy update upgrade migration patch rollout roll code config',
);

/**
 * A cause stated in the active voice: something "caused it", "triggered the outage", "led to
 * these errors", "took down checkout". Asking what did ("we do not know what caused it") names
 * none and is not matched. (The lookbehind runs only where a verb's first letter is.)
 */
export const CAUSE_ACTIVE = gate(
  /\b(?=[bcklrt])(?<!\b(?:what|which|whatever|whichever)\b[^.;:!?]{0,30})(?:(?:caused|triggered|led\s+to|resulted\s+in)\s+(?:it|this|that|these|(?:the|our|your)\s+(?:[\w-]+\s+){0,2}?(?:outages?|issues?|problems?|incidents?|disruptions?|errors?|failures?|delays?|downtime|slowdowns?|interruptions?))|(?:brought|took|knocked)\s+(?:down|out)\s+(?:(?:the|our|your)\s+)?(?:[\w-]+\s+){0,2}?(?:checkout|service|site|app|api|logins?|payments?|servers?|systems?|platform|network))\b/gi,
  'caused triggered led resulted brought took knocked',
);
