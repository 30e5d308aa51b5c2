import { sampleMessage } from '@incident-comms/core/testing';
import { describe, expect, it } from 'vitest';
import { renderSlackMessage, splitText } from './blocks';
import { sanitizeMrkdwn } from './escape';

describe('Slack escaping', () => {
  it('keeps template links in mrkdwn but neutralises special mentions', () => {
    expect(sanitizeMrkdwn('*Heads up* <!channel> see <https://status.example.com|status>')).toBe(
      '*Heads up* &lt;!channel&gt; see <https://status.example.com|status>',
    );
    expect(sanitizeMrkdwn('<!subteam^S1|@oncall> <@W2> <#C3> @here')).toBe(
      '&lt;!subteam^S1|@oncall&gt; &lt;@W2&gt; <#C3> @\u2060here',
    );
  });
  it('renders template mrkdwn sanitised and user title escaped and single-line', () => {
    const m = sampleMessage({ incidentTitle: 'A\r\n<!channel>', mrkdwn: 'hello <!everyone>' });
    const { post } = renderSlackMessage(m, 'C1', { idempotencyKey: 'k' });
    const json = JSON.stringify(post);
    expect(json).not.toContain('<!channel>');
    expect(json).not.toContain('<!everyone>');
    expect(json).not.toMatch(/A\\r\\n/);
  });
  it('escapes the plain-text body with core escaping when there is no template mrkdwn', () => {
    const m = sampleMessage({ text: 'Hi <!here> & @channel <@U1> <http://x|y>' });
    const { post } = renderSlackMessage(m, 'C1', { idempotencyKey: 'k' });
    const json = JSON.stringify(post.blocks);
    expect(json).toContain('Hi &lt;!here&gt; &amp; @\u2060channel &lt;@U1&gt; &lt;http://x|y&gt;');
  });
  it('splitText never cuts an entity and prefers line breaks', () => {
    const text = `${'a'.repeat(2_998)}&amp;b`;
    const chunks = splitText(text);
    expect(chunks[0]).toBe('a'.repeat(2_998));
    expect(chunks[1]).toBe('&amp;b');
    expect(splitText(`${'x'.repeat(2_000)}\n${'y'.repeat(2_000)}`)).toEqual([
      'x'.repeat(2_000),
      'y'.repeat(2_000),
    ]);
    expect(splitText('a'.repeat(5000)).map((c) => c.length)).toEqual([3000, 2000]);
  });
});
