/**
 * @module channel-slack/escape
 * Slack mrkdwn escaping: user-supplied text can never ping `@channel`/`@here`/users/groups or
 * inject links. Source: Slack docs "Formatting text for app surfaces › Escaping text".
 */

const WORD_JOINER = '\u2060';

/** Breaks bare `@channel`, `@here`, `@everyone` so Slack shows them as text, never as a ping. */
function breakBroadcasts(text: string): string {
  return text.replace(/@(channel|here|everyone)\b/gi, `@${WORD_JOINER}$1`);
}

/**
 * Escapes plain user text for Slack mrkdwn: `&`, `<`, `>` become entities (so no `<!channel>`,
 * `<@U…>`, `<!subteam^…>` or `<http://…|…>` can be formed) and bare broadcasts are broken.
 *
 * @example
 * escapeSlackText('Hi <!here> & @channel'); // 'Hi &lt;!here&gt; &amp; @\u2060channel'
 */
export function escapeSlackText(text: string): string {
  return breakBroadcasts(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
}

/**
 * Makes template-rendered mrkdwn (already escaped by the template renderer) safe to post:
 * keeps its links (`<https://…|label>`) and channel links (`<#C…>`), but turns every special
 * mention (`<!channel>`, `<!here>`, `<!everyone>`, `<!subteam^…>`, `<@U…>`, `<@W…>`) into
 * visible text and breaks bare broadcasts.
 *
 * @example
 * sanitizeMrkdwn('*Heads up* <!channel> see <https://status.example.com|status>');
 * // '*Heads up* &lt;!channel&gt; see <https://status.example.com|status>'
 */
export function sanitizeMrkdwn(mrkdwn: string): string {
  const neutralised = mrkdwn.replace(/<([!@][^>]*)>/g, (_m, inner: string) => `&lt;${inner}&gt;`);
  return breakBroadcasts(neutralised);
}

/** Collapses CR/LF and other control characters of a one-line field (title, subject) to spaces. */
export function oneLine(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
}
