/**
 * @module lint/impact
 * What a customer can or cannot do or see (the impact), read by `plain-impact` and
 * `no-vague-language`. A message names the impact when it names a customer's action or a
 * visible symptom ("cannot sign in", "payments are declined", "emails are delayed", "calls
 * work again"), not when it names a service that has "issues" or a metric that moved.
 *
 * Detection is by grammar, not by memorised sentences: an inability ("unable to", "not being
 * able to", "users' ability to"), a problem word followed by an action a customer takes
 * ("trouble connecting", "issues with notification emails"), an action noun with a problem or
 * recovery word ("login failures", "orders are being delivered"), or a symptom a customer sees
 * ("slow", "declined", "cancelled", "no dial tone").
 */
import { gate } from './triggers';

// Words ending in -ing that are not something a customer does ("issues affecting the app").
const NOT_AN_ACTION =
  'affecting|impacting|causing|regarding|relating|including|concerning|involving|during|using|ongoing|remaining|following|pending|according|something|nothing|anything|everything|morning|evening|being|having|seeing|experiencing|facing|reporting|happening|occurring|resulting|leading|preventing|bring|thing|things|king|lasting|continuing|persisting|working|investigating|monitoring|looking|trending|building|ring|spring|string|setting|meeting|earnings|outstanding|rising|caching|networking|routing|hosting|peering|scaling|computing|engineering|banking|load balancing';

/**
 * Things customers do or receive, as nouns: a problem word about one of them names the impact
 * ("issues with notification emails", "trouble with calls"), a problem word about a service
 * does not ("issues with the app").
 */
const ACTION_NOUN =
  '(?:log(?:-| )?(?:in|on)s?|logins?|sign(?:-| )?(?:in|on)s?|signins?|connectivity(?<!network\\s+connectivity)|connections?|connecting|access(?:ing)?|payments?|checkouts?|transactions?|transfers?|deposits?|withdrawals?|deliver(?:y|ies)|emails?|e-mails?|notifications?|messages?|messaging|texts?|texting|calls?|calling|signal|dial(?:ing|ling)?[- ]?tones?|streaming|streams?|playback|loading|downloads?|uploads?|sync(?:ing)?|bookings?|reservations?|check-?ins?|orders?|purchases?|invoices?|receipts?|builds?|deploys|invitations?|searche?s?|page loads?|video calls?|meetings?|games?|matchmaking|voice calls?|sending|receiving|posting)';

const PROBLEM =
  '(?:issues?|problems?|troubles?|difficult(?:y|ies)|errors?|failures?|delays?|outages?|disruptions?)';

// A customer action after a problem word: "issues logging in", "trouble connecting to Slack",
// "difficulty using the launcher", "errors when attempting to pay", "issues with customers
// logging in". "using" counts only with a part of the product ("using the launcher", "using some
// features"), not with the whole product ("issues using Roblox" says nothing).
const ACTION_AFTER = `(?:\\s+(?:with|when|while|in|on)(?:\\s+(?:customers|users|members|people|some|their|your|our|the|you))*)?(?:\\s+(?:attempting|trying)\\s+to\\s+\\w+|\\s+using\\s+(?:the|your|our|some|their|a|an|certain)\\s+(?!(?:mobile\\s+)?(?:app|application|service|services|website|site|platform|product|phone|network)\\b)|\\s+(?!(?:${NOT_AN_ACTION})\\b)[a-z]+ing\\b)`;

// Recovery or normal working, said about something a customer uses: "calls continue to work",
// "orders are processing as expected", "invitations are now being delivered", "SMP is now open
// again", "Twitter is back up for some people".
const WORKING =
  "(?:work(?:s|ing)?|load(?:s|ing)?|process(?:es|ing)?|send(?:s|ing)?|arriv(?:es|ing)|complet(?:es|ing)|go(?:es|ing)? through)(?<!\\b(?:everything|things|it|all|service|services|systems?)\\s+(?:(?:is|are|should|be|now|seems?|appears?)\\s+){0,3}\\w+(?:\\s+through)?)\\s+(?:again|normally|as expected|as normal|as usual|fine)|continu(?:e|es|ing) to work(?!\\s+(?:on|to|with|through|hard|towards?|closely|around|diligently|tirelessly|non-stop|urgently|quickly)\\b)|receiv\\w+ (?:a )?normal service|(?:are|is)\\s+(?:now\\s+)?being\\s+(?:delivered|processed|sent|received|completed|accepted)|(?:are|is)(?<!(?:fix|update|information|details|patch|workaround|updates|fixes|more|team|teams|staff|agents|we|engineers|people)\\s+(?:are|is))\\s+(?:now\\s+|again\\s+|still\\s+)?(?:available|accessible|functional|open)(?:\\s+again)?\\b(?!\\s+to\\b)|(?:is|are|'s|’s)(?<!(?:service|services|things|everything|it|system|systems)\\s*(?:is|are|'s|’s))\\s+(?:now\\s+)?back\\s+(?:up|online)\\b|be (?:visible|available|accessible|usable) again|see(?:ing)?\\s+(?:\\w+\\s+){0,2}(?:return|come back)|(?:now|again|still)\\s+(?:be\\s+)?able\\s+to|able\\s+to\\s+(?:\\w+\\s+){1,3}again|can (?:still|continue|now|again)|(?:customers|users|members|people)\\s+can\\s+(?!not\\b|['’]t\\b|to\\b|be\\b|expect\\b|see\\b|find\\b|check\\b|contact\\b|reach\\b|follow\\b|visit\\b)\\w+";

