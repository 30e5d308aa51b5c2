/**
 * @module runbook/defaults
 * The practice's defaults, written in our own words: severities (the SEV1–SEV3 ladder), cadence, approval routing,
 * the five customer-facing incident types and time zones. A runbook file overrides any part.
 */
import { DEFAULT_SEVERITY_LADDER } from '../severity/index';
import type { ApprovalTopic, DefaultIncidentType, DefaultSeverity, QuestionTopic, Role } from '../vocabulary';

/** Plain-words severity definitions of the default ladder: label, customer impact, response speed. */
export const DEFAULT_SEVERITIES: Record<
  DefaultSeverity,
  { label: string; customerImpact: string; responseSpeed: string }
> = Object.fromEntries(
  DEFAULT_SEVERITY_LADDER.map(({ id, label, customerImpact, responseSpeed }) => [
    id,
    { label, customerImpact, responseSpeed },
  ]),
) as Record<DefaultSeverity, { label: string; customerImpact: string; responseSpeed: string }>;

/** Minutes between customer updates per default severity (practice: 15 / 30 / 60). */
export const DEFAULT_CADENCE_MINUTES: Record<DefaultSeverity, number> = { SEV1: 15, SEV2: 30, SEV3: 60 };

/** Slower rhythm while monitoring a fix that is already out. */
export const DEFAULT_MONITORING_MINUTES: Record<DefaultSeverity, number> = { SEV1: 30, SEV2: 60, SEV3: 60 };

/** Which role approves each sensitive topic (practice: one named leader; fix times: the incident lead). */
export const DEFAULT_APPROVALS: Record<ApprovalTopic, Role> = {
  security: 'approver',
  dataLoss: 'approver',
  legal: 'approver',
  compensation: 'approver',
  contract: 'approver',
  fixTime: 'incidentLead',
};

/** The shape of one incident type's plain-language description (see `runbook.incidentTypes`). */
export interface IncidentTypeDefinition {
  /** The type's id, e.g. `sign-in` or `invoices-not-sending`. */
  id: string;
  /** Short name a support rep recognises, e.g. "Sign-in failures". */
  name: string;
  /** The product area it touches (used by sales and success playbooks). */
  productArea: string;
  /** The symptom in customers' words, e.g. "customers cannot sign in". */
  symptom: string;
  /** What customers may see, one sentence. */
  customerImpact: string;
  /** Phrases the message wording uses; each is a template variable of the same name. */
  phrases: {
    /** The flow customers use that is affected, fits "If your demo depends on …": `checkout`. */
    affectedFlow: string;
    /** What customers may have seen, past tense, fits "Before then, X may have seen …". */
    experienced: string;
    /** One sentence: whether customers need to do anything now that service is back. */
    afterRecovery: string;
  };
  /** What the team playbooks read from the type. */
  playbook: {
    /** Words customers use to report it (matched whole, any case), beside any built-in ones. */
    reportPhrases: readonly string[];
    /** The question topic a report of this symptom belongs to, if it has its own. */
    questionTopic?: Exclude<QuestionTopic, 'other'> | undefined;
  };
}

/** The five customer-facing incident types with plain impact phrases. */
export const DEFAULT_INCIDENT_TYPES: Record<DefaultIncidentType, IncidentTypeDefinition> = {
  'sign-in': {
    id: 'sign-in',
    name: 'Sign-in failures',
    productArea: 'sign-in',
    symptom: 'customers cannot sign in',
    customerImpact: 'You may see an error or be sent back to the sign-in page after entering your details.',
    phrases: {
      affectedFlow: 'signing in',
      experienced: 'errors when signing in, or been sent back to the sign-in page',
      afterRecovery: 'If you were signed out, you can sign in again now; nothing else is needed.',
    },
    playbook: { reportPhrases: [], questionTopic: 'sign-in' },
  },
  checkout: {
    id: 'checkout',
    name: 'Payment and checkout failures',
    productArea: 'checkout',
    symptom: 'card payments at checkout are failing',
    customerImpact: 'Orders may not complete and you may see a payment error.',
    phrases: {
      affectedFlow: 'checkout',
      experienced: 'payment errors and orders that did not complete',
      afterRecovery: 'If an order did not go through, you can place it again now; nothing else is needed.',
    },
    playbook: { reportPhrases: [] },
  },
  'data-delayed': {
    id: 'data-delayed',
    name: 'Data missing or delayed',
    productArea: 'reporting',
    symptom: 'new data is delayed',
    customerImpact: 'Recent records may be missing from reports and dashboards until processing catches up.',
    phrases: {
      affectedFlow: 'reports and dashboards',
      experienced: 'recent records missing from reports and dashboards',
      afterRecovery:
        'You do not need to do anything; if a record still looks missing, reply and we will check it.',
    },
    playbook: { reportPhrases: [], questionTopic: 'data-safety' },
  },
  timeouts: {
    id: 'timeouts',
    name: 'Actions timing out',
    productArea: 'app',
    symptom: 'pages load but actions time out',
    customerImpact: 'Saving, searching or submitting may spin and then fail with a timeout.',
    phrases: {
      affectedFlow: 'saving, searching and submitting',
      experienced: 'actions that spun and then failed with a timeout',
      afterRecovery: 'If something you saved or submitted during that time is missing, please try it again.',
    },
    playbook: { reportPhrases: [] },
  },
  'sync-stopped': {
    id: 'sync-stopped',
    name: 'Email or third-party sync stopped',
    productArea: 'integrations',
    symptom: 'emails and third-party syncs have stopped',
    customerImpact: 'Notification emails and syncs to connected tools may arrive late or not at all.',
    phrases: {
      affectedFlow: 'email and integration syncs',
      experienced: 'emails and syncs to connected tools arriving late or not at all',
      afterRecovery:
        'You do not need to do anything; if an email or sync still looks missing, reply and we will check it.',
    },
    playbook: { reportPhrases: [] },
  },
};
