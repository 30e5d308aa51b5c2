/**
 * @module default-templates/internal
 * The internal source of truth: facts, unknowns, cause (only once confirmed) and the owner.
 */
import type { TemplateDefinition } from '../compile';
import { declareVariables as vars } from '../variables';
import { INTERNAL_SUBJECT } from './phrases';

const INTERNAL_HEADER =
  '{{statusLabel}} · {{severity}} ({{severityLabel}}) · version {{version}}, as of {{publishedTime}}';
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

/** Variables of the internal header: severity, status, title, version and when it was published. */
const HEADER_VARIABLES = [
  'statusLabel',
  'severity',
  'incidentTitle',
  'version',
  'severityLabel',
  'publishedTime',
] as const;

const INTERNAL_VARIABLES = [
  ...HEADER_VARIABLES,
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

/** The internal source of truth for all teams: every kind. */
export const INTERNAL_TEMPLATES: TemplateDefinition[] = [
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
      ...HEADER_VARIABLES,
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
