/**
 * @module escape
 * Escaping per output format, applied to every variable value and to the template's own text:
 * plain text unescaped, HTML escaped, Slack mrkdwn escaped with mentions and links neutralised.
 */

/** Output formats: `text` (plain, unescaped), `html` (escaped), `slack` (mrkdwn, escaped). */
export type TemplateFormat = 'text' | 'html' | 'slack';

/** All formats, in the order {@link TemplateFormat} lists them. */
export const TEMPLATE_FORMATS: readonly TemplateFormat[] = ['text', 'html', 'slack'];

// C0 controls other than TAB and LF, DEL, and the Unicode line/paragraph separators.
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u2028\u2029]/g;

/** Normalises line ends to LF and drops control characters that no format should carry. */
export function cleanText(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(CONTROL, '');
}

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for HTML element content and attribute values (`&`, `<`, `>`, `"`, `'`).
 *
 * @example
 * escapeHtml('<b>"Q&A"</b>'); // '&lt;b&gt;&quot;Q&amp;A&quot;&lt;/b&gt;'
 */
export function escapeHtml(value: string): string {
  return cleanText(value).replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!);
}

/** U+2060 WORD JOINER: invisible, keeps `@here` from reading as a mention. */
const WORD_JOINER = '\u2060';

/**
 * Escapes text for Slack mrkdwn: `&`, `<` and `>` become entities, so no value can form a
 * special token (`<!channel>`, `<!here>`, `<@U123>`, `<#C123>`, `<https://evil|click>`); bare
 * `@channel`, `@here` and `@everyone` get an invisible word joiner so they never notify.
 *
 * @example
 * escapeSlack('<!channel> & @here'); // '&lt;!channel&gt; &amp; @\u2060here'
 */
export function escapeSlack(value: string): string {
  return cleanText(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@(channel|here|everyone)\b/gi, `@${WORD_JOINER}$1`);
}

/** The escape function of a format (identity apart from {@link cleanText} for `text`). */
export function escaperFor(format: TemplateFormat): (value: string) => string {
  if (format === 'html') return escapeHtml;
  if (format === 'slack') return escapeSlack;
  return cleanText;
}

/**
 * Folds text onto one line: any run of whitespace containing CR or LF becomes one space, so a
 * value can never add a header line to an email subject.
 *
 * @example
 * oneLine('Checkout\r\nBcc: x@evil.example'); // 'Checkout Bcc: x@evil.example'
 */
export function oneLine(value: string): string {
  return value
    .replace(/[^\S\n\r]*[\r\n]+\s*/g, ' ')
    .replace(CONTROL, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Tidies a rendered body: trailing spaces, doubled spaces, runs of blank lines, outer blank lines. */
export function tidyBody(value: string): string {
  return value
    .split('\n')
    .map((line) => line.replace(/(\S) {2,}/g, '$1 ').trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Turns an escaped body into HTML: blank-line separated paragraphs, `<br>` for single line breaks. */
export function paragraphsToHtml(escapedBody: string): string {
  return escapedBody
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${paragraph.split('\n').join('<br>\n')}</p>`)
    .join('\n');
}
