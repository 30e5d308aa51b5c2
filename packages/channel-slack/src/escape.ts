/**
 * @module channel-slack/escape
 * The channel's extra step on template mrkdwn: keep links, neutralise special mentions. Plain
 * text is escaped with core's `escapeSlackMrkdwn` (the one Slack escaper, shared with templates).
 */
import { breakSlackBroadcasts } from '@incident-comms/core';

/**
 * Makes template-rendered mrkdwn (already escaped by the template renderer) safe to post:
 * keeps its links (`<https://…|label>`) and channel links (`<#C…>`), but turns every special
 * mention (`<!channel>`, `<!here>`, `<!everyone>`, `<!subteam^…>`, `<@U…>`, `<@W…>`) into
 * visible text and breaks bare broadcasts (core's `breakSlackBroadcasts`).
 *
 * @example
 * sanitizeMrkdwn('*Heads up* <!channel> see <https://status.example.com|status>');
 * // '*Heads up* &lt;!channel&gt; see <https://status.example.com|status>'
 */
export function sanitizeMrkdwn(mrkdwn: string): string {
  const neutralised = mrkdwn.replace(/<([!@][^>]*)>/g, (_m, inner: string) => `&lt;${inner}&gt;`);
  return breakSlackBroadcasts(neutralised);
}
