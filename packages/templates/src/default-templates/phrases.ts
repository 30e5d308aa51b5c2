/**
 * @module default-templates/phrases
 * Sentences several default templates share: subjects, the next-update promise, the resolved
 * line, the first note's facts. Written once so every audience says the same thing the same way.
 */
import { type VariableDeclaration, declareVariables as vars } from '../variables';

/** Subject of every customer-facing message. */
export const CUSTOMER_SUBJECT = '{{statusLabel}}: {{incidentTitle}}';
/** Subject of the internal source of truth: severity, status, title and version. */
export const INTERNAL_SUBJECT = '[{{severity}} {{statusLabel}}] {{incidentTitle}} (version {{version}})';
/** The promise every ongoing message makes. */
export const NEXT_UPDATE = 'Next update by {{nextUpdateTime}}.';
export const CUSTOMER_ACTION = '{{#customerAction}} {{customerAction}}{{/customerAction}}';
export const WORKAROUND = '{{#workaround}} {{workaround}}{{/workaround}}';
/** When the fuller summary comes, with or without a time. */
export const FOLLOW_UP =
  '{{#followUpTime}}We will send a fuller summary of what happened by {{followUpTime}}.{{/followUpTime}}' +
  '{{^followUpTime}}We will send a fuller summary of what happened once our review is done.{{/followUpTime}}';
/** Closes a resolved message's first sentence: the symptom is named before it. */
export const RESOLVED_SINCE = 'is resolved, and service has worked normally since {{recoveredTime}}.';
/**
 * How a resolved message names what was wrong: the symptom in customers' words, from the
 * status update (the incident type's own symptom unless the incident lead confirmed another).
 */
export const WHERE_SYMPTOM = 'where {{symptom}}';
/** What customers may have seen before recovery, in the type's own words (`experienced`). */
export const BEFORE_THEN = 'Before then, {{affected}} may have seen {{experienced}}.';
export const SUPPORT_NEXT =
  'We will post the next update by {{nextUpdateTime}}; if you see something different, please reply here.';
export const OWN_CUSTOMERS =
  'If your own customers are asking about this, reply here and we will help you answer them.';

/** The resolved note's facts, shared by the public closing note and the account manager's note. */
export const RESOLVED_NOTE = `The problem ${WHERE_SYMPTOM} ${RESOLVED_SINCE} ${BEFORE_THEN} {{afterRecovery}} ${FOLLOW_UP}`;
/** The variables of the resolved facts (`WHERE_SYMPTOM`, `RESOLVED_SINCE`, `BEFORE_THEN`) and the subject. */
export const RESOLVED_FACTS = [
  'statusLabel',
  'incidentTitle',
  'symptom',
  'recoveredTime',
  'affected',
  'experienced',
] as const satisfies readonly VariableDeclaration[];
export const RESOLVED_NOTE_VARIABLES = vars(...RESOLVED_FACTS, 'afterRecovery', 'followUpTime?');

/** The first note's facts, shared by the public note and the first support reply. */
export const FIRST_NOTE =
  'We are investigating a problem affecting {{affected}}: {{symptom}}. {{impact}} {{teamAction}}' +
  CUSTOMER_ACTION;
export const FIRST_NOTE_VARIABLES = vars(
  'statusLabel',
  'incidentTitle',
  'affected',
  'symptom',
  'impact',
  'teamAction',
  'customerAction?',
  'nextUpdateTime',
);
