import { describe, expect, it } from 'vitest';
import { t } from '../../core/test/support';
import { compileTemplate, renderAll, renderTemplate } from './index';
import { exampleRunbook, realisticUpdate } from './realistic-updates.test-support';

const HOSTILE = [
  '<!channel>',
  '<!here>',
  '<@U123>',
  '<#C42>',
  '<https://evil.example|click here>',
  '@channel @here @everyone',
  'Tom & Jerry',
  '"quoted"',
  "it's",
  '<script>alert(1)</script>',
].join(' ');

const runbook = exampleRunbook();

function hostileUpdate() {
  return {
    ...realisticUpdate('checkout', 'SEV1', 'update', runbook),
    title: `Checkout ${HOSTILE} Bcc: victim@example.com`,
    symptom: `card payments fail ${HOSTILE}`,
    affected: 'customers\r\nX-Injected: yes',
    teamAction: `Engineers are on it ${HOSTILE}`,
  };
}

describe('escaping per format', () => {
  const messages = renderAll(hostileUpdate(), runbook, { incidentId: 'inc-hostile' });

  it('leaves plain text unescaped', () => {
    for (const m of messages) {
      expect(m.text).toContain('<!channel>');
      expect(m.text).toContain('Tom & Jerry');
    }
  });

  it('escapes HTML so no value becomes markup', () => {
    for (const m of messages) {
      expect(m.html).not.toMatch(/<(?!\/?p>|br>)/);
      expect(m.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(m.html).toContain('Tom &amp; Jerry');
      expect(m.html).toContain('&quot;quoted&quot;');
      expect(m.html).toContain('it&#39;s');
    }
  });

  it('escapes Slack mrkdwn: no mention, channel link or disguised link survives', () => {
    for (const m of messages) {
      for (const field of [m.mrkdwn, m.mrkdwnTitle]) {
        expect(field).not.toContain('<');
        expect(field).not.toContain('>');
        expect(field).not.toMatch(/@(channel|here|everyone)\b/);
        expect(field).toContain('&lt;!channel&gt;');
        expect(field).toContain('&lt;@U123&gt;');
        expect(field).toContain('&lt;https://evil.example|click here&gt;');
        expect(field).toContain('Tom &amp; Jerry');
        // Only the three entities Slack defines; no double escaping.
        expect(field).not.toContain('&amp;lt;');
      }
    }
  });

  it('keeps subject and title on one line whatever the values hold (no header injection)', () => {
    // A title with a line break is refused at the boundary, for every channel alike.
    for (const br of ['\r\n', '\n', '\r', '\u2028', '\u0085']) {
      const title = `Checkout${br}Bcc: victim@example.com`;
      expect(() => renderAll({ ...hostileUpdate(), title }, runbook, { incidentId: 'inc-hostile' })).toThrow(
        expect.objectContaining({ code: 'input_invalid' }),
      );
    }
    for (const m of messages) {
      for (const line of [m.subject, m.title, m.mrkdwnTitle]) {
        expect(line).not.toMatch(/[\r\n]/);
      }
      expect(m.subject).toContain('Bcc: victim@example.com');
    }
  });

  it('escapes the template’s own text as well as values', () => {
    const template = compileTemplate('notice/partners', {
      subject: 'Q&A <notice> for {{incidentTitle}}',
      body: 'Q&A: {{symptomSentence}}',
    });
    const vars = { incidentTitle: 'Checkout', symptomSentence: 'Payments fail.' };
    expect(renderTemplate(template, vars, 'html')).toMatchObject({
      subject: 'Q&amp;A &lt;notice&gt; for Checkout',
      body: '<p>Q&amp;A: Payments fail.</p>',
    });
    expect(renderTemplate(template, vars, 'slack').body).toBe('Q&amp;A: Payments fail.');
    expect(renderTemplate(template, vars, 'text').body).toBe('Q&A: Payments fail.');
  });

  it('turns blank-line paragraphs into <p> and line breaks into <br> in HTML', () => {
    const internal = messages.find((m) => m.audience === 'internal')!;
    expect(internal.html.startsWith('<p>Identified · SEV1 (Critical) · version 2, as of 14:30 UTC</p>')).toBe(
      true,
    );
    expect(internal.html).toContain('<br>\n');
    expect(internal.nextUpdateAt).toBe(t(35));
  });
});
