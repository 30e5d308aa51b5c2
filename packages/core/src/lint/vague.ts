/**
 * @module lint/vague
 * Wording that stands in for information, read by `no-vague-language` and `plain-impact`:
 * generic problem nouns about a service or the whole product ("technical issues", "issues with
 * WhatsApp", "a system-wide outage"), problems said to affect people rather than an action
 * ("an outage affecting customers in Texas"), metrics with no customer symptom ("elevated error
 * rates"), vague quantities ("some services") and holding statements with no news ("we are
 * continuing to work on this issue", "nothing new to report"). Callers decide when the message
 * says enough elsewhere for a match to be harmless.
 */
import { gate } from './triggers';

// Words that make a problem noun generic: the kind of problem ("technical", "system-wide"),
// the service it is about ("broadband and TV", "voice and data"), or how it is framed ("a
// temporary", "any current", "today's"). Parts with a name ("database", "network") are not
// generic: they are causes or jargon, judged by other rules.
const QUALIFIER =
  "(?:technical|technology|tech|IT|systems?|temporal|brief|system-wide|service|site|website|app|platform|general|performance|temporary|intermittent|current|ongoing|unexpected|minor|major|severe|serious|significant|widespread|capacity|user|broadband|TV|voice|data|banking|internet|mobile|online|today['’]s|some|several|multiple|various|certain)";
const NOUN =
  '(?:issues?|problems?|difficult(?:y|ies)|trouble|disruptions?|interruptions?|outages?|glitch(?:es)?|downtime)';

// A problem noun's object: "issues with the app", "an issue that is affecting broadband
// services", not "issues with customers logging in".
const ABOUT =
  "\\s+(?:(?:that|which)\\s+(?:is|are)\\s+)?(?:with|affecting|impacting|on|to)\\s+(?!(?:users|customers|members|people|you)\\b)(?:[\\w'’&-]+\\s+){0,4}?";

/**
 * A generic problem word that stands in for the impact: "experiencing some issues", "site
 * issues", "the current IT systems outage", "an issue affecting broadband services", "issues
 * with PSN", "severe disruption to their service", "aware of the outage". A bare reference ("the
 * issue", "this incident") is not vague. Vague only when no sentence names the impact.
 */
export const GENERIC_PROBLEM = gate(
  new RegExp(
    // One word edge before the alternation, not one per phrase: the same matches, less time.
    `\\b(?:${[
      `(?:experiencing|having|facing|encountering|suffering|dealing with|seeing|observing|aware of)\\s+(?:(?:some|an?|a few|several|ongoing|intermittent|technical|minor|major|unexpected|system-wide|severe|significant|general)\\s+)*${NOUN}`,
      `(?:(?:${QUALIFIER}|and|&)\\s+){1,4}${NOUN}`,
      `(?:(?:an?|some)\\s+(?:\\w+\\s+)?${NOUN}|issues|problems|disruptions|interruptions|outages)${ABOUT}(?:services?|apps?|application|platform|website|site|systems?|products?|banking|broadband)`,
      `disruptions? (?:in|of|to) (?:\\w+\\s+)?service`,
      `aware of (?:the|an?|this) (?:outage|situation|disruption)(?!\\s+(?:with|affecting|impacting|on|in|where|that)\\b)`,
      `something (?:is|went|has gone) (?:\\w+\\s+)?wrong`,
      `something (?:is|isn['’]t|was|wasn['’]t) (?:not )?(?:functioning|working|behaving) (?:correctly|properly|right|as expected)`,
      `there (?:is|was|has been|have been|could have been|may have been|might have been) (?:(?:indeed|also|currently|still|now)\\s+)?(?:(?:an?|some|a few)\\s+)?(?:(?:ongoing|active|current|brief|small|short|temporary|temporal|technical|minor|major|known)\\s+)?(?:incident|${NOUN})(?!\\s+(?:related to|with|caused by|due to|from|in (?:the|our) (?:way|handling)|where|when|that (?:caused|prevented|stopped))\\b)`,
      `(?:temporary|temporal|intermittent|unexpected|technical|internal|general|unknown) errors?`,
      `(?:(?:an?|some)\\s+(?:\\w+\\s+)?${NOUN}|issues|problems|outages)\\s+(?:on|in|at|with)\\s+(?:(?:our|the)\\s+)?(?:side|end|servers?|infrastructure|production|backend|back end|systems?)\\b`,
    ]
      .map((s) => `(?:${s})\\b`)
      .join('|')})`,
    'gi',
  ),
  'issue problem difficult disruption interruption outage degradation trouble situation glitch wrong downtime something there temporary temporal intermittent unexpected technical internal general unknown',
);

