/**
 * @module playbooks/phrases
 * Every phrase list the team playbooks read, in one place: customer question topics, the
 * five incident types as customers describe them, and "it works again" reports. Sensitive
 * topics (security, data loss, refunds, contracts, fix times) come from the linter's
 * `detectTopics`, the one implementation of topic detection.
 */
import { detectTopics } from '../lint/topics';
import { DEFAULT_INCIDENT_TYPES, type IncidentTypeDefinition } from '../runbook/defaults';
import type { ApprovalTopic, DefaultIncidentType, IncidentType, QuestionTopic } from '../vocabulary';

/** Incident type definitions by id, as `runbook.incidentTypes` holds them. */
type IncidentTypes = Readonly<Record<string, IncidentTypeDefinition>>;

/** Plain label of each question topic, for lists a person reads. */
export const QUESTION_TOPIC_LABELS: Readonly<Record<QuestionTopic, string>> = {
  billing: 'billing / double charge',
  'data-safety': 'data safety',
  timing: 'timing / ETA',
  demo: 'demo / sales',
  'sign-in': 'sign-in',
  other: 'other',
};

/** Approval topics a customer question raises that need the named approver's words. */
export const APPROVER_TOPICS: readonly ApprovalTopic[] = [
  'security',
  'dataLoss',
  'legal',
  'compensation',
  'contract',
];

/**
 * The approval topics a customer's words touch, via the linter's `detectTopics`. The linter
 * reads drafts and skips questions (someone else's words); here the question *is* the
 * customer's concern, so it is read as a statement.
 *
 * @param text - the customer's words.
 * @returns distinct topics in order of first mention.
 * @example
 * sensitiveTopics('Do we get a credit for this?'); // ['compensation']
 */
export function sensitiveTopics(text: string): ApprovalTopic[] {
  const asStatement = text.replace(/\?/g, '.');
  // No runbook phrases here: only the built-in topics come out.
  return [...new Set(detectTopics(asStatement).map((m) => m.topic as ApprovalTopic))];
}

// Which question topic a sensitive topic belongs to; `legal` has no topic of its own.
const TOPIC_OF_SENSITIVE: Partial<Record<ApprovalTopic, Exclude<QuestionTopic, 'other'>>> = {
  security: 'data-safety',
  dataLoss: 'data-safety',
  compensation: 'billing',
  fixTime: 'timing',
  contract: 'demo',
};

// Checked in this order; the first topic with a matching phrase wins. Data safety comes first
// because "did I lose my order data" is a data question even though it mentions an order;
// sign-in comes before billing because "cannot log in to pay" is about signing in.
const TOPIC_PHRASES: ReadonlyArray<readonly [Exclude<QuestionTopic, 'other'>, readonly RegExp[]]> = [
  [
    'data-safety',
    [
      /\bdata\b.*\b(safe|lost|loss|gone|deleted|leak|leaked|breach|exposed|secure)\b/i,
      /\b(lost|lose|losing|deleted|missing)\b.*\b(data|records?|orders?|files?)\b/i,
      /\b(breach|hacked|leak(ed)?|compromised|security)\b/i,
    ],
  ],
  [
    'sign-in',
    [/\b(sign(ed|ing)?[ -]?(in|on)|log(ged|ging)?[ -]?(in|on)|login|password|locked out|2fa|sso)\b/i],
  ],
  [
    'billing',
    [
      /\b(charged|charge[sd]?|billed|billing|invoice|refund|credit|payment|paid|pay)\b/i,
      /\b(twice|double|duplicate)\b/i,
    ],
  ],
  [
    'timing',
    [
      /\b(when|how long|eta|how soon|by when|what time|any update|timeline|still down|still broken)\b/i,
      /\bback (up|online)\b/i,
    ],
  ],
  ['demo', [/\b(demo|trial|pilot|proposal|contract|renewal|pricing|quote|sales|onboard(ing)?)\b/i]],
];

/** Options of {@link classifyQuestion}. */
export interface ClassifyQuestionOptions {
  /**
   * Symptoms the asker reports, when already known (e.g. a ticket's `symptom` field, or the
   * symptoms the incident does not cover yet). Default: read from the text with
   * {@link symptomsInText}.
   */
  symptoms?: readonly IncidentType[] | undefined;
  /** The runbook's incident types (`runbook.incidentTypes`); default the five built-in ones. */
  incidentTypes?: IncidentTypes | undefined;
}

/**
 * Groups a customer question under one {@link QuestionTopic}, so the communication owner sees
 * which concerns keep coming back (practice: the most-asked questions show what an update
 * missed, and a new symptom goes to the next engineering checkpoint).
 *
 * 1. A symptom the asker reports wins when it has a topic of its own: sign-in failures →
 *    `sign-in`, missing or delayed data → `data-safety`. Reported symptoms come from
 *    `options.symptoms`, else from {@link symptomsInText}; the first one with a topic counts.
 * 2. Otherwise the first topic, in the order data-safety, sign-in, billing, timing, demo,
 *    whose phrases match or to which a sensitive topic from {@link sensitiveTopics} belongs
 *    (security and data loss → data safety, compensation → billing, fix time → timing,
 *    contract → demo/sales).
 *
 * @param text - the customer's question or report, any length.
 * @param options - `symptoms` the asker reports, if known.
 * @returns the topic; `other` when nothing matches.
 * @example
 * classifyQuestion('Was I charged twice for my order?'); // 'billing'
 * classifyQuestion('Our shoppers cannot pay, and some cannot sign in either.'); // 'sign-in'
 * classifyQuestion('When will checkout work again?'); // 'timing'
 */
