import { hostileMessage, sampleMessage } from '@incident-comms/core/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderIncidentRequest, statuspageBody } from './incident-request';

/** What a Markdown reader shows for escaped text: every backslash escape taken literally. */
const shown = (md: string) => md.replace(/\\([\\`*_[\]<>|~#+=.)-])/g, '$1');
const UNESCAPED_INLINE = /(?<!\\)[<>[\]*_`|~]/;
const BLOCK_START = /^\s*(?:[#>+=-]|\d+[.)])/m;

describe('Statuspage body escaping', () => {
  it.each([
    [
      'a Markdown link',
      '[your bank](http://evil.example/login)',
      '\\[your bank\\](http://evil.example/login)',
    ],
    ['HTML', '<b>bold</b> <script>x()</script>', '\\<b\\>bold\\</b\\> \\<script\\>x()\\</script\\>'],
    ['emphasis and code', '**now** _soon_ `code`', '\\*\\*now\\*\\* \\_soon\\_ \\`code\\`'],
    ['a heading', '# All fixed', '\\# All fixed'],
    ['a list and a quote', '- one\n> quoted\n2. two', '\\- one\n\\> quoted\n2\\. two'],
    ['a table row', '| a | b |', '\\| a \\| b \\|'],
  ])('shows %s literally', (_kind, text, expected) => {
    expect(statuspageBody(text)).toBe(expected);
    expect(shown(statuspageBody(text))).toBe(text);
  });

  it('for any text: no unescaped inline or block Markdown, and the reader sees the approved words', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const body = statuspageBody(text);
        const lines = text
          .replace(/\r\n?/g, '\n')
          .split('\n')
          .map((l) => l.replace(/\s+/g, ' ').trim());
        return (
          !UNESCAPED_INLINE.test(body) &&
          !BLOCK_START.test(body) &&
          shown(body).replace(/\s+/g, ' ').trim() ===
            lines
              .filter((l) => l !== '')
              .join(' ')
              .replace(/\s+/g, ' ')
              .trim()
        );
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the incident name on one line and within 255 characters', () => {
    const m = sampleMessage({ incidentTitle: `Checkout\r\nBcc: x ${'y'.repeat(400)}` });
    const payload = renderIncidentRequest(m, 'kctbh9vrtdwd', { idempotencyKey: 'k' }, {}, true);
    expect(payload.op === 'create' && payload.body.incident.name).toMatch(/^Checkout Bcc: x y+$/);
    expect(payload.op === 'create' && payload.body.incident.name?.length).toBe(255);
  });

  it('updates the incident named by the thread of the same page, and creates one otherwise', () => {
    const m = hostileMessage();
    const ctx = (thread?: Record<string, string>) => ({ idempotencyKey: 'k', thread });
    expect(
      renderIncidentRequest(m, 'pageaaa111', ctx({ pageId: 'pageaaa111', incidentId: 'i1' }), {}, true),
    ).toMatchObject({
      op: 'update',
      incidentId: 'i1',
    });
    expect(
      renderIncidentRequest(m, 'pageaaa111', ctx({ pageId: 'otherpage22', incidentId: 'i1' }), {}, true).op,
    ).toBe('create');
    expect(renderIncidentRequest(m, 'pageaaa111', ctx(), {}, true).op).toBe('create');
  });
});
