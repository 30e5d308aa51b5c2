/**
 * @module escape
 * Escaping per output format, applied to every variable value and to the template's own text:
 * plain text unescaped, HTML escaped, Slack mrkdwn escaped with mentions and links neutralised.
 * The escaping itself is core's (`escapeHtml`, `escapeSlackMrkdwn`, `cleanText`).
 */
import { cleanText, escapeHtml, escapeSlackMrkdwn } from '@incident-comms/core';

/** Output formats: `text` (plain, unescaped), `html` (escaped), `slack` (mrkdwn, escaped). */
export type TemplateFormat = 'text' | 'html' | 'slack';

/** All formats, in the order {@link TemplateFormat} lists them. */
export const TEMPLATE_FORMATS: readonly TemplateFormat[] = ['text', 'html', 'slack'];

const escapeHtmlText = (value: string): string => escapeHtml(cleanText(value));
const escapeSlackText = (value: string): string => escapeSlackMrkdwn(cleanText(value));

/**
 * The escape function of a format: every format first drops control characters (`cleanText`);
 * `html` then escapes markup characters, `slack` the mrkdwn entities and bare broadcasts.
 */
export function escaperFor(format: TemplateFormat): (value: string) => string {
  if (format === 'html') return escapeHtmlText;
  if (format === 'slack') return escapeSlackText;
  return cleanText;
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
