/**
 * @module text/escape
 * The one implementation of escaping user-supplied text for each output format this project
 * writes: HTML, inline Markdown and Slack mrkdwn, so no value can ever become markup or a ping.
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
 * @returns the text with `& < > " '` replaced by entities; nothing else changes (control
 *   characters are the caller's business, see {@link cleanText}).
 * @example
 * escapeHtml('<b>"Q&A"</b>'); // '&lt;b&gt;&quot;Q&amp;A&quot;&lt;/b&gt;'
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

/** U+2060 WORD JOINER: invisible, keeps `@here` from reading as a mention. */
const WORD_JOINER = '\u2060';

/**
 * Breaks bare `@channel`, `@here` and `@everyone` (any case) with an invisible word joiner, so
 * Slack shows them as text and never notifies anyone. Leaves everything else as it is, so it is
 * safe on mrkdwn that must keep its links.
 *
 * @param text - text or mrkdwn.
 * @returns the text with every bare broadcast broken.
 * @example
 * breakSlackBroadcasts('@here and @Channel'); // '@\u2060here and @\u2060Channel'
 */
export function breakSlackBroadcasts(text: string): string {
  return text.replace(/@(channel|here|everyone)\b/gi, `@${WORD_JOINER}$1`);
}

/**
 * Escapes plain user text for Slack mrkdwn: `&`, `<` and `>` become the three entities Slack
 * defines, so no value can form a special token (`<!channel>`, `<!here>`, `<@U123>`, `<#C123>`,
 * `<!subteam^…>`, `<https://evil|click>`), and bare broadcasts are broken
 * ({@link breakSlackBroadcasts}). Slack docs: "Formatting text for app surfaces › Escaping text".
 *
 * @param text - plain text.
 * @returns mrkdwn that shows the literal text and pings nobody.
 * @example
 * escapeSlackMrkdwn('<!channel> & @here'); // '&lt;!channel&gt; &amp; @\u2060here'
 */
export function escapeSlackMrkdwn(text: string): string {
  return breakSlackBroadcasts(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
}
