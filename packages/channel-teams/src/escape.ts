/**
 * @module channel-teams/escape
 * Making approved plain text safe inside an Adaptive Card. User text only ever goes into
 * `TextRun`s, which Teams shows without Markdown; what is left to neutralise is what a Teams
 * client still acts on in literal text: links it detects by itself, and `{{DATE()}}`/`{{TIME()}}`
 * functions. Mentions need an `<at>` tag plus an `msteams.entities` entry, and the channel never
 * sends entities, so `<at>` stays visible text.
 */
import { cleanText, oneLine } from '@incident-comms/core';

/** U+2060 WORD JOINER: invisible; placed inside a URL scheme or `{{` so nothing acts on it. */
const WORD_JOINER = '\u2060';

const URL_LIKE = /\b([a-z][a-z0-9+.-]{1,15}):\/\/([^\s<>"')\]]*)|\bwww\.([^\s<>"')\]]*)/gi;

/**
 * Neutralises links and card functions in plain text: a URL whose origin is not in
 * `allowedOrigins` gets a word joiner after its scheme (`https:⁠//…`, `www⁠.…`), so Teams shows
 * it as text and does not link it; `{{` becomes `{⁠{`. The text reads the same.
 *
 * @param text - plain text (already cleaned of control characters).
 * @param allowedOrigins - origins that stay clickable, e.g. the source-of-truth page's
 *   `https://status.example.com`.
 * @example
 * defuseText('see https://evil.example/x and {{DATE(2026-01-01T00:00:00Z)}}', []);
 * // 'see https:\u2060//evil.example/x and {\u2060{DATE(2026-01-01T00:00:00Z)}}'
 */
export function defuseText(text: string, allowedOrigins: readonly string[]): string {
  return text
    .replace(URL_LIKE, (match: string, scheme: string | undefined) => {
      if (scheme !== undefined && allowedOrigins.some((o) => isSameOrigin(match, o))) return match;
      // every scheme separator and www. inside the match, so a URL glued to the next is broken too
      return match
        .replace(/:\/\//g, `:${WORD_JOINER}//`)
        .replace(/www\./gi, (w) => `${w.slice(0, 3)}${WORD_JOINER}.`);
    })
    .replace(/\{\{/g, `{${WORD_JOINER}{`);
}

function isSameOrigin(url: string, origin: string): boolean {
  try {
    const u = new URL(url);
    return u.origin === origin && !u.username && !u.password;
  } catch {
    return false;
  }
}

/** One line of plain text for a card title or fact value: folded, then {@link defuseText}. */
export function cardLine(text: string, allowedOrigins: readonly string[]): string {
  return defuseText(oneLine(text), allowedOrigins);
}

/**
 * The body's paragraphs for `TextRun`s: control characters dropped, line ends normalised,
 * split on blank lines, each {@link defuseText}-ed. Single line breaks stay inside a paragraph.
 *
 * @example
 * cardParagraphs('Line one\nline two\n\nSecond paragraph', []); // ['Line one\nline two', 'Second paragraph']
 */
export function cardParagraphs(text: string, allowedOrigins: readonly string[]): string[] {
  return cleanText(text)
    .split(/\n[ \t]*\n+/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => defuseText(p, allowedOrigins));
}
