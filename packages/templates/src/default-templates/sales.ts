/**
 * @module default-templates/sales
 * What sellers and customer success send: the same facts in a personal note.
 */
import type { TemplateDefinition } from '../compile';
import { type VariableDeclaration, declareVariables as vars } from '../variables';
import {
  BEFORE_THEN,
  CUSTOMER_ACTION,
  CUSTOMER_SUBJECT,
  NEXT_UPDATE,
  OWN_CUSTOMERS,
  RESOLVED_FACTS,
  RESOLVED_NOTE,
  RESOLVED_NOTE_VARIABLES,
  RESOLVED_SINCE,
  WHERE_SYMPTOM,
  WORKAROUND,
} from './phrases';

const ONGOING = 'The incident I mentioned is still ongoing: {{symptom}}, affecting {{affected}}.';
const RENEWAL_NOTES = 'When it is over, I can send you the incident notes and timeline for your review.';
const DEMO =
  'If our demo depends on {{affectedFlow}}, I will suggest a new time rather than show it while it is not working.';

/** The variables of an ongoing note's facts (symptom, who is affected, what the team does) and the subject. */
const ONGOING_FACTS = [
  'statusLabel',
  'incidentTitle',
  'symptom',
  'affected',
  'teamAction',
] as const satisfies readonly VariableDeclaration[];
/** Variables of a seller's first note, to a buyer in an active deal or in renewal. */
const SELLER_FIRST_VARIABLES = vars(...ONGOING_FACTS, 'nextUpdateTime');
/** Variables of a seller's update, to a buyer in an active deal or in renewal. */
const SELLER_UPDATE_VARIABLES = vars(...ONGOING_FACTS, 'workaround?', 'nextUpdateTime');
/** Variables of every ongoing note to a prospect (the demo line names the affected flow). */
const PROSPECT_VARIABLES = vars(
  'statusLabel',
  'incidentTitle',
  'symptom',
  'teamAction',
  'nextUpdateTime',
  'affectedFlow',
);

/** Sellers to buyers in active deals, renewals and prospects. */
export const SALES_TEMPLATES: TemplateDefinition[] = [
  {
    id: 'initial/sales-active-deal',
    description: 'Seller to a buyer in an active deal: same facts, and the seller shares each update.',
    subject: CUSTOMER_SUBJECT,
    body: 'We are handling an active incident where {{symptom}}; it affects {{affected}}. {{teamAction}} The next update is due by {{nextUpdateTime}}, and I will send it to you as soon as it is posted.',
    variables: SELLER_FIRST_VARIABLES,
  },
  {
    id: 'update/sales-active-deal',
    description: 'Seller to a buyer in an active deal while the incident continues.',
    subject: CUSTOMER_SUBJECT,
    body: `${ONGOING} {{teamAction}}${WORKAROUND} The next update is due by {{nextUpdateTime}}, and I will pass it on as soon as it is posted.`,
    variables: SELLER_UPDATE_VARIABLES,
  },
  {
    id: 'resolved/sales-active-deal',
    description: 'Seller to a buyer in an active deal once recovery is confirmed.',
    subject: CUSTOMER_SUBJECT,
    body: `The incident I mentioned, ${WHERE_SYMPTOM}, ${RESOLVED_SINCE} If it helps, I can walk you through what happened once our fuller summary is ready{{#followUpTime}} (by {{followUpTime}}){{/followUpTime}}.`,
    variables: vars('statusLabel', 'incidentTitle', 'symptom', 'recoveredTime', 'followUpTime?'),
  },
  {
    id: 'initial/sales-renewal',
    description:
      'Seller to a customer in renewal: same facts, and an offer of the incident notes afterwards.',
    subject: CUSTOMER_SUBJECT,
    body: `We are handling an incident right now: {{symptom}}, affecting {{affected}}. {{teamAction}} The next update is due by {{nextUpdateTime}}. ${RENEWAL_NOTES}`,
    variables: SELLER_FIRST_VARIABLES,
  },
  {
    id: 'update/sales-renewal',
    description: 'Seller to a customer in renewal while the incident continues.',
    subject: CUSTOMER_SUBJECT,
    body: `${ONGOING} {{teamAction}}${WORKAROUND} The next update is due by {{nextUpdateTime}}. ${RENEWAL_NOTES}`,
    variables: SELLER_UPDATE_VARIABLES,
  },
  {
    id: 'resolved/sales-renewal',
    description: 'Seller to a customer in renewal once recovery is confirmed, with the notes to follow.',
    subject: CUSTOMER_SUBJECT,
    body: `The incident I mentioned, ${WHERE_SYMPTOM}, ${RESOLVED_SINCE} ${BEFORE_THEN} I will send you the incident notes and timeline for your review{{#followUpTime}} by {{followUpTime}}{{/followUpTime}}.`,
    variables: vars(...RESOLVED_FACTS, 'followUpTime?'),
  },
  {
    id: 'initial/sales-prospect',
    description: 'Seller to a prospect: direct about the incident; a demo that needs the broken flow moves.',
    subject: CUSTOMER_SUBJECT,
    body: `I would rather you hear it from me: we have an active incident where {{symptom}}. {{teamAction}} ${NEXT_UPDATE} ${DEMO}`,
    variables: PROSPECT_VARIABLES,
  },
  {
    id: 'update/sales-prospect',
    description: 'Seller to a prospect while the incident continues.',
    subject: CUSTOMER_SUBJECT,
    body: `The incident I mentioned is still ongoing: {{symptom}}. {{teamAction}} ${NEXT_UPDATE} ${DEMO}`,
    variables: PROSPECT_VARIABLES,
  },
  {
    id: 'resolved/sales-prospect',
    description: 'Seller to a prospect once recovery is confirmed.',
    subject: CUSTOMER_SUBJECT,
    body: `The incident I mentioned, ${WHERE_SYMPTOM}, ${RESOLVED_SINCE} If we moved a demo during the incident, I will send you new times, and I can share a short summary of what happened.`,
    variables: vars('statusLabel', 'incidentTitle', 'symptom', 'recoveredTime'),
  },
];

/** Customer success to a high-impact account. */
export const ACCOUNT_TEMPLATES: TemplateDefinition[] = [
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
    variables: vars(...ONGOING_FACTS, 'workaround?', 'customerAction?', 'nextUpdateTime'),
  },
  {
    id: 'resolved/cs-account',
    description: 'Personal note to a high-impact account once recovery is confirmed.',
    subject: CUSTOMER_SUBJECT,
    body: `${RESOLVED_NOTE} If your own customers have questions, reply here and we will help.`,
    variables: RESOLVED_NOTE_VARIABLES,
  },
];
