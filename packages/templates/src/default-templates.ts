/**
 * @module default-templates
 * The message patterns a team locks in before anything breaks: every message kind for every
 * audience, short and specific, each declaring the variables it uses.
 */
import type { TemplateDefinition } from './compile';
import { declareVariables as vars } from './variables';

const CUSTOMER_SUBJECT = '{{statusLabel}}: {{incidentTitle}}';
const INTERNAL_SUBJECT = '[{{severity}} {{statusLabel}}] {{incidentTitle}} (version {{version}})';
const NEXT_UPDATE = 'Next update by {{nextUpdateTime}}.';
const CUSTOMER_ACTION = '{{#customerAction}} {{customerAction}}{{/customerAction}}';
const WORKAROUND = '{{#workaround}} {{workaround}}{{/workaround}}';
const FOLLOW_UP =
  '{{#followUpTime}}We will send a fuller summary of what happened by {{followUpTime}}.{{/followUpTime}}' +
  '{{^followUpTime}}We will send a fuller summary of what happened once our review is done.{{/followUpTime}}';
const RESOLVED_SINCE = 'is resolved, and service has worked normally since {{recoveredTime}}.';
const BEFORE_THEN = 'Before then, {{affected}} may have seen {{experienced}}.';
const SUPPORT_NEXT =
  'We will post the next update by {{nextUpdateTime}}; if you see something different, please reply here.';
const OWN_CUSTOMERS =
  'If your own customers are asking about this, reply here and we will help you answer them.';

/** The first note's facts, shared by the public note and the first support reply. */
const FIRST_NOTE =
  'We are investigating a problem affecting {{affected}}: {{symptom}}. {{impact}} {{teamAction}}' +
  CUSTOMER_ACTION;
const FIRST_NOTE_VARIABLES = vars(
  'statusLabel',
  'incidentTitle',
  'affected',
  'symptom',
  'impact',
  'teamAction',
  'customerAction?',
  'nextUpdateTime',
);

const customer: TemplateDefinition[] = [
  {
    id: 'initial/customer',
    description:
      'First public note: confirm the problem, what customers see, what the team does, when we speak next.',
    subject: CUSTOMER_SUBJECT,
    body: `${FIRST_NOTE} ${NEXT_UPDATE}`,
    variables: FIRST_NOTE_VARIABLES,
  },
  {
    id: 'update/customer',
    description:
      'Follow-up on the rhythm: what customers see, what the team does, any workaround or action, when we speak next.',
    subject: CUSTOMER_SUBJECT,
    // At most five sentences with both a workaround and a customer action: the impact was
    // spelled out in the first message, and the opening sentence restates what customers see.
    body: `The problem affecting {{affected}} is ongoing: {{symptom}}. {{teamAction}}${WORKAROUND}${CUSTOMER_ACTION} ${NEXT_UPDATE}`,
    variables: vars(
      'statusLabel',
      'incidentTitle',
      'affected',
      'symptom',
      'teamAction',
      'workaround?',
      'customerAction?',
      'nextUpdateTime',
    ),
  },
  {
    id: 'workaround/customer',
    description: 'A confirmed way to keep working while the problem lasts.',
    subject: CUSTOMER_SUBJECT,
    body: `The problem affecting {{affected}} is ongoing: {{symptom}}. Workaround: {{workaround}} {{teamAction}}${CUSTOMER_ACTION} ${NEXT_UPDATE}`,
    variables: vars(
      'statusLabel',
      'incidentTitle',
      'affected',
      'symptom',
      'workaround',
      'teamAction',
      'customerAction?',
      'nextUpdateTime',
    ),
  },
  {
    id: 'resolved/customer',
    description:
      'Closing note: what customers saw, when service recovered, what to do, when the fuller follow-up comes.',
    subject: CUSTOMER_SUBJECT,
    body: `The problem with {{affectedFlow}} ${RESOLVED_SINCE} ${BEFORE_THEN} {{afterRecovery}} ${FOLLOW_UP}`,
    variables: vars(
      'statusLabel',
      'incidentTitle',
      'affectedFlow',
      'recoveredTime',
      'affected',
      'experienced',
      'afterRecovery',
      'followUpTime?',
    ),
  },
];