// "back to normal" said of a thing customers use; "get things back to normal" says nothing.
const BACK_TO_NORMAL =
  'back to normal(?<!(?:things|everything|it|all|service|services|systems?|get|getting|bring|bringing|have|having)\\s+(?:\\w+\\s+){0,2}back to normal)';

// The kinds of impact statement, as pattern sources joined into IMPACT.
const IMPACT_PARTS: readonly string[] = [
  // Someone trying to do something: "customers trying to pay".
  `\\b(?:users|customers|members|people|you|some|many)\\s+(?:\\w+\\s+)?(?:attempting|trying) to\\b`,
  // An inability; the writer's own inability to tell ("we are unable to say") is not one.
  `\\b(?:can(?:not|['’]t)|can not|could(?:n['’]t| not)|unable to|not (?:be |being |been )?able to|won['’]t be able to|impossible to|prevent(?:s|ed|ing)? (?!(?:this|it|that)\\s+from)(?:\\w+ )?from|no (?:way|longer able) to)\\b(?!\\s+(?:provide|give|share|say|confirm|guarantee|ascertain|estimate|offer|comment|tell|predict)\\b)`,
  // "affecting users' ability to sign in".
  `\\babilit(?:y|ies)\\s+(?:of\\s+[\\w'’]+\\s+|for\\s+(?:[\\w'’]+\\s+){1,3})?to\\s+\\w+`,
  // A problem word followed by a customer action: "issues logging in".
  `\\b${PROBLEM}${ACTION_AFTER}`,
  // An action noun with a problem word: "connection issues", "email service outage".
  `\\b${ACTION_NOUN}\\s+(?:service\\s+)?${PROBLEM}`,
  // A problem about an action noun: "issues with mobile calls", "investigating connectivity".
  `\\b(?:${PROBLEM}\\s+(?:with|to|in|for|on|affecting|impacting|disrupting)|affecting|impacting|disrupting|investigating)\\s+(?:(?!relat|regard)[\\w'’&-]+,?\\s+){0,5}?${ACTION_NOUN}\\b(?!\\s+(?:service|system|provider|server|platform|infrastructure|page|screen|feature|app|website|site|portal|tab)s?\\b)`,
  // An action said to be impacted: "sending of email was impacted".
  `\\b(?:${ACTION_NOUN}|sending|receiving|delivering)\\s+(?:of\\s+(?:\\w+\\s+){0,2})?(?:was|were|is|are|has been|have been)\\s+(?:\\w+\\s+)?(?:impacted|affected|disrupted|interrupted|paused|failing)`,
  // "No notifications are being sent".
  `\\bno\\s+(?:\\w+\\s+){0,2}(?:is|are|was|were|has been|have been)\\s+(?:being\\s+)?(?:sent|delivered|processed|received|shown|loaded|accepted)\\b`,
  // Visible symptoms, and recovery of something customers use.
  `\\b(?:fail(?:s|ed|ing)?\\s+(?:to|when|for|at)|fail(?<!(?:rate|rates|ratio)\\s+of\\s+fail)(?:s|ed|ing)?\\b|(?:are|is|were|was|being|get|getting|been)\\s+(?:\\w+\\s+)?(?:declined|rejected|delayed|failing|stuck|missing|lost|duplicated|charged twice|logged out|disconnected|timing out|slow(?:er)?)|declin(?:ed|ing)|time[sd]? out|timing out|timeouts?(?!\\s+(?:issue|problem)s?\\b)|slow(?:ly|ness|er)?|delayed(?!\\s+(?:response|reply|answer))|delays|(?:a|the) delay (?:to|in|for|before|of)|experienc\\w* (?:a |some )?delays?|(?:may|might|will|can|could|to)\\s+take\\s+(?:a (?:bit|little)\\s+|much\\s+|slightly\\s+|significantly\\s+)?longer|stuck|missing|blank (?:page|screen)|error (?:page|message|screen|code)s?|(?:see|seeing|get|getting|receive|receiving|experienc\\w*|encounter\\w*|shows?|showing|returns?|returning)\\s+(?:an?\\s+|the\\s+)?(?!(?:higher|elevated|increased|high|more)\\b)(?:\\w+\\s+)?errors?(?!\\s+rates?)|charged twice|double[- ]charged|cancel(?:l?ed|l?ing|lations?)|(?:had|have) to cancel|not(?<!something\\s+(?:is\\s+)?not) (?:functioning|operating|starting|opening|launching|running|loading|working|completing|arriving|load|work|complete|arrive|available|sending|syncing|showing|appearing|receiving|processing|updating|responding|reachable|connecting|going through|(?:been\\s+)?(?:fully\\s+)?functional)|(?:doesn|don|isn|aren|won|didn|wasn|weren)(?<!something\\s+\\w+)['’]t (?:work|load|open|working|loading|arrive|arriving|go through|going through|show|showing|send|sending)|unavailable|inaccessible|unreachable|offline|(?:is|are|was|were|went|goes|been)\\s+(?:temporarily\\s+|currently\\s+|still\\s+|completely\\s+|partially\\s+|now\\s+)?down|down for|crash(?:es|ed|ing)?|disconnect(?:s|ed|ing|ions)?|drop(?:s|ped|ping)? (?:calls|connections?|out)|log(?:ged|s)? (?:you |them |users |customers )?out|no (?:signal|service|connection|internet|access|coverage|dial[- ]?tones?)|lost (?:access|connection|service|data)|loss of (?:\\w+\\s+){0,2}(?:services?|access|connection|connectivity|signal|internet|broadband|power)|back ?logs?|queued|(?:in|through) (?:the|a) queue|(?:requires?|takes?|needs?|need) (?:some )?(?:additional|extra|more) time|(?:brought|taken|took|bringing|taking) down\\b|(?:brought|taken|took) (?:[\\w-]+\\s+){1,4}(?:offline|down)|restored (?:[\\w-]+\\s+){1,3}services?\\s+(?:for|to)\\b|try (?:\\w+ing|to \\w+)\\b[^.!?\\n]{0,40}\\bagain|(?:give|giving) (?:it|this|that) another (?:try|go)|(?:intermittent|patchy|reduced|limited) (?:service|connectivity|coverage|signal)(?!\\s+(?:problems?|issues?|disruptions?|interruptions?))|broken|(?:stops?|stopping|prevents?|preventing|blocks?|blocking)(?<!non-\\w+)\\s+(?!(?:by|at|in|on|to|the issue|the problem|this|it)\\b)\\w+|(?:is|are) not being \\w+|stopped|blocked|(?:not |un)affected|${BACK_TO_NORMAL}|${WORKING}|HTTP [45]\\d\\d)\\b`,
];

