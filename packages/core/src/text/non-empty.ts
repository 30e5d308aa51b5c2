/**
 * @module text/non-empty
 * The zod schema of a required text field, shared by every input schema (runbook, incident
 * log, drills, playbook inputs) so they trim and word the problem the same way.
 */
import { z } from 'zod';

// Control, invisible-format and separator characters: a value of nothing else renders as nothing.
const INVISIBLE_OR_SPACE = /[\p{Cc}\p{Cf}\p{Z}\s]/gu;

/**
 * True when `value` holds at least one character a reader can see once control, invisible
 * (zero-width, bidi) and space characters are removed.
 *
 * @example
 * hasVisibleText('\u0007\u200B '); // false
 * hasVisibleText('ok'); // true
 */
export function hasVisibleText(value: string): boolean {
  return value.replace(INVISIBLE_OR_SPACE, '') !== '';
}

/**
 * A required text field: surrounding whitespace trimmed, then at least one character left.
 * Parses to the trimmed string; an empty or blank value fails with `expected a non-empty text`,
 * and so does a value made only of control or invisible characters (it would render as nothing).
 *
 * @example
 * nonEmptyTextSchema.parse('  Checkout  '); // 'Checkout'
 * nonEmptyTextSchema.safeParse('   ').success; // false
 * @internal
 */
export const nonEmptyTextSchema = z
  .string()
  .trim()
  .min(1, 'expected a non-empty text')
  .refine(hasVisibleText, {
    error: 'expected a non-empty text (only control or invisible characters were given)',
  });

// Line breaks of any kind, and the other control characters (TAB aside) no title may carry.
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const LINE_BREAK_OR_CONTROL = /[\u0000-\u0008\u000A-\u001F\u007F\u0085\u2028\u2029]/;

/**
 * A required one-line text (an incident title, a subject): trimmed, non-empty, and refused when
 * it holds a line break or another control character, so every channel (an email subject, a
 * Slack heading, a webhook field) gets the same line or none refuses it later.
 *
 * @example
 * singleLineTextSchema.parse(' Card payments failing '); // 'Card payments failing'
 * singleLineTextSchema.safeParse('Card payments\nBcc: x@evil.example').success; // false
 * @internal
 */
export const singleLineTextSchema = nonEmptyTextSchema.refine((v) => !LINE_BREAK_OR_CONTROL.test(v), {
  error: 'expected one line of text (no line breaks or control characters)',
});

/** Longest name or title a runbook may give (UTF-16 code units, after trimming). */
export const MAX_NAME_LENGTH = 200;

/**
 * A name (a person, a contact, the runbook, the source of truth): one line of text, as
 * {@link singleLineTextSchema}, of at most {@link MAX_NAME_LENGTH} characters, so it fits an
 * email header, a Slack heading and the source-of-truth page.
 *
 * @example
 * nameTextSchema.parse(' Dana Reyes '); // 'Dana Reyes'
 * nameTextSchema.safeParse('Dana\r\nReyes').success; // false
 * nameTextSchema.safeParse('x'.repeat(201)).success; // false
 * @internal
 */
export const nameTextSchema = singleLineTextSchema.refine((v) => v.length <= MAX_NAME_LENGTH, {
  error: `expected at most ${MAX_NAME_LENGTH} characters`,
});
