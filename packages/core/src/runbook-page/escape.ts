/**
 * @module runbook-page/escape
 * Escaping of user-supplied text (names, titles, questions) for the Markdown and HTML pages
 * this library renders, so a runbook value can never become markup.
 */

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for HTML element content and quoted attribute values.
 *
 * @param text - any text.
 * @returns the text with `& < > " '` replaced by entities.
 * @example
 * escapeHtml('<b>Tom & Jerry</b>'); // '&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c);
}

/**
 * Escapes text for inline Markdown (also safe inside a table cell): emphasis, links, code,
 * HTML tags and table pipes are neutralised; line breaks become spaces. Characters that only
 * matter next to an escaped one (`(` after `]`, `!` before `[`) stay readable.
 *
 * @param text - any text.
 * @returns Markdown that renders as the literal text.
 * @example
 * escapeMarkdown('refunds | *credits*'); // 'refunds \\| \\*credits\\*'
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`);
}
