/**
 * @module text/clean
 * Control-character hygiene for user-supplied text: one cleaner for bodies, one folder for
 * single-line fields (subjects, titles), so no value can add a header line or hide characters.
 */

// C0 controls other than TAB and LF, DEL, and the Unicode line/paragraph separators.
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u2028\u2029]/g;

/**
 * Normalises line ends to LF and drops control characters no output format should carry
 * (C0 controls other than TAB and LF, DEL, U+2028/U+2029). Tabs and line breaks stay.
 *
 * @param text - any text.
 * @returns the cleaned text.
 * @example
 * cleanText('a\r\nb\u0007c'); // 'a\nbc'
 */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROL, '');
}

/**
 * Folds text onto one line: every run of whitespace holding a line break (CR, LF, U+2028,
 * U+2029) becomes one space, tabs become spaces, other control characters are dropped, runs of
 * spaces shrink to one and the ends are trimmed, so a value can never add a header line to an
 * email subject or break a Slack title.
 *
 * @param text - any text.
 * @returns one line of text.
 * @example
 * oneLine('Checkout\r\nBcc: x@evil.example'); // 'Checkout Bcc: x@evil.example'
 */
export function oneLine(text: string): string {
  return text
    .replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ')
    .replace(/\t/g, ' ')
    .replace(CONTROL, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}
