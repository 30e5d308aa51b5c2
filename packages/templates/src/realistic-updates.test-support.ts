/**
 * @module realistic-updates (test support)
 * Realistic status-update versions for every incident type, severity and message kind, shaped
 * like the ones the coordinator publishes, for the template tests.
 */
import { defineRunbook, type Runbook } from '@incident-comms/core';
import { runbookInput } from '../../core/test/support';
import { SAMPLE_FACTS, sampleStatusUpdate } from './sample-updates';

/** Facts an incident lead would confirm for each incident type. */
export const FACTS_BY_TYPE = SAMPLE_FACTS;
/** A status-update version for one incident type, severity and kind (see `sampleStatusUpdate`). */
export const realisticUpdate = sampleStatusUpdate;

/** The example runbook's time zones: New York for customers, support and sales, Berlin for success. */
export function exampleRunbook(overrides: Record<string, unknown> = {}): Runbook {
  return defineRunbook(
    runbookInput({
      timeZones: {
        default: 'UTC',
        audiences: {
          customer: 'America/New_York',
          'support-reply': 'America/New_York',
          'sales-active-deal': 'America/New_York',
          'cs-account': 'Europe/Berlin',
        },
      },
      ...overrides,
    }),
  );
}
