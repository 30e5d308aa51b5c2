/**
 * @module default-templates/customer
 * The customer broadcast and support replies: every message kind, naming the symptom in each.
 */
import type { TemplateDefinition } from '../compile';
import { declareVariables as vars } from '../variables';
import {
  CUSTOMER_ACTION,
  CUSTOMER_SUBJECT,
  FIRST_NOTE,
  FIRST_NOTE_VARIABLES,
  FOLLOW_UP,
  NEXT_UPDATE,
  RESOLVED_NOTE,
  RESOLVED_NOTE_VARIABLES,
  RESOLVED_SINCE,
  SUPPORT_NEXT,
  WHERE_SYMPTOM,
  WORKAROUND,
} from './phrases';

/** Variables of an ongoing update, to customers and in a support reply alike. */
const UPDATE_VARIABLES = vars(
  'statusLabel',
  'incidentTitle',
  'affected',
  'symptom',
  'teamAction',
  'workaround?',
  'customerAction?',
  'nextUpdateTime',
);

/** The public customer broadcast: every kind. */
export const CUSTOMER_TEMPLATES: TemplateDefinition[] = [
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
    variables: UPDATE_VARIABLES,
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
    body: RESOLVED_NOTE,
    variables: RESOLVED_NOTE_VARIABLES,
  },
];

/** Support replies to tickets and chats: every kind. */
export const SUPPORT_TEMPLATES: TemplateDefinition[] = [
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
    variables: UPDATE_VARIABLES,
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
    body: `The problem you reported, ${WHERE_SYMPTOM}, ${RESOLVED_SINCE} {{afterRecovery}} ${FOLLOW_UP} If anything still looks wrong on your side, please reply here.`,
    variables: vars(
      'statusLabel',
      'incidentTitle',
      'symptom',
      'recoveredTime',
      'afterRecovery',
      'followUpTime?',
    ),
  },
];
