/**
 * @module lint/phrases
 * Every phrase list the linter and the approval gates use, precompiled once. Rules decide
 * what a match means (negated? quoted? confirmed?); this module only says what to look for.
 */

import type { Scope } from '../vocabulary';
import { gate } from './triggers';

// Regexes here carry the `g` flag; callers iterate them with `eachMatch`, which resets
// `lastIndex`, so sharing one compiled instance across calls is safe.

/** Calls `fn` for every match of a global regex in `text`, from the start. */
export function eachMatch(re: RegExp, text: string, fn: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    fn(m);
  }
}

/** Escapes a literal phrase for use in a RegExp and lets any run of spaces match. */
export function phraseSource(phrase: string): string {
  return phrase
    .trim()
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\s+/g, '\\s+');
}

/** Compiles extra phrases (plain text, matched case-insensitively on word edges). */
export function compilePhrases(phrases: readonly string[]): RegExp | undefined {
  const parts = phrases.filter((p) => p.trim() !== '').map(phraseSource);
  if (parts.length === 0) return undefined;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

// ---------------------------------------------------------------------------------------
// Causes (no-cause-speculation)

/** Hedges: words that mark a guess. A guess about a cause needs a {@link CAUSE_CUE} nearby. */
export const CAUSE_HEDGE = gate(
  /\b(?:probably|likely|possibly|perhaps|maybe|(?:it is|it['’]s|it was|it['’]d be|it would be) (?:quite |very |entirely )?(?:possible|conceivable)|presumably|apparently|seem(?:s|ed)? to (?:be|have)|appears? to (?:be|have)|(?:looks?|seems?|sounds?) like|(?:may|might|could) (?:be|have been)|must(?:['’]ve| have) been|(?:we|i)(?:'re|’re|'m|’m| are| am)? (?:suspect(?:ing)?|think|believe|assume|guess)|suspected|(?:our|the) (?:working )?(?:theory|hypothesis)|(?:we|i)(?:'re|’re|'m|’m| are| am) (?:fairly|pretty|quite|reasonably) (?:sure|confident|certain))\b/gi,
  'probably likely possibly perhaps maybe possible conceivable presumably apparently seem appear look sound may might could suspect think believe assume guess theory hypothesis fairly pretty quite reasonably must',
);

/** Words that make a hedged clause a statement about a cause. */
export const CAUSE_CUE =
  /\b(?:caus(?:ed|es|ing)|due to|because|related|linked to|connected to|tied to|manifestation|symptom of|result(?:s|ed)? (?:of|from)|triggered|stem(?:s|med)? from|originat\w*|at fault|(?:problem|issue|fault|bug|outage|failure|downtime)s? (?:with|at|in|from|of)|['’]s (?:issue|problem|fault|outage|end|side)|migrat\w*|upgrad\w*|providers?|partners?|vendors?|suppliers?|third[- ]party|upstream|database|db|network|dns|servers?|deploy(?:ment|ed)?s?|release|(?:config(?:uration)?|code) change|maintenance|configuration|certificate|load balancer|overload(?:ed)?|bug|backlog|attack|hardware|(?:root |underlying )?causes?|culprit|suffer(?:s|ed|ing)? from|(?:operator|human|user|configuration|config|software|hardware|coding|programming) errors?)\b/i;

/** Causal attributions stated as fact: fine once the cause is confirmed, a guess before. */
export const CAUSE_CLAIM = gate(
  /\b(?:caused by|due to(?! (?:be|arrive|start|begin|go|post|publish)\b)|because of|as a result of|resulting from|triggered by|stem(?:s|med|ming)? from|traced (?:back )?to|attributed to|the (?:root )?cause (?:is|was|has been)(?! (?:not|still|unknown|unclear|under|being|yet))|(?:is|was) the (?:root )?cause)\b/gi,
  'caused due because result triggered stem traced attributed cause',
);

/** "because" without "of": a cause only when a {@link CAUSE_NOUN} follows in the clause. */
export const BECAUSE = gate(/\bbecause\b(?! of)/gi, 'because');

/** Things a cause is usually made of; used after "because". */
export const CAUSE_NOUN =
  /\b(?:providers?|partners?|vendors?|suppliers?|third[- ]party|upstream|database|network|dns|servers?|deploy\w*|release|change|maintenance|configuration|certificate|load balancer|bug|backlog|outage|failover|upgrade|migration|data ?cent(?:er|re)|cloud|isp|hardware|power|attack)\b/i;

/** Blaming a provider or partner for the incident. */
export const PROVIDER_BLAME = gate(
  /\b(?:(?<!\b(?:through|via|using|with|by|from|to|for|at)\s)(?:our|the|a|an|one of our)\s+(?:[\w-]+\s+){0,2}(?:provider|partner|vendor|supplier|host|carrier|isp)s?\s+(?:(?:that|which|who|we)\s+(?:[\w'’-]+\s+){0,5}?)?(?:is|are|has|have|was|were)\s+(?:(?:currently|also|still)\s+)?(?:having|experiencing|seeing|down|failing|degraded|an? (?:outage|incident|issue|problem)|issues|problems|outages|trouble)|(?:outage|issue|problem|incident|failure|fault)s?\s+(?:at|with|on the side of|from)\s+(?:our|the|a|an)\s+(?:[\w-]+\s+){0,2}(?:provider|partner|vendor|supplier|host|isp)s?|third[- ]party (?:outage|issue|problem|incident|failure)s?|(?:outage|issue|problem|incident|failure) (?:at|with) a third party)\b/gi,
  'provider partner vendor supplier host carrier isp third',
);

// ---------------------------------------------------------------------------------------
// Recovery claims (no-premature-resolution)

/** Saying the incident is over. */
export const RESOLUTION_CLAIM = gate(
  /\b(?:fixed(?! (?:price|fee|rate|schedule|time|amount|interval|cadence|rhythm|ip|address|number|width|term|window)\b)|resolved|restored|recovered|back (?:to normal|up and running|online|in service)|(?:is|are|'s|’s|'re|’re) (?:now |fully |all )?back\b(?! (?:to you|to normal|up|online|with|in touch|soon|shortly|by|within|in|on)\b)|up and running|all systems (?:are )?(?:operational|go|normal)|fully operational|(?:working|operating|running) (?:normally |as expected )?again|(?:now|again) (?:working|operating|running) (?:normally|as expected)|(?:issue|incident|problem|outage) is (?:over|gone|behind us)|no longer (?:failing|down|affected|broken|an issue|impacted)|is stable again|(?:everything|all) (?:is|are) (?:fine|good|ok|okay|normal|working)(?: again| now)?)\b/gi,
  'fixed resolved restored recovered back running systems operational again working operating issue incident problem outage longer stable fine good ok normal',
);

/** A modal or intent right before a recovery word makes it a forecast, not a claim. */
export const FORECAST_BEFORE =
  /(?:\b(?:will|'ll|’ll|should|shall|must|may|might|could|would|going to|expect(?:s|ed)?|hope)\s+(?:\S+\s+){0,3}|\bto\s+(?:(?:be|have|get|been|now|fully|all)\s+){0,3})$/i;

// ---------------------------------------------------------------------------------------
// Fix times (topic `fixTime`, no-fix-time-promise)

/**
 * A word that makes a time a promise: a forecast (will, should, expect, ETA), or an intent or a
 * plan toward a fix (on track to, tracking toward, working toward, intend, our goal is).
 */
export const PROMISE_MODAL =
  /\b(?:will|won['’]t|'ll|’ll|should|shall|expect\w*|estimat\w*|eta(?!\s+(?:api|field|endpoint|service|feature|page|data)\b)|target\w*|going to|aim\w*|plan\w*|hope\w*|hoping|anticipat\w*|projected|forecast(?:ed)? to|likely to|on track (?:to|for)|track(?:s|ing)? (?:to|toward|towards)|work(?:s|ing)? towards?|intend\w*|(?:our|the) goal is)\b/i;

/**
 * A hedged forecast right before what recovers: "may be back", "might have it fixed", "could
 * be working again", "is likely to be restored". Only this close is a hedge a guessed fix time:
 * "customers may see errors today" or "you may want to retry this afternoon" promise nothing.
 */
export const HEDGED_RECOVERY_BEFORE =
  /\b(?:(?:may|might|could|can|['’]d|likely to|probably)\s+(?:(?:well|still|even|yet|easily|soon)\s+)?(?:be\s+|(?:have|get)\s+(?:(?!been\b)[\w'’-]+\s+){0,3}?|start\s+(?:to\s+)?|(?:go|come)\s+)(?:(?:fully|all|back|now)\s+)?|(?:probably|prob|likely|hopefully|possibly)\s+|(?:may|might|could)\s+(?:deploy|ship|push|release|roll\s+out|apply|land)\s+(?:the|a|our|its|their)\s+)$/i;

/**
 * A recovery noun and a hedged forecast after it: "a fix may ship", "the fix might land",
 * "the patch could go out". With a time after it, a guessed fix time.
 */
export const HEDGED_AFTER_NOUN =
  /^\s+(?:may|might|could|can)\s+(?:well\s+)?(?:ship|land|go\s+(?:live|out|in)|roll\s+out|arrive|be\s+(?:ready|live|out|deployed|released|shipped|rolled\s+out|in\s+place))\s+$/i;

/**
 * A recovery in the present tense that a clock time turns into a schedule: "service resumes
 * at 15:00", "the fix goes live at 3pm", "checkout is back by noon". "Resumed at 15:00" is
 * history and does not match.
 */
export const PRESENT_RECOVERY =
  /\b(?:resumes?|restarts?|reopens?|returns|returns?\s+to\s+normal|(?:is|are)\s+due\s+back(?:\s+(?:up|online))?|goes\s+(?:live|out|back\s+up)|ships|lands|rolls\s+out|deploys|starts?\s+\w+ing(?:\s+again)?|(?<!\b(?:please|can|could|to|you|and)\s)comes?\s+back(?:\s+(?:up|online))?|(?:is|are)\s+(?:going|rolling)\s+out|(?:it['’]s|is|are)\s+(?:back|live|restored|fixed|resolved)(?:\s+(?:up|online))?)(?:\s+(?:again|online|today))?\s+$/i;

/**
 * A problem that may go on, just before an "until": "you may see errors", "logins might stay
 * slow", "errors may persist", "emails could be delayed". With "until 5pm" after it, a guess at
 * when it ends.
 */
export const HEDGED_LASTING =
  /\b(?:(?:may|might|could)\s+(?:still\s+|also\s+)?(?:be|remain|stay|keep|continue|persist|linger|see|experience|take|notice|wait|have\s+to\s+wait)\b(?:\s+[\w'’-]+){0,3}|expect\s+(?:[\w'’-]+\s+){0,3}?(?:delays|errors|issues|problems|slowness|disruption|failures|timeouts|outages|times)|expect\s+(?:the\s+|this\s+)?(?:outage|issue|problem|disruption|incident|errors?|delays?)\s+to\s+(?:continue|last|persist)|expect\s+(?:[\w'’-]+\s+){0,3}?to\s+(?:be|remain|stay)\s+(?:unavailable|down|slow|degraded|offline|delayed|affected)|(?:delays|errors|issues|problems|slowness|disruption|failures|timeouts|outages)\s+(?:are|is|remain)\s+(?:likely|expected|possible))(?:\s+around)?\s+$/i;

/**
 * A modal right before a recovery verb: "the backlog may clear", "payments might resume", "the
 * queue could drain". Read with {@link BARE_HEDGED_RECOVERY}.
 */
export const BARE_HEDGE_BEFORE = /\b(?:may|might|could)\s+(?:well\s+)?$/i;
/** The recovery verbs a bare modal hedges (not "may retry", "may use it again": advice). */
export const BARE_HEDGED_RECOVERY = /^(?:resum|recover|restor|return|stabili|catch)/i;
/** "clear" and "drain" read as recovery only for a backlog: "the backlog may clear" (not "funds may clear"). */
export const BACKLOG_BEFORE =
  /\b(?:backlogs?|queues?|delays?|issues?|errors?)\s+(?:may|might|could)\s+(?:well\s+)?$/i;

/** A hedge: may, might, could (not "may have", "could not"). */
export const HEDGE_WORD = /\b(?:may|might|could)\b(?!\s+(?:not|have)\b|n['’]t)/i;

/** Words before a time that make it an update time, not a fix time. */
export const UPDATE_WORD =
  /\b(?:updates?|post(?:ed)?|tweet|news|get back|check (?:in|back)|report|confirm|summary|follow-up|notes|share|more (?:details?|information)|(?:email|message|call|write to|contact) (?:you|everyone|customers|again|back))\b/i;
/** Past tense before a recovery word: history, not a promise. */
export const PAST_BEFORE =
  /\b(?:was|were|has been|have been|had been|had|took|since|between|came|went|(?:has|have) (?:remained|stayed))\b/i;

/** "I will be back", "we'll be back": a person coming back, not the service. */
export const PERSON_BACK =
  /\b(?:i|we|you|who|he|she|(?:support\s+|service\s+|on-?call\s+|sales\s+|office\s+|engineering\s+)?(?:team|staff|agents?|engineers?|desk|colleagues|office|ceo|cto|lead|manager|supplier|vendor|partner)|(?:phone|live\s+chat|chat|support|help\s?desk)(?:\s+(?:line|lines|support|team))?)(?:\s+(?:probably|likely|hopefully|usually))?(?:(?:'ll|’ll| will| should| would| can| may| might)? be| is| are|['’]re|['’]s|['’]m| am)(?:\s+(?:probably|likely|hopefully|usually))? $/i;

/** After "back": a person replying or at their desk ("back to us by 3pm", "back at your desk"). */
export const PERSON_BACK_AFTER =
  /^\s+(?:to\s+(?:us|you|them)|at\s+(?:your|their|our|his|her|my)\s+desk|in\s+(?:the\s+)?office)\b/i;

// ---------------------------------------------------------------------------------------
// Approval topics (topics.ts)

/** Credits, refunds, discounts and other remedies (topic `compensation`). */
export const COMPENSATION = gate(
  /\b(?:(?:service |account |bill(?:ing)? |goodwill )?credit(?:s|ed)?(?![- ](?:card|check|score|union|limit)s?\b)|refund(?:s|ed|ing)?|reimburs\w*|compensat\w*|discount(?:s|ed)?|money back|free (?:months?|weeks?|upgrade|of charge)|waive[ds]?|waiving|on the house|(?:cover|absorb) (?:the |any |your )?(?:costs?|fees?|charges?)|make (?:it|this|things|that) (?:right|up to you)|(?:don['’]t|do not) worry about the (?:cost|bill|charges?|invoice)|(?:take|knock) (?:\S+ )?off your (?:bill|invoice))\b/gi,
  'credit refund reimburs compensat discount money month week upgrade charge house cost fee make$ bill invoice waiv',
);

/**
 * Right after a remedy word: it names a way to pay or a product feature, not an offer. A card
 * type in a list ("credit or debit card", "credit/debit cards", "credit, debit or gift card")
 * or a feature noun ("store credit balance", "discount codes", "refund requests", "credit
 * limit"). Tested on the text that follows the {@link COMPENSATION} match.
 */
export const REMEDY_FEATURE_AFTER =
  /^(?:(?:\s*(?:,|\/|&|or\b|and\b)\s*(?:debit|prepaid|gift|charge|bank|store)\b)*(?:\s*(?:,|\/|&|or\b|and\b))?[\s-]*cards?\b|s?[\s-]+(?:codes?|coupons?|vouchers?|balances?|limits?|scores?|checks?|requests?|processing|history|statements?)\b)/i;

/**
 * Right before a remedy word: it is the way a customer pays ("paying with store credit",
 * "checkout using account credit"), not an offer. Tested on the text before the match.
 */
export const REMEDY_PAYMENT_BEFORE =
  /\b(?:pay(?:s|ing|ment|ments)?|paid|check(?:ing)? out|checkout|buy(?:s|ing)?|purchas(?:e|es|ing)|spend(?:s|ing)?)\s+(?:with|using|by|via|from)\s+(?:[\w'’-]+\s+){0,3}$/i;

/** "store credit payments": store credit named as a way to pay. Tested on the text after the match. */
export const STORE_CREDIT_PAYMENT_AFTER = /^\s+payments?\b/i;

/** SLAs and contract terms (topic `contract`). */
export const CONTRACT = gate(
  /\b(?:SLAs?|service[- ]level (?:agreement|commitment|credit)s?|uptime (?:guarantee|commitment)s?|contract(?:s|ual(?:ly)?)?(?![- ](?:numbers?|ids?|reference)\b)|penalt(?:y|ies)|terms of service|MSA)\b/gi,
  'sla level uptime contract penalt terms msa',
);

/** Security incidents (topic `security`). */
export const SECURITY = gate(
  /\b(?:security (?:incident|breach|issue|vulnerability|event|problem)s?|breach(?:ed|es)?|hack(?:ed|er|ers|ing)?|cyber ?attacks?|attack(?:er|ers)|unauthori[sz]ed access|compromised|malicious|malware|ransomware|phishing|DDoS|denial[- ]of[- ]service|vulnerabilit(?:y|ies)|exploit(?:ed)?|intrusion|(?:leaked|exposed|stolen) (?:data|credentials|passwords|information|tokens|keys)|(?:credentials|passwords|tokens|keys) (?:were |have been )?(?:leaked|exposed|stolen))\b/gi,
  'security breach hack cyber attack unauthori compromised malicious malware ransomware phishing ddos denial vulnerabilit exploit intrusion leaked exposed stolen',
);

/** Data loss, and claims that data is safe (topic `dataLoss`). */
export const DATA_LOSS = gate(
  /\b(?:data (?:loss|was lost|were lost|has been lost|is lost|corruption|integrity)|(?:lost|corrupted|deleted) (?:data|records|orders|files|messages|transactions)|(?:your|all|customer) data (?:is|remains|was|has been|stays) (?:safe|secure|intact|protected|fine|not (?:lost|affected|at risk))|no data (?:was|has been|is|were|will be) (?:lost|affected|deleted|corrupted|exposed|at risk)|no data loss|(?:records|orders|files|messages|transactions) (?:were|have been|was|has been) (?:permanently )?(?:lost|deleted|corrupted)|permanently (?:lost|deleted)|cannot be recovered|can(?:not|['’]t) be restored|restor(?:e|ed|ing) from (?:a )?backups?|(?:no |any |some |your |customer |personal |account )?(?:data|information|details|records) (?:was|were|has been|have been|is|are|may have been|might have been|could have been) (?:not )?(?:exposed|leaked|accessed|compromised|visible|shared|lost|deleted)|(?:sent|shown|visible|emailed|delivered|displayed) to (?:the )?wrong (?:customers?|people|persons?|accounts?|recipients?|users?)|(?:invoices|orders|messages|emails|files|records|documents|receipts|payments|photos|uploads|attachments|notes|data) (?:may|might|could) have been (?:lost|deleted|exposed|sent to|corrupted|overwritten))\b/gi,
  'data$ lost corrupted deleted permanently recovered restor exposed leaked accessed compromised visible shared wrong sent overwritten',
);

/** Legal and regulatory matters (topic `legal`). */
export const LEGAL = gate(
  /\b(?:legal(?:ly)?|lawsuits?|litigation|liab(?:le|ility)|GDPR|HIPAA|regulators?|regulatory|data protection (?:authority|officer)|notify (?:the )?authorities|attorneys?|lawyers?|legal counsel|in violation of|compliance (?:issue|breach|violation)s?)\b/gi,
  'legal lawsuit litigation liab gdpr hipaa regulat protection authorities attorney lawyer violation compliance',
);

// ---------------------------------------------------------------------------------------
// Symptoms (publish/consistency)

/** A visible symptom: what customers can or cannot do or see. */
export const SYMPTOM =
  /\b(?:can(?:not|['’]t)|can not|unable to|not able to|could(?:n['’]t| not)|can still|can continue|can keep|fail(?:s|ed|ing|ures?)?|errors?|not (?:loading|working|completing|arriving|load|work|complete|arrive|available|being|sending|syncing|showing|appearing|receiving|processing|updating|responding|reachable)|unavailable|outages?|down|time[sd]? out|timing out|timeouts?|slow(?:er|ly|ness)?|delay(?:s|ed)?|late|latency|missing|blank|stuck|stopped|declined|charged twice|duplicated?|loops?|HTTP \d{3}|[45]\d\d|[45]xx|(?:doesn|don|isn|aren|won)['’]t (?:work|load|open|working|loading)|nothing works|disconnect\w*|crash\w*|lost|unreachable|inaccessible|offline|broken|stops?|stopping|prevents?|preventing|blocks?|blocking|(?:not |un)affected|work(?:s|ing)? again|(?:affects?|affecting|impacts?|impacting) (?!(?:some|certain|several|various|multiple|many|all|a|an|the) (?:services|features|systems|users|customers|accounts|functionality|areas)\b)(?!(?:some|many|all|a few|several|certain|users|customers)\b)[\w-]+)\b/i;

/**
 * A sentence saying something works as usual ("still go through normally", "is not affected",
 * "works fine"): read against a confirmed symptom, it denies it.
 */
export const WORKS_NORMALLY =
  /\b(?:(?:work(?:s|ing)?|go(?:es|ing)? through|run(?:s|ning)?|load(?:s|ing)?|sign(?:s|ing)? up|complete[sd]?|operat(?:es|ing))\s+(?:normally|fine|as usual|as expected|without (?:any )?(?:problems?|issues?|errors?))|(?:is|are|remains?|stays?)\s+(?:not affected|unaffected|fine|normal|available)|not (?:been )?affected|unaffected|no impact|(?:can|could) still [\w\s]{0,30}normally)\b/i;

// ---------------------------------------------------------------------------------------
// Scope (scope-accuracy)

/** Claims that everyone or everything is affected. */
export const SCOPE_OVERCLAIM = gate(
  /\b(?:(?:full|complete|total|entire|global|site[- ]wide|platform[- ]wide|company[- ]wide) outage|(?:completely|entirely|totally|fully) (?:down|unavailable|broken|offline|unusable)|(?:the )?(?:entire|whole) (?:platform|service|site|app|application|product|system)s? (?:is |are )?(?:down|unavailable|offline|broken|not working)|all (?:of our )?(?:services|systems|products) (?:are )?(?:down|unavailable|offline|failing|affected|impacted)|nothing (?:works|is working)|(?:for|affects|affecting|impacting|impacts) (?:all|every|each) (?:customers?|users?|accounts?|merchants?|tenants?)|(?:all|every) (?:customers?|users?|accounts?|merchants?) (?:are|is|will be|cannot|can['’]t|can not|are unable)|for (?:everyone|anyone|everybody)|everyone (?:is|are|cannot|can['’]t)|no one can|nobody can)\b/gi,
  'outage completely entirely totally fully entire whole all every each nothing everyone anyone everybody one nobody',
);

/** Claims that few are affected. */
export const SCOPE_MINIMISE = gate(
  /\b(?:only (?:a )?(?:small|few|handful|limited|tiny|minor|very small)|only (?:a (?:few|couple)|some) (?:customers|users|accounts)|(?:a )?(?:small|tiny|limited|minor) (?:number|group|subset|percentage|fraction|portion|proportion|set|share|minority) of|a (?:small |tiny )?minority of|(?:a (?:few|handful of)|very few) (?:customers|users|accounts|merchants)|limited (?:impact|number|subset|set|group|scope)|(?:is|are|was) limited to|isolated (?:cases?|incidents?|issues?|reports?)|negligible|small (?:glitch|hiccup|blip))\b/gi,
  'only small tiny limited minor few handful isolated negligible minority',
);

// ---------------------------------------------------------------------------------------
// Stated facts (publish/consistency, pre-send)

/**
 * Scope words a message states, most to least affected. Scope is about people (customers,
 * users, accounts): "in every region" says where, not how many, and "some orders" or "all
 * payments" say what fails, not who. Each pattern is checked against the text with the
 * earliest match winning; a match right after "not"/"no" ("not all customers") is no claim.
 */
export const SCOPE_PHRASES: ReadonlyArray<readonly [Scope, RegExp]> = [
  [
    'all',
    /\b(?:all|every)\s+(?:(?:of\s+)?(?:our|your|the)\s+)?(?:customers?|users?|accounts?|merchants?|shoppers?)\b|\b(?:everyone|everybody)\b|\bfull outage\b|\bcompletely down\b/gi,
  ],
  [
    'many',
    /\b(?:many|most|a large number of|a majority of)\s+(?:of\s+)?(?:our\s+|your\s+|the\s+)?(?:customers|users|accounts|merchants|shoppers)\b/gi,
  ],
  [
    'some',
    /\b(?:some|a portion of|part of|a subset of|a share of)\s+(?:of\s+)?(?:our\s+|your\s+|the\s+)?(?:customers|users|accounts|merchants|shoppers)\b|\bpartial outage\b/gi,
  ],
  [
    'few',
    /\b(?:a (?:few|small number of|handful of|small group of)|a limited number of)\s+(?:of\s+)?(?:our\s+|your\s+|the\s+)?(?:customers|users|accounts|merchants|shoppers)\b/gi,
  ],
];

/** Right before a scope phrase: it is negated ("not all customers", "no customers"). */
export const SCOPE_NEGATED_BEFORE = /\b(?:not|no|nor|never)\s+$/i;

/**
 * Region names people write; a region named in a draft must be one the incident lead confirmed.
 * Case-sensitive: "US" and "EU" are regions, "us" is a pronoun.
 */
export const REGION_NAMES =
  /\b(?:U\.S\.(?!\w)|(?:US|USA|EU|UK|APAC|EMEA|LATAM|North America|South America|Latin America|Europe|Asia|Asia[- ]Pacific|Australia|Canada|Japan|India|Brazil|Germany|France|(?:us|eu|ap)-(?:east|west|central|north|south|southeast|northeast)-\d)\b)/g;

/**
 * A lead-in before the advice itself: a condition ("If a payment fails, ..."), a time frame
 * ("In the meantime, ...") or a short heading ("What you can do: ..."). Stripped before
 * reading the advice.
 */
export const ADVICE_LEAD_IN =
  /^(?:(?:if|when|whenever|once|unless|while|in case|should|after|before)\b[^,;:]{1,120}[,;:]|(?:for now|meanwhile|in the meantime|until then|until we confirm[^,;:]{0,80}|to be safe|as a precaution|for the moment)\s*[,;:]|[^.,;:]{1,30}:)\s*/i;

/** A trailing condition after the advice ("... if a payment does not go through"). */
export const ADVICE_TRAILING_CONDITION = /\s+(?:if|when|whenever|unless|in case)\b.*$/is;

/** Advice to customers: "please ...", "we recommend ...", or an imperative at the start. */
export const ADVICE =
  /\b(?:please|we (?:recommend|suggest|advise|ask)|you (?:can|should) (?!see|notice|expect|experience)|there is no need to|no action (?:is )?needed)\b|^(?:do not|don['’]t|avoid|try|retry|wait|use|hold off|check|sign (?:in|out)|contact|reach out|pay|switch|refresh|reload|restart|log (?:in|out)|keep)\b(?!-)/i;

/** Advice that tells customers not to do something. Tested on the advice without its lead-in. */
export const NEGATED_ADVICE = /\b(?:not|no|don['’]t|avoid|never|hold off)\b/i;

// ---------------------------------------------------------------------------------------
// Tone (no-boilerplate-apology, no-dramatic-language)

/** Stock apologies. */
export const BOILERPLATE_APOLOGY = gate(
  /\b(?:(?:sorry|apologi[sz](?:e|es|ed|ing)|apolog(?:y|ies)|regret)(?:\s+(?!for\b|about\b)[\w'’]+){0,5}?\s+(?:for|about)\s+(?:(?:the|any|this|these|all|such|an?y)\s+)?(?:(?:\w+)\s+)?(?:inconvenience|disruption|trouble|frustration|issues|problems|impact|interruption|difficult(?:y|ies)|hassle)(?:\s+(?:this|that|it|these)\s+(?:(?:may|might|has|have|will|could)\s+)?(?:have\s+)?(?:caused|cause|causes|had))?|(?:sorry|apologi[sz]e|apolog(?:y|ies))(?:\s+[\w'’]+){0,3}?\s+for\s+disrupting\s+your\s+day|(?:apologi[sz]e|sorry)\s+to\s+(?:[\w'’]+\s+){0,3}?who\s+(?:are|were|have been|may have been)\s+inconvenienced(?:\s+by\s+this)?(?=\s*[.!]|\s*$)|any inconvenience (?:this|that) (?:may|might) (?:have )?caused?|your patience (?:and understanding )?is (?:greatly )?appreciated)\b/gi,
  'sorry apolog regret inconvenience patience',
);

/** Dramatic words. */
export const DRAMATIC = gate(
  /\b(?:unprecedented|catastroph\w*|disast(?:er|rous)\w*|nightmare|devastat\w*|meltdown|apocalyp\w*|chaos|chaotic|horrendous|horrible|terrible|awful|crippl\w*|massive|enormous|epic|colossal|mayday)\b/gi,
  'unprecedented catastroph disast nightmare devastat meltdown apocalyp chaos chaotic horrendous horrible terrible awful crippl massive enormous epic colossal mayday',
);

/** Stacked exclamation marks. */
export const STACKED_EXCLAMATION = /!{2,}/g;

// ---------------------------------------------------------------------------------------
// Template leftovers (unfilled-placeholder)

/**
 * `{{x}}`, `{x}`, `${x}`, `[CUSTOMER NAME]`, `[Customer]`, `<name>`, `TBD`, `XX:XX`, `%s`.
 * Keywords in brackets are whole words ("[Update]" does not contain the placeholder "date").
 */
export const PLACEHOLDER =
  /\{\{[^{}\n]{0,60}\}\}|\$\{[^}\n]{0,60}\}|\{[A-Za-z_][\w.\- ]{0,40}\}|\[(?:[A-Z][A-Z0-9 _\-/]{2,40}|[^\]\n]{0,30}(?<![A-Za-z])(?:[Nn]ame|[Cc]ustomer|[Dd]ate|[Tt]ime|[Ll]ink|[Uu]rl|URL|[Rr]egion|[Pp]roduct|[Aa]ccount|[Cc]ompany|[Ss]egment|[Ii]nsert|[Hh]ere)s?(?![a-z])[^\]\n]{0,30}|\.\.\.|…)\](?!\()|<(?:[A-Z][A-Z0-9_ -]{1,40}|(?:[Nn]ame|[Cc]ustomer|[Dd]ate|[Tt]ime|[Ll]ink|[Uu]rl|[Rr]egion|[Pp]roduct|[Aa]ccount|[Cc]ompany|[Ee]mail|[Oo]wner)[\w -]{0,30})>|\b(?:TBD|TBC|TBA|TODO|FIXME|XXX+|XX?:XX|HH:MM)\b|(?<!\w)\?\?:\?\?|%s\b/g;

/** A status heading in brackets ("[Update]", "[RESOLVED]", "[Monitoring]"): not a placeholder. */
export const STATUS_TAG =
  /^\[(?:update[sd]?|resolved|investigating|identified|monitoring|mitigated|scheduled|maintenance|ongoing|info|notice|completed|fixed|outage|incident|urgent|important|correction|follow[- ]?up|postmortem|post-mortem|degraded)(?:\s*#?\d+)?\]$/i;

// ---------------------------------------------------------------------------------------
// Next update (next-update-time, owner-named)

/** Sentences that talk about the next update. */
export const NEXT_UPDATE =
  /\b(?:(?:next|another|further|follow[- ]up|new|more) (?:customer |status |public |full )?(?:updates?|posts?|messages?|notes?|notices?)|updates? (?:will|to) follow|(?:send|share|post|provide|give|publish|email) (?:you |everyone )?(?:an|our|a further) (?:status )?update|(?:update|news) (?:at|by|before|around|no later than)|(?:we(?:'ll|’ll)|will) (?:update you|be in touch|post again|write again|check in again|share more|let you know|keep you (?:posted|updated|informed))|keep (?:you|everyone) (?:posted|updated|informed)|check back|stay tuned|post again)\b/gi;

/** Placeholders for a time that are not a time. */
export const VAGUE_WHEN =
  /\b(?:soon|shortly|as soon as (?:possible|we (?:can|know|have))|asap|when we (?:know|have|learn) more|when (?:more )?information (?:is|becomes) available|as (?:more )?(?:information|details) (?:becomes?|is|are) available|as (?:they|things) (?:become available|develop|progress)|as (?:the situation|things) (?:develops?|progress(?:es)?)|as we learn more|in due course|regular(?:ly)?|periodic(?:ally)?|stay tuned|check back)\b/i;

/** A relative update time: "in 30 minutes", "within the next hour". Groups: amount, unit. */
export const RELATIVE_TIME =
  /\b(?:in|within|after) (?:about |around |roughly |approximately |the next |another )?(\d+|an?|the|one|two|three|four|half an?|fifteen|twenty|thirty|forty-five|sixty|ninety) ?(minutes?|mins?|hours?|hrs?)\b/gi;

/** Names the owner of the next update, in an internal message. */
export const OWNER_NAMED =
  /\b(?:[Oo]wner|[Oo]wned by|[Oo]wns|[Cc]omms (?:lead|owner)|[Cc]ommunications? (?:lead|owner)|[Oo]n point)\b[^.\n]{0,40}?(?:\b[A-Z][a-z]+(?: [A-Z][a-z]+)?\b|@[\w.-]+)|(?:\b[A-Z][a-z]+(?: [A-Z][a-z]+)?|@[\w.-]+) (?:owns|will (?:send|post|own|write|handle)|is (?:sending|posting|owning|handling)) (?:the )?(?:next )?(?:customer )?(?:update|comms|communication)/g;