const support: TemplateDefinition[] = [
  {
    id: 'initial/support-reply',
    description: 'Reply to a new ticket or chat about the incident.',
    subject: CUSTOMER_SUBJECT,
    body: `${FIRST_NOTE} ${SUPPORT_NEXT}`,
    variables: FIRST_NOTE_VARIABLES,
  },
  {
    id: 'update/support-reply',
    description: 'Reply to a ticket while the incident continues.',
    subject: CUSTOMER_SUBJECT,
    body: `The problem you reported is still ongoing for {{affected}}: {{symptom}}. {{teamAction}}${WORKAROUND}${CUSTOMER_ACTION} ${SUPPORT_NEXT}`,
    variables: vars(
      'statusLabel',
      'incidentTitle',
      'affected',
      'symptom',
      'teamAction',
      'workaround?',
      'customerAction?',
      'nextUpdateTime',
    ),
  },
  {
    id: 'workaround/support-reply',
    description: 'Reply to a ticket with the confirmed workaround.',
    subject: CUSTOMER_SUBJECT,
    body: `While {{symptom}}, here is a workaround. {{workaround}} {{teamAction}}${CUSTOMER_ACTION} ${NEXT_UPDATE}`,
    variables: vars(
      'statusLabel',
      'incidentTitle',
      'symptom',
      'workaround',
      'teamAction',
      'customerAction?',
      'nextUpdateTime',
    ),
  },
  {
    id: 'resolved/support-reply',
    description: 'Reply to a ticket once recovery is confirmed.',
    subject: CUSTOMER_SUBJECT,
    body: `The problem you reported ${RESOLVED_SINCE} {{afterRecovery}} ${FOLLOW_UP} If anything still looks wrong on your side, please reply here.`,
    variables: vars('statusLabel', 'incidentTitle', 'recoveredTime', 'afterRecovery', 'followUpTime?'),
  },
];

const ONGOING = 'The incident I mentioned is still ongoing: {{symptom}}, affecting {{affected}}.';
const RENEWAL_NOTES = 'When it is over, I can send you the incident notes and timeline for your review.';
const DEMO =
  'If our demo depends on {{affectedFlow}}, I will suggest a new time rather than show it while it is not working.';

