/**
 * @module incident-type-wording
 * Plain words per incident type that the runbook's definitions do not carry: the flow customers
 * use, what they may have seen (past tense) and whether they need to do anything after recovery.
 */
import type { IncidentType } from '@incident-comms/core';

/** Wording for one incident type; each value becomes a template variable of the same name. */
export interface IncidentTypeWording {
  /** The flow customers use that is affected, fits "If your demo depends on …": `checkout`. */
  affectedFlow: string;
  /** What customers may have seen, past tense, fits "Before then, X may have seen …". */
  experienced: string;
  /** One sentence: whether customers need to do anything now that service is back. */
  afterRecovery: string;
}

/**
 * The default wording per incident type (practice: name the customer impact in plain words —
 * can they sign in, can they check out, are emails delayed).
 *
 * @example
 * INCIDENT_TYPE_WORDING.checkout.affectedFlow; // 'checkout'
 */
export const INCIDENT_TYPE_WORDING: Readonly<Record<IncidentType, IncidentTypeWording>> = Object.freeze({
  'sign-in': {
    affectedFlow: 'signing in',
    experienced: 'errors when signing in, or been sent back to the sign-in page',
    afterRecovery: 'If you were signed out, you can sign in again now; nothing else is needed.',
  },
  checkout: {
    affectedFlow: 'checkout',
    experienced: 'payment errors and orders that did not complete',
    afterRecovery: 'If an order did not go through, you can place it again now; nothing else is needed.',
  },
  'data-delayed': {
    affectedFlow: 'reports and dashboards',
    experienced: 'recent records missing from reports and dashboards',
    afterRecovery:
      'You do not need to do anything; if a record still looks missing, reply and we will check it.',
  },
  timeouts: {
    affectedFlow: 'saving, searching and submitting',
    experienced: 'actions that spun and then failed with a timeout',
    afterRecovery: 'If something you saved or submitted during that time is missing, please try it again.',
  },
  'sync-stopped': {
    affectedFlow: 'email and integration syncs',
    experienced: 'emails and syncs to connected tools arriving late or not at all',
    afterRecovery:
      'You do not need to do anything; if an email or sync still looks missing, reply and we will check it.',
  },
});