/**
 * A statement of what customers can or cannot do or see: an inability ("cannot sign in", "may
 * not be able to get online", "affecting users' ability to sign in"), a problem with an action
 * ("issues logging in", "trouble connecting", "connection issues", "issues with notification
 * emails"), a visible symptom ("payments are declined", "pages load slowly", "an error page",
 * "flights have been cancelled", "no dial tone"), or recovery of something customers use
 * ("calls work again", "orders are being delivered"). Metrics ("elevated error rates"),
 * problem words about a service ("issues with the app") and the writer's own inability ("we
 * are unable to give a time") are not impact. Case-insensitive.
 *
 * @example
 * IMPACT.test('Some customers cannot sign in.'); // true
 * IMPACT.test('We are experiencing issues with the app.'); // false
 */
export const IMPACT = new RegExp(joinAtWordEdge(IMPACT_PARTS), 'i');

/**
 * The parts as one alternation. When every part starts at a word edge (`\b`), the edge is
 * tested once before the alternation instead of once per part at every position: the same
 * matches, found in about a fifth less time.
 */
function joinAtWordEdge(parts: readonly string[]): string {
  if (!parts.every((p) => p.startsWith('\\b'))) return parts.join('|');
  return `\\b(?:${parts.map((p) => p.slice(2)).join('|')})`;
}

/** {@link IMPACT} with the global flag, to find every sentence that names the impact. */
export const IMPACT_ANYWHERE = new RegExp(IMPACT.source, 'gi');

/**
 * Access to a named product ("Access to the Nintendo eShop", "connectivity to Azure"): names
 * what customers cannot reach. Case-sensitive on the name.
 */
export const ACCESS_TO_NAMED = gate(
  /\b(?:[Aa]ccess|[Cc]onnectivity|[Cc]onnections?|[Ll]ogins?) to (?:the )?[A-Z][\w-]+/g,
  'access connectivity connection login',
);

/**
 * True when `text` names what customers can or cannot do or see ({@link IMPACT} or
 * {@link ACCESS_TO_NAMED}).
 *
 * @example
 * namesImpact('Users are having trouble connecting to Slack.'); // true
 * namesImpact('We are aware of issues with WhatsApp.'); // false
 */
export function namesImpact(text: string): boolean {
  ACCESS_TO_NAMED.lastIndex = 0;
  return IMPACT.test(text) || ACCESS_TO_NAMED.test(text);
}

const ACCESS_TO_NAMED_ANYWHERE = new RegExp(ACCESS_TO_NAMED.source, 'g');

/**
 * Every passage of `text` that names the impact, in order of position, as half-open UTF-16
 * ranges `{ start, end }` (shifted by `offset`, for a slice of a longer text); empty when
 * {@link namesImpact} is false.
 *
 * @example
 * impactSpans('Checkout is slow. Some customers cannot pay.').length; // 2
 */
export function impactSpans(text: string, offset = 0): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  for (const re of [IMPACT_ANYWHERE, ACCESS_TO_NAMED_ANYWHERE]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (m[0].length === 0) re.lastIndex++;
      else spans.push({ start: offset + m.index, end: offset + m.index + m[0].length });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}
