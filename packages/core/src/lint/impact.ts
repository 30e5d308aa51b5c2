/**
 * @module lint/impact
 * What a customer can or cannot do or see (the impact), and the generic problem words that stand
 * in for it ("issues with the app", "elevated error rates"). Read by `plain-impact` and
 * `no-vague-language`: a message names the impact when it names a customer's action or a
 * visible symptom, not when it names a service that has "issues".
 */
import { gate } from './triggers';

// Words ending in -ing that are not something a customer does ("issues affecting the app").
const NOT_AN_ACTION =
  'affecting|impacting|causing|regarding|including|concerning|involving|during|using|ongoing|remaining|following|pending|according|something|nothing|anything|everything|morning|evening|being|having|seeing|experiencing|facing|reporting|happening|occurring|resulting|leading|preventing|bring|thing|things|king|during|lasting|continuing|persisting|working|investigating|monitoring|looking|trending';

// A customer action after a problem word: "issues logging in", "trouble connecting to Slack",
// "problems accessing Twitter", "errors when attempting to pay", "issues with customers logging in".
const ACTION_AFTER = `(?:\\s+(?:with|when|while|in|on)(?:\\s+(?:customers|users|members|people|some|their|your|our|the|you))*)?(?:\\s+(?:attempting|trying)\\s+to\\s+\\w+|\\s+(?!(?:${NOT_AN_ACTION})\\b)[a-z]+ing\\b)`;

/**
 * A statement of what customers can or cannot do or see: an inability ("cannot sign in", "may
 * not be able to get online"), a problem with an action ("issues logging in", "trouble
 * connecting", "connection issues", "payment failures"), or a visible symptom ("payments are
 * declined", "pages load slowly", "an error page", "emails are delayed", "the app is down").
 * Metrics ("elevated error rates") and problem words about a service ("issues with the app")
 * are not impact. Case-insensitive.
 */
export const IMPACT = new RegExp(
  [
    // Inability, or someone trying to do something.
    `\\b(?:users|customers|members|people|you|some|many)\\s+(?:\\w+\\s+)?(?:attempting|trying) to\\b|\\b(?:can(?:not|['’]t)|can not|could(?:n['’]t| not)|unable to|not (?:be )?able to|won['’]t be able to|impossible to|prevent(?:s|ed|ing)? (?:\\w+ )?from|no (?:way|longer able) to)\\b`,
    // A problem word followed by a customer action.
    `\\b(?:issues?|problems?|trouble|difficult(?:y|ies)|errors?|failures?|delays?)${ACTION_AFTER}`,
    // An action noun with a problem word: "connection issues", "sign-in problems", "login failures".
    `\\b(?:log(?:-| )?(?:in|on)|login|sign(?:-| )?(?:in|on)|signin|connection|connectivity|connecting|access|payment|checkout|card|transaction|transfer|delivery|email|e-mail|message|messaging|call|calling|streaming|loading|download|upload|sync(?:ing)?|booking|check-in|login)s?\\s+(?:issues?|problems?|errors?|failures?|difficult(?:y|ies)|trouble|outages?|delays?)\\b`,
    // Visible symptoms.
    `\\b(?:fail(?:s|ed|ing)?\\s+(?:to|when|for|at)|(?<!(?:rate|rates|ratio)\\s+of\\s+)fail(?:s|ed|ing)?\\b|(?:are|is|were|was|being|get|getting|been)\\s+(?:\\w+\\s+)?(?:declined|rejected|delayed|failing|stuck|missing|lost|duplicated|charged twice|logged out|disconnected|timing out|slow(?:er)?)|declin(?:ed|ing)|time[sd]? out|timing out|timeouts?|slow(?:ly|ness|er)?|delayed|stuck|missing|blank (?:page|screen)|error (?:page|message|screen|code)s?|(?:see|seeing|get|getting|receive|receiving|shows?|showing|returns?|returning)\\s+(?:an?\\s+|the\\s+)?(?!(?:higher|elevated|increased|high|more)\\b)(?:\\w+\\s+)?errors?(?!\\s+rates?)|charged twice|double[- ]charged|not (?:loading|working|completing|arriving|load|work|complete|arrive|available|sending|syncing|showing|appearing|receiving|processing|updating|responding|reachable|connecting|going through)|(?:doesn|don|isn|aren|won|didn|wasn|weren)['’]t (?:work|load|open|working|loading|arrive|arriving|go through|going through|show|showing|send|sending)|unavailable|inaccessible|unreachable|offline|(?:is|are|was|were|went|goes|been)\\s+down|down for|crash(?:es|ed|ing)?|disconnect(?:s|ed|ing|ions)?|drop(?:s|ped|ping)? (?:calls|connections?|out)|log(?:ged|s)? (?:you |them |users |customers )?out|no (?:signal|service|connection|internet|access)|lost (?:access|connection|service|data)|loss of (?:service|access|connection|signal)|broken|(?:stops?|stopping|prevents?|preventing|blocks?|blocking)\\s+(?!(?:by|at|in|on|the issue|the problem)\\b)\\w+|(?:is|are) not being \\w+|stopped|blocked|(?:not |un)affected|work(?:s|ing)? (?:again|normally|as expected)|back to normal|can (?:still|continue|now|again)|able to (?:\\w+ )?again|HTTP [45]\\d\\d)\\b`,
  ].join('|'),
  'i',
);