export function classifyQuestion(text: string, options: ClassifyQuestionOptions = {}): QuestionTopic {
  const types = options.incidentTypes ?? DEFAULT_INCIDENT_TYPES;
  const reported = options.symptoms ?? symptomsInText(text, types);
  for (const symptom of reported) {
    const topic = topicOfSymptom(symptom, types);
    if (topic) return topic;
  }
  const sensitive = new Set(sensitiveTopics(text).map((t) => TOPIC_OF_SENSITIVE[t]));
  for (const [topic, phrases] of TOPIC_PHRASES) {
    if (sensitive.has(topic) || phrases.some((p) => p.test(text))) return topic;
  }
  return 'other';
}

/**
 * The question topic a reported symptom belongs to, if its definition names one
 * (`playbook.questionTopic`: by default `sign-in` → `sign-in`, `data-delayed` → `data-safety`);
 * `undefined` for symptoms grouped by the question's words instead (checkout, timeouts, sync).
 * A customer who reports a symptom asks first about that symptom, whatever else the sentence
 * mentions ("our shoppers cannot pay, and some cannot sign in" is a sign-in report).
 *
 * @param symptom - an incident type id.
 * @param types - the runbook's incident types; default the five built-in ones.
 * @example
 * topicOfSymptom('sign-in'); // 'sign-in'
 * topicOfSymptom('checkout'); // undefined
 */
export function topicOfSymptom(
  symptom: IncidentType,
  types: IncidentTypes = DEFAULT_INCIDENT_TYPES,
): QuestionTopic | undefined {
  return Object.hasOwn(types, symptom) ? types[symptom]?.playbook.questionTopic : undefined;
}

// The five built-in incident types in the words customers use (beside a definition's own
// `playbook.reportPhrases`).
const SYMPTOM_PHRASES: Readonly<Record<DefaultIncidentType, readonly RegExp[]>> = {
  'sign-in': [
    /\b(can'?t|cannot|unable to|won'?t let me)\b.*\b(sign|log)\s?(in|on)\b/i,
    /\b(sign|log)[ -]?in\b.*\b(fail|error|broken|loop|stuck)/i,
    /\blocked out\b/i,
  ],
  checkout: [
    /\b(payment|card|charge|checkout|order)s?\b.*\b(fail|declin|error|broken|stuck|not go(ing)? through|won'?t)/i,
    /\b(can'?t|cannot|unable to)\b.*\b(pay|check ?out|place (an|my) order)\b/i,
  ],
  'data-delayed': [
    /\b(data|records?|reports?|dashboard)s?\b.*\b(missing|delayed|late|out of date|not (show|updat)|empty)/i,
    /\b(missing|delayed)\b.*\b(data|records?|reports?)\b/i,
  ],
  timeouts: [/\btim(e|ed|es|ing) ?out\b/i, /\b(spins?|spinning|hangs?|hanging)\b/i],
  'sync-stopped': [
    /\b(emails?|notifications?|sync|integration|webhook)s?\b.*\b(stopp|not (arriv|com|sync|send)|late|missing|broken)/i,
    /\bnot sync(ing|ed)?\b/i,
  ],
};

const phrasePatterns = new Map<string, RegExp>();

/** A report phrase as a pattern: whole words, any case, any run of spaces between them. */
function phrasePattern(phrase: string): RegExp {
  let pattern = phrasePatterns.get(phrase);
  if (!pattern) {
    const words = phrase
      .trim()
      .split(/\s+/)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])${words.join('\\s+')}(?![\\p{L}\\p{N}])`, 'iu');
    phrasePatterns.set(phrase, pattern);
  }
  return pattern;
}

/**
 * The incident types a customer's words describe (as many as match): a type matches when one
 * of its `playbook.reportPhrases` appears as whole words (any case), or, for the five built-in
 * ids, one of the built-in ways customers describe them.
 *
 * @param text - the customer's own description.
 * @param types - the runbook's incident types (`runbook.incidentTypes`); default the built-in five.
 * @returns incident type ids in the runbook's order; empty when the words name no symptom.
 * @example
 * symptomsInText('My card payment keeps failing at checkout'); // ['checkout']
 * symptomsInText('Our invoices never went out', runbook.incidentTypes); // ['invoices-not-sending'] with that phrase
 */
export function symptomsInText(text: string, types: IncidentTypes = DEFAULT_INCIDENT_TYPES): IncidentType[] {
  return Object.entries(types)
    .filter(([id, definition]) => {
      const builtIn = Object.hasOwn(SYMPTOM_PHRASES, id) ? SYMPTOM_PHRASES[id as DefaultIncidentType] : [];
      return (
        builtIn.some((p) => p.test(text)) ||
        definition.playbook.reportPhrases.some((p) => phrasePattern(p).test(text))
      );
    })
    .map(([id]) => id);
}

const WORKING_AGAIN_PHRASES: readonly RegExp[] = [
  /\b(works?|working) (again|now|fine)\b/i,
  /\b(is|it'?s|seems) (back|fine) (now|again)\b/i,
  /\bback to normal\b/i,
  /\b(went|goes|gone) through (now|fine|this time)\b/i,
  /\b(seems|looks) (to be )?(fixed|resolved)\b/i,
];

/**
 * Whether a customer says the problem has gone away on their side.
 *
 * @param text - the customer's own description.
 * @example
 * saysItWorksAgain('Checkout works again for us, thanks'); // true
 */
export function saysItWorksAgain(text: string): boolean {
  return WORKING_AGAIN_PHRASES.some((p) => p.test(text));
}