const sales: TemplateDefinition[] = [
  {
    id: 'initial/sales-active-deal',
    description: 'Seller to a buyer in an active deal: same facts, and the seller shares each update.',
    subject: CUSTOMER_SUBJECT,
    body: 'We are handling an active incident where {{symptom}}; it affects {{affected}}. {{teamAction}} The next update is due by {{nextUpdateTime}}, and I will send it to you as soon as it is posted.',
    variables: vars('statusLabel', 'incidentTitle', 'symptom', 'affected', 'teamAction', 'nextUpdateTime'),
  },
  {
    id: 'update/sales-active-deal',
    description: 'Seller to a buyer in an active deal while the incident continues.',
    subject: CUSTOMER_SUBJECT,
    body: `${ONGOING} {{teamAction}}${WORKAROUND} The next update is due by {{nextUpdateTime}}, and I will pass it on as soon as it is posted.`,
    variables: vars(
      'statusLabel',
      'incidentTitle',
      'symptom',
      'affected',
      'teamAction',
      'workaround?',
      'nextUpdateTime',
    ),
  },
  {
    id: 'resolved/sales-active-deal',
    description: 'Seller to a buyer in an active deal once recovery is confirmed.',
    subject: CUSTOMER_SUBJECT,
    body: `The incident I mentioned ${RESOLVED_SINCE} If it helps, I can walk you through what happened once our fuller summary is ready{{#followUpTime}} (by {{followUpTime}}){{/followUpTime}}.`,
    variables: vars('statusLabel', 'incidentTitle', 'recoveredTime', 'followUpTime?'),
  },
  {
    id: 'initial/sales-renewal',
    description:
      'Seller to a customer in renewal: same facts, and an offer of the incident notes afterwards.',
    subject: CUSTOMER_SUBJECT,
    body: `We are handling an incident right now: {{symptom}}, affecting {{affected}}. {{teamAction}} The next update is due by {{nextUpdateTime}}. ${RENEWAL_NOTES}`,
    variables: vars('statusLabel', 'incidentTitle', 'symptom', 'affected', 'teamAction', 'nextUpdateTime'),
  },
  {
    id: 'update/sales-renewal',
    description: 'Seller to a customer in renewal while the incident continues.',
    subject: CUSTOMER_SUBJECT,
    body: `${ONGOING} {{teamAction}}${WORKAROUND} The next update is due by {{nextUpdateTime}}. ${RENEWAL_NOTES}`,
    variables: vars(
      'statusLabel',
      'incidentTitle',
      'symptom',
      'affected',
      'teamAction',
      'workaround?',
      'nextUpdateTime',
    ),
  },
  {
    id: 'resolved/sales-renewal',
    description: 'Seller to a customer in renewal once recovery is confirmed, with the notes to follow.',
    subject: CUSTOMER_SUBJECT,
    body: `The incident I mentioned ${RESOLVED_SINCE} ${BEFORE_THEN} I will send you the incident notes and timeline for your review{{#followUpTime}} by {{followUpTime}}{{/followUpTime}}.`,
    variables: vars(
      'statusLabel',
      'incidentTitle',
      'recoveredTime',
      'affected',
      'experienced',
      'followUpTime?',
    ),
  },
  {
    id: 'initial/sales-prospect',
    description: 'Seller to a prospect: direct about the incident; a demo that needs the broken flow moves.',
    subject: CUSTOMER_SUBJECT,
    body: `I would rather you hear it from me: we have an active incident where {{symptom}}. {{teamAction}} ${NEXT_UPDATE} ${DEMO}`,
    variables: vars(
      'statusLabel',
      'incidentTitle',
      'symptom',
      'teamAction',
      'nextUpdateTime',
      'affectedFlow',
    ),
  },
  {
    id: 'update/sales-prospect',
    description: 'Seller to a prospect while the incident continues.',
    subject: CUSTOMER_SUBJECT,
    body: `The incident I mentioned is still ongoing: {{symptom}}. {{teamAction}} ${NEXT_UPDATE} ${DEMO}`,
    variables: vars(
      'statusLabel',
      'incidentTitle',
      'symptom',
      'teamAction',
      'nextUpdateTime',
      'affectedFlow',
    ),
  },
  {
    id: 'resolved/sales-prospect',
    description: 'Seller to a prospect once recovery is confirmed.',
    subject: CUSTOMER_SUBJECT,
    body: `The incident I mentioned ${RESOLVED_SINCE} If we moved a demo during the incident, I will send you new times, and I can share a short summary of what happened.`,
    variables: vars('statusLabel', 'incidentTitle', 'recoveredTime'),
  },
];

const customerSuccess: TemplateDefinition[] = [
  {
    id: 'initial/cs-account',
    description: 'Personal note to a high-impact account, with help for their own customers’ questions.',
    subject: CUSTOMER_SUBJECT,
    body: `We can confirm an active problem: {{symptom}}, affecting {{affected}}. {{impact}} {{teamAction}} We will send you the next update by {{nextUpdateTime}}. ${OWN_CUSTOMERS}`,
    variables: vars(
      'statusLabel',
      'incidentTitle',
      'symptom',
      'affected',
      'impact',
      'teamAction',
      'nextUpdateTime',
    ),
  },
  {
    id: 'update/cs-account',
    description: 'Personal note to a high-impact account while the incident continues.',
    subject: CUSTOMER_SUBJECT,
    body: `The problem we told you about is still ongoing: {{symptom}}, affecting {{affected}}. {{teamAction}}${WORKAROUND}${CUSTOMER_ACTION} We will send you the next update by {{nextUpdateTime}}; if your own customers are asking, reply here and we will help you answer them.`,
    variables: vars(
      'statusLabel',
      'incidentTitle',
      'symptom',
      'affected',
      'teamAction',
      'workaround?',
      'customerAction?',
      'nextUpdateTime',
    ),
  },
  {
    id: 'resolved/cs-account',
    description: 'Personal note to a high-impact account once recovery is confirmed.',
    subject: CUSTOMER_SUBJECT,
    body: `The problem with {{affectedFlow}} ${RESOLVED_SINCE} ${BEFORE_THEN} {{afterRecovery}} ${FOLLOW_UP} If your own customers have questions, reply here and we will help.`,
    variables: vars(
      'statusLabel',
      'incidentTitle',
      'affectedFlow',
      'recoveredTime',
      'affected',
      'experienced',
      'afterRecovery',
      'followUpTime?',
    ),
  },
];

const INTERNAL_HEADER =
  '{{statusLabel}} · {{severity}} ({{severityLabel}}) · version {{version}}, published {{publishedTime}}';
