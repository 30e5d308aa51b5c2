/**
 * @module text/non-empty
 * The zod schema of a required text field, shared by every input schema (runbook, incident
 * log, drills, playbook inputs) so they trim and word the problem the same way.
 */
import { z } from 'zod';

/**
 * A required text field: surrounding whitespace trimmed, then at least one character left.
 * Parses to the trimmed string; an empty or blank value fails with `expected a non-empty text`.
 *
 * @example
 * nonEmptyTextSchema.parse('  Checkout  '); // 'Checkout'
 * nonEmptyTextSchema.safeParse('   ').success; // false
 * @internal
 */
export const nonEmptyTextSchema = z.string().trim().min(1, 'expected a non-empty text');