/** {@link IMPACT} with the global flag, to find every sentence that names the impact. */
export const IMPACT_ANYWHERE = new RegExp(IMPACT.source, 'gi');

/**
 * A generic problem word that stands in for the impact: "experiencing some issues", "site
 * issues", "intermittent technology issues", "an issue affecting broadband services", "issues
 * with PSN", "aware of the outage". A bare reference ("the issue", "this incident") is not
 * vague, and neither is a problem with an action ("issues logging in"): callers check
 * {@link IMPACT} on the whole message.
 */
export const GENERIC_PROBLEM = gate(
  /\b(?:(?:experiencing|having|facing|encountering|suffering|dealing with|seeing)\s+(?:(?:some|an?|a few|several|ongoing|intermittent|technical|these|minor|major|unexpected)\s+)*(?:issues?|problems?|difficult(?:y|ies)|trouble|disruptions?|interruptions?|outages?)|(?:technical|technology|system|site|service|performance|network|general|IT|platform|server|website|app|broadband|banking)\s+(?:issues?|problems?|difficult(?:y|ies)|disruptions?|interruptions?|outages?|degradation)|(?:(?:an?|some)\s+(?:\w+\s+)?(?:issue|problem|disruption|interruption|outage)s?|issues|problems|disruptions|interruptions|outages)\s+(?:with|affecting|impacting|on)\s+(?!(?:users|customers|members|people|you)\b)(?:[\w'’&-]+\s+){0,4}?(?:services?|apps?|application|platform|website|site|systems?|products?|network|banking|broadband|[A-Z][\w-]+)|aware of (?:the|an?|this) (?:outage|situation|disruption)(?!\s+(?:with|affecting|impacting|on|in|where|that)\b))\b/gi,
  'issue problem difficult disruption interruption outage degradation trouble situation',
);

/**
 * Metrics with no customer symptom: "elevated error rates", "higher latency than usual",
 * "increased authorization failures", "degraded performance".
 */
export const METRIC_ONLY = gate(
  /\b(?:(?:elevated|increased|higher|high|heightened|abnormal|unusual)\s+(?:(?:api|request|server|authori[sz]ation|authentication|\w+)\s+)?(?:error rates?|errors|failure rates?|failures|latency|latencies|response times?|timeouts|load)|(?:error rates?|latency|response times?)\s+(?:are|is)\s+(?:elevated|higher|increased)|degraded (?:performance|service|functionality)|performance degradation|service degradation)\b/gi,
  'elevated increased higher high heightened abnormal unusual error latency response degraded performance service',
);

/**
 * News in a message besides a holding statement: progress on the cause or the fix ("identified
 * the root cause", "applied a fix", "rolled back"), or recovery. A holding statement next to news
 * is not vague.
 */
export const PROGRESS =
  /\b(?:identified|found|fix(?:ed|es)?|deploy\w*|restor\w*|resolv\w*|roll(?:ed|ing)? (?:back|out)|rollback|mitigat\w*|recover\w*|cause[ds]?|implemented|applied|isolated|confirm\w*|back (?:up|online|to normal)|working again|rerout\w*|failed over|workaround)\b/i;

/**
 * Holding statements with no news, vague after the first message: "we are continuing to
 * monitor", "monitoring the situation", "nothing new to report", "the problem is under review",
 * "we continue to investigate", "things are beginning to look up", "the cause has been found"
 * with nothing else said.
 */
export const HOLDING = gate(
  /\b(?:(?:continu(?:e|es|ing) to|still|closely|actively)\s+(?:monitor(?:ing)?|investigat(?:e|ing)|look(?:ing)? into|work(?:ing)? on)(?:\s+(?:for\s+)?(?:any\s+)?(?:further\s+)?(?:the|this|these|any)?\s*(?:issues?|problems?|situation|matter|incident|things|it))?(?=\s*(?:[.!;,]|$|and\b|to\b|for\b|as\b|but\b))|monitor(?:ing)? (?:the|this) situation|(?:nothing|no) (?:new|further|more) (?:to report|updates?|information|news)|(?:is|are|remains?) under (?:review|investigation)|things are (?:beginning to |starting to )?look(?:ing)? up|(?:the )?(?:cause|issue|problem) has been (?:found|identified)(?=\s*[.!]|\s*$))/gi,
  'continu still closely actively monitor nothing no under things cause issue problem',
);