const CAUSE_LINE =
  'Cause: {{#cause}}{{cause}}{{/cause}}{{^cause}}not confirmed; do not name or guess one.{{/cause}}';
/** The facts block; a `workaround` message always has a workaround line, the others only when one is set. */
function internalFacts(workaroundRequired: boolean): string {
  const workaroundLine = workaroundRequired
    ? 'Workaround: {{workaround}}\n'
    : '{{#workaround}}Workaround: {{workaround}}\n{{/workaround}}';
  return [
    'Symptom: {{symptomSentence}} Affected: {{affected}}.',
    'Team: {{teamAction}}',
    `${workaroundLine}{{#customerAction}}Customers should: {{customerAction}}\n{{/customerAction}}${CAUSE_LINE}`,
  ].join('\n');
}
const INTERNAL_UNKNOWNS = [
  'Still unknown:',
  '{{#unknowns}}',
  '- {{.}}',
  '{{/unknowns}}',
  '{{^unknowns}}',
  '- nothing open at this version.',
  '{{/unknowns}}',
].join('\n');
const INTERNAL_SOURCE =
  'Latest approved status: {{sourceOfTruth}}{{#sourceOfTruthUrl}} ({{sourceOfTruthUrl}}){{/sourceOfTruthUrl}}. Use this version’s wording with customers and send new customer questions to {{ownerName}}, not to engineers.';

const INTERNAL_VARIABLES = [
  'statusLabel',
  'severity',
  'incidentTitle',
  'version',
  'severityLabel',
  'publishedTime',
  'symptomSentence',
  'affected',
  'teamAction',
  'customerAction?',
  'cause?',
  'unknowns',
  'ownerName',
  'sourceOfTruth',
  'sourceOfTruthUrl?',
] as const;

function internalOngoing(kind: 'initial' | 'update' | 'workaround'): TemplateDefinition {
  return {
    id: `${kind}/internal`,
    description: 'The internal source of truth for all teams: facts, unknowns, and who owns the next update.',
    subject: INTERNAL_SUBJECT,
    body: [
      INTERNAL_HEADER,
      internalFacts(kind === 'workaround'),
      INTERNAL_UNKNOWNS,
      'Next update by {{nextUpdateTime}}, owned by {{ownerName}}.',
      INTERNAL_SOURCE,
    ].join('\n\n'),
    variables: vars(
      ...INTERNAL_VARIABLES,
      kind === 'workaround' ? 'workaround' : 'workaround?',
      'nextUpdateTime',
    ),
  };
}

const internal: TemplateDefinition[] = [
  internalOngoing('initial'),
  internalOngoing('update'),
  internalOngoing('workaround'),
  {
    id: 'resolved/internal',
    description:
      'Internal close-out: recovery time, what customers saw, what they need to do, who owns the follow-up.',
    subject: INTERNAL_SUBJECT,
    body: [
      INTERNAL_HEADER,
      'Service recovered at {{recoveredTime}}. Symptom: {{symptomSentence}} Affected: {{affected}}.\n' +
        'What customers should do now: {{afterRecovery}}\n' +
        CAUSE_LINE,
      INTERNAL_UNKNOWNS,
      'Owner of the fuller follow-up to customers: {{ownerName}}{{#followUpTime}}, due by {{followUpTime}}{{/followUpTime}}.',
      INTERNAL_SOURCE,
    ].join('\n\n'),
    variables: vars(
      'statusLabel',
      'severity',
      'incidentTitle',
      'version',
      'severityLabel',
      'publishedTime',
      'recoveredTime',
      'symptomSentence',
      'affected',
      'afterRecovery',
      'cause?',
      'unknowns',
      'ownerName',
      'followUpTime?',
      'sourceOfTruth',
      'sourceOfTruthUrl?',
    ),
  },
];

/**
 * Every default template: kinds `initial`, `update`, `workaround`, `resolved` for `customer`,
 * `support-reply` and `internal`; `initial`, `update`, `resolved` for the sales audiences and
 * `cs-account` (their `workaround` messages use the `update` template, which carries the workaround).
 * Ids are `kind/audience`; a host adds `kind/audience/incident-type` variants in the runbook.
 */
export const DEFAULT_TEMPLATES: readonly TemplateDefinition[] = Object.freeze([
  ...customer,
  ...support,
  ...sales,
  ...customerSuccess,
  ...internal,
]);
