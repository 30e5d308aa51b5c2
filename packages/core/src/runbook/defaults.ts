/**
 * @module runbook/defaults
 * The practice's defaults, written in our own words: severities, cadence, approval routing,
 * the five customer-facing incident types and time zones. A runbook file overrides any part.
 */
import type { ApprovalTopic, IncidentType, Role, Severity } from '../vocabulary';

/** Plain-words severity definitions: customer impact and response speed. */
export const DEFAULT_SEVERITIES: Record<
  Severity,
  { label: string; customerImpact: string; responseSpeed: string }
> = {
  SEV1: {
    label: 'Critical',
    customerImpact: 'Many customers cannot use the product or a core flow such as sign-in or checkout.',
    responseSpeed: 'Customer updates every 15 minutes; approvals answered within minutes.',
  },
  SEV2: {
    label: 'Major',
    customerImpact: 'A major feature is broken, but customers can still get some work done.',
    responseSpeed: 'Customer updates every 30 minutes.',
  },
  SEV3: {
    label: 'Minor',
    customerImpact: 'Limited impact, and a known workaround lets customers carry on.',
    responseSpeed: 'Customer updates every hour.',
  },
};

/** Minutes between customer updates per severity (practice: 15 / 30 / 60). */
export const DEFAULT_CADENCE_MINUTES: Record<Severity, number> = { SEV1: 15, SEV2: 30, SEV3: 60 };

/** Slower rhythm while monitoring a fix that is already out. */
export const DEFAULT_MONITORING_MINUTES: Record<Severity, number> = { SEV1: 30, SEV2: 60, SEV3: 60 };

/** Which role approves each sensitive topic (practice: one named leader; fix times: the incident lead). */
export const DEFAULT_APPROVALS: Record<ApprovalTopic, Role> = {
  security: 'approver',
  dataLoss: 'approver',
  legal: 'approver',
  compensation: 'approver',
  contract: 'approver',
  fixTime: 'incidentLead',
};

/** The shape of one incident type's plain-language description. */
export interface IncidentTypeDefinition {
  /** Short name a support rep recognises, e.g. "Sign-in failures". */
  name: string;
  /** The product area it touches (used by sales and success playbooks). */
  productArea: string;
  /** The symptom in customers' words, e.g. "customers cannot sign in". */
  symptom: string;
  /** What customers may see, one sentence. */
  customerImpact: string;
}

/** The five customer-facing incident types with plain impact phrases. */
export const DEFAULT_INCIDENT_TYPES: Record<IncidentType, IncidentTypeDefinition> = {
  'sign-in': {
    name: 'Sign-in failures',
    productArea: 'sign-in',
    symptom: 'customers cannot sign in',
    customerImpact: 'You may see an error or be sent back to the sign-in page after entering your details.',
  },
  checkout: {
    name: 'Payment and checkout failures',
    productArea: 'checkout',
    symptom: 'card payments at checkout are failing',
    customerImpact: 'Orders may not complete and you may see a payment error.',
  },
  'data-delayed': {
    name: 'Data missing or delayed',
    productArea: 'reporting',
    symptom: 'new data is delayed',
    customerImpact: 'Recent records may be missing from reports and dashboards until processing catches up.',
  },
  timeouts: {
    name: 'Actions timing out',
    productArea: 'app',
    symptom: 'pages load but actions time out',
    customerImpact: 'Saving, searching or submitting may spin and then fail with a timeout.',
  },
  'sync-stopped': {
    name: 'Email or third-party sync stopped',
    productArea: 'integrations',
    symptom: 'emails and third-party syncs have stopped',
    customerImpact: 'Notification emails and syncs to connected tools may arrive late or not at all.',
  },
};
