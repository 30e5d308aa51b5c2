import { describe, expect, it } from 'vitest';
import { breakSlackBroadcasts, escapeHtml, escapeMarkdown, escapeSlackMrkdwn } from './index';

const HOSTILE = '<!channel> <@U123> <#C42> <https://evil.example|click> @here @Everyone Tom & "Jerry" it\'s';

describe('escapeHtml', () => {
  it('turns every markup character into an entity and leaves the rest alone (JSDoc example)', () => {
    expect(escapeHtml('<b>"Q&A"</b>')).toBe('&lt;b&gt;&quot;Q&amp;A&quot;&lt;/b&gt;');
    expect(escapeHtml("it's")).toBe('it&#39;s');
    expect(escapeHtml(HOSTILE)).not.toMatch(/[<>"']/);
    expect(escapeHtml('plain words, 9:30 AM')).toBe('plain words, 9:30 AM');
  });
});

describe('escapeMarkdown', () => {
  it('neutralises emphasis, links and table pipes, and folds line breaks (JSDoc example)', () => {
    expect(escapeMarkdown('refunds | *credits*')).toBe('refunds \\| \\*credits\\*');
    expect(escapeMarkdown('[x](http://y)\r\n`z`')).toBe('\\[x\\](http://y) \\`z\\`');
  });
});

describe('Slack mrkdwn escaping', () => {
  it('escapes the three Slack entities and breaks broadcasts (JSDoc example)', () => {
    expect(escapeSlackMrkdwn('<!channel> & @here')).toBe('&lt;!channel&gt; &amp; @\u2060here');
  });

  it('leaves no special token, mention or disguised link in hostile text', () => {
    const out = escapeSlackMrkdwn(HOSTILE);
    expect(out).not.toMatch(/[<>]/);
    expect(out).not.toMatch(/@(channel|here|everyone)\b/i);
    expect(out).toContain('&lt;https://evil.example|click&gt;');
    // Quotes mean nothing in mrkdwn: only the three entities Slack defines.
    expect(out).toContain('"Jerry" it\'s');
  });

  it('breakSlackBroadcasts keeps links and channel references (JSDoc example)', () => {
    expect(breakSlackBroadcasts('@here and @Channel')).toBe('@\u2060here and @\u2060Channel');
    expect(breakSlackBroadcasts('see <https://status.example.com|status> in <#C1>')).toBe(
      'see <https://status.example.com|status> in <#C1>',
    );
    expect(breakSlackBroadcasts('mail ops@herein.example')).toBe('mail ops@herein.example');
  });
});