/**
 * A problem word about a named product: "issues with WhatsApp", "an outage affecting Xbox
 * Live". Case-sensitive on the name, so "an issue on one of our clusters" is not one.
 */
export const GENERIC_NAMED = gate(
  new RegExp(
    `\\b(?:(?:[Aa]n?|[Ss]ome)\\s+(?:\\w+\\s+)?(?:issue|problem|disruption|interruption|outage)s?|[Ii]ssues|[Pp]roblems|[Dd]isruptions|[Ii]nterruptions|[Oo]utages)${ABOUT}[A-Z][\\w-]+\\b`,
    'g',
  ),
  'issue problem disruption interruption outage',
);

/**
 * A problem said to affect people, not an action they take: "this issue affects users
 * globally", "an outage affecting customers in the Texas area", "it is currently affecting our
 * business and residential customers".
 */
export const AFFECTS_PEOPLE = gate(
  /\b(?:(?:issues?|outages?|problems?|disruptions?|interruptions?|faults?|glitch(?:es)?|it|this)\s+(?:that\s+|which\s+)?(?:is\s+|was\s+|has\s+been\s+|have\s+been\s+)?(?:currently\s+|also\s+|only\s+)?(?:affect|impact)(?:s|ed|ing)\s+(?:(?:(?:some|many|several|all|most) of )?our (?:services|systems|products)\b|the\s+(?:[\w-]+\s+){0,4}?services?\b|(?:[\w'’-]+,?\s+){0,8}?(?:users|customers|people|members|subscribers|players|merchants)\b)(?!['’]|\s+(?:ability|when|who|that|whose|trying|attempting|[a-z]+ing)\b)|(?:affects?|affecting|impacting|impacts?) all (?:services|systems|products)\b)/gi,
  'affect impact',
);

/**
 * Metrics with no customer symptom: "elevated error rates", "higher latency than usual",
 * "increased authorization failures" ("degraded performance" is {@link DEGRADED}).
 */
export const METRIC_ONLY = gate(
  /\b(?:(?:elevated|increased|higher|high|heightened|abnormal|unusual)\s+(?:(?:api|request|server|authori[sz]ation|authentication|\w+)\s+)?(?:error rates?|errors|failure rates?|failures|latency|latencies|response times?|timeouts|load)|(?:error rates?|latency|response times?)\s+(?:are|is)\s+(?:elevated|higher|increased))\b/gi,
  'elevated increased higher high heightened abnormal unusual error latency response',
);

/** Statements that tell a customer nothing, whatever the context: vague subjects and hedged symptoms. */
export const VAGUE = gate(
  /\b(?:aware of (?:a|an|the) (?:situation|matter)|a situation (?:affecting|impacting|with|involving)|(?:some|certain|several|various|multiple|many) (?:services|features|functionality|functionalities|systems|components|products|areas)|(?:may|might|could) (?:experience|see|notice|encounter|face|observe) (?:some )?(?:intermittent |temporary |minor |occasional |brief |service )?(?:issues?|problems?|disruptions?|difficult(?:y|ies)|degradation|impact|interruptions?|inconvenience|unexpected behaviou?r)(?!\s+(?:with|in|on|when|while|signing|logging|loading)\b)|(?:temporary|intermittent|minor|brief|partial) (?:service )?(?:disruptions?|interruptions?|degradation)|(?:may|might|could) be (?:impacted|affected)(?!\s+by\b)|not (?:been |be )?(?:fully|completely|entirely) (?:functional|operational|working))\b/gi,
  'situation matter services features functionalit systems components products areas may might could disruption interruption degradation fully completely entirely',
);

/** "Degraded performance": vague unless the sentence names a symptom. */
export const DEGRADED = gate(
  /\b(?:degraded (?:performance|service|functionality)|performance degradation|service degradation)\b/gi,
  'degraded degradation',
);

/** Symptom words that make "degraded performance" specific. */
export const DEGRADED_DETAIL =
  /\b(?:slow\w*|seconds?|minutes?|time[sd]? out|timing out|timeouts?|errors?|fail\w*|cannot|can['’]t|unable|delay\w*|latency|load\w*)\b/i;

/** Investigating with no object: fine once, empty after the first message. */
export const EMPTY_INVESTIGATION = gate(
  /\b(?:(?:investigating|looking into|aware of) (?:an?|the|this|some) (?:issue|problem|incident|matter)s?(?!\s+(?:with|in|on|affecting|impacting|where|that|causing|for|when|preventing|which)\b)|(?:investigating|aware of) reports(?!\s+(?:of|that)\b)|look(?:ing)? into (?:it|this|the (?:issue|matter|problem))|(?:continu(?:e|ing) to|still) investigat(?:e|ing)(?: (?:the|this) (?:issue|matter|problem|incident))?(?=\s*[.!;]|\s*$))\b/gi,
  'investigat look aware',
);

/**
 * News in a message besides a holding statement: progress on the cause or the fix ("identified
 * the root cause", "applied a fix", "rolled back"), or recovery. Intent ("working to restore")
 * is not news. A holding statement next to news is not vague.
 */
export const PROGRESS =
  /\b(?:identified|found|fixed|deployed|deploying|restored|resolved|roll(?:ed|ing)? (?:back|out)|rollback|mitigated|recovered|recovering|implemented|applied|isolated|confirmed|back (?:up|online|to normal)|working (?:again|properly|normally)|operating normally|up and running|(?:fully )?operational(?: again)?|rerouted|failed over|workaround)\b/gi;

/**
 * Holding statements with no news, vague after the first message: "we are continuing to
 * monitor", "monitoring the situation", "nothing new to report", "the problem is under review",
 * "we continue to work on resolving this issue", "we're working on it", "the investigation is
 * taking longer than expected", "the cause has been found" with nothing else said.
 */
export const HOLDING = gate(
  /\b(?:(?:continu(?:e|es|ing) to|still|closely|actively)\s+(?:monitor(?:ing)?|investigat(?:e|ing)|look(?:ing)? into|work(?:ing)? on)(?:\s+(?:for\s+)?(?:any\s+)?(?:further\s+)?(?:the|this|these|any)?\s*(?:issues?|problems?|situation|matter|incident|things|it))?(?=\s*(?:[.!;,]|$|and\b|to\b|for\b|as\b|but\b))|(?:continu(?:e|es|ing) to|still)\s+work(?:ing)?\s+(?:on|to)\s+(?:resolv\w*|fix\w*|address\w*)\s+(?:this|the|these)\s+(?:issues?|problems?|matter)|(?:monitor(?:ing)?|managing|handling) (?:the|this) (?:situation|matter)|monitor(?:ing)? (?:\w+\s+){0,2}(?:stability|performance)|(?:we['’]re|we are) (?:still )?working on (?:it|this)(?=\s*[.!]|\s*$)|(?:is|are) taking (?:much )?longer than (?:expected|anticipated|planned)|(?:tracking|following) the progress|(?:nothing|no) (?:new|further|more) (?:to report|updates?|information|news)|(?:is|are|remains?) under (?:review|investigation)|things are (?:beginning to |starting to )?look(?:ing)? up|(?:the )?(?:cause|issue|problem) has been (?:found|identified)(?=\s*[.!]|\s*$))/gi,
  'continu still closely actively monitor managing handling working taking tracking following nothing no under things cause issue problem',
);
