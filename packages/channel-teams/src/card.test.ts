import { hostileMessage, sampleMessage } from '@incident-comms/core/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CardElement, renderTeamsMessage, TEAMS_PAYLOAD_LIMIT } from './card';
import { cardParagraphs, defuseText } from './escape';

const sourceOfTruth = { name: 'the Acme status page', url: 'https://status.acme.example/incidents' };
const render = (overrides: Parameters<typeof sampleMessage>[0], maxBytes?: number) =>
  renderTeamsMessage(sampleMessage(overrides), 'eng', { idempotencyKey: 'k' }, { sourceOfTruth, maxBytes });

/** Every text Teams would show, by element kind. */
function texts(elements: readonly CardElement[]): { runs: string[]; blocks: string[]; facts: string[] } {
  const out = { runs: [] as string[], blocks: [] as string[], facts: [] as string[] };
  for (const e of elements) {
    if (e.type === 'TextBlock') out.blocks.push(e.text);
    if (e.type === 'RichTextBlock') out.runs.push(...e.inlines.map((i) => i.text));
    if (e.type === 'FactSet') out.facts.push(...e.facts.flatMap((f) => [f.title, f.value]));
    if (e.type === 'Container') {
      const inner = texts(e.items);
      out.runs.push(...inner.runs);
      out.blocks.push(...inner.blocks);
      out.facts.push(...inner.facts);
    }
  }
  return out;
}

const LIVE_LINK = /(?<![\u2060])\b[a-z][a-z0-9+.-]*:\/\/(?!\u2060)|(?<!\u2060)\bwww\.(?!\u2060)/i;

describe('Teams card escaping', () => {
  it.each([
    ['a Markdown link', '[your bank](http://evil.example/login)'],
    ['a bare URL', 'log in at https://evil.example/reset now'],
    ['a www address', 'go to www.evil.example'],
    ['a URL hidden after www', 'https://www.evil.example'],
    ['a mention tag', '<at>General</at> <at>Everyone</at>'],
    ['a card date function', '{{DATE(2017-02-14T06:08:39Z, LONG)}}'],
    ['Markdown emphasis and lists', '**urgent** _now_\n- item\n1. item'],
    ['HTML', '<b>bold</b> <script>alert(1)</script> <a href="http://evil.example">x</a>'],
  ])('shows %s as plain text in TextRuns, never as a live link, function or mention', (_kind, hostile) => {
    const payload = render({ incidentTitle: `Checkout ${hostile}`, text: `Update: ${hostile}` });
    const card = payload.body.attachments[0].content;
    const { runs, blocks, facts } = texts(card.body);
    expect(blocks).toEqual([]); // nothing is rendered with Markdown
    for (const t of [...runs, ...facts.filter((f) => !f.startsWith('{{DATE(2026')), card.fallbackText]) {
      expect(t).not.toMatch(LIVE_LINK);
      expect(t).not.toContain('{{');
    }
    expect(JSON.stringify(card)).not.toContain('"entities"');
    expect(card.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Open the Acme status page', url: sourceOfTruth.url },
    ]);
  });

  it('keeps links to the source of truth clickable and reads the same otherwise', () => {
    expect(
      defuseText('Status: https://status.acme.example/incidents/42 and https://evil.example', [
        'https://status.acme.example',
      ]),
    ).toBe('Status: https://status.acme.example/incidents/42 and https:\u2060//evil.example');
    // userinfo tricks do not pass as the allowed origin
    expect(
      defuseText('https://status.acme.example@evil.example/', ['https://status.acme.example']),
    ).toContain('https:\u2060//');
    const hostile = hostileMessage();
    const run = renderTeamsMessage(hostile, 'eng', { idempotencyKey: 'k' }, { sourceOfTruth }).body
      .attachments[0].content.body;
    expect(
      texts(run)
        .runs.join(' ')
        .replace(/\u2060/g, ''),
    ).toContain(hostile.text.replace(/\s+/g, ' ').trim());
  });

  it('folds the title onto one line and keeps paragraphs of the body', () => {
    const payload = render({
      incidentTitle: 'Checkout\r\nX-Injected: 1',
      text: 'First line\nsecond line\n\n\nNext paragraph',
    });
    const { runs } = texts(payload.body.attachments[0].content.body);
    expect(runs[0]).toBe('SEV2 · Investigating — Checkout X-Injected: 1');
    expect(runs.slice(1)).toEqual(['First line\nsecond line', 'Next paragraph']);
  });

  it('for any title and body: no live foreign link, no card function, no Markdown block, within the size limit', () => {
    const word = fc.constantFrom(
      'https://evil.example',
      'www.evil.example',
      '{{TIME(x)}}',
      '<at>x</at>',
      '[a](b)',
      '**b**',
      '\n\n',
      '😀',
      'é',
      ' ',
    );
    const text = fc
      .array(fc.oneof(word, fc.string({ maxLength: 20 })), { maxLength: 60 })
      .map((a) => a.join(' '));
    fc.assert(
      fc.property(
        text,
        text,
        fc.integer({ min: 3_000, max: TEAMS_PAYLOAD_LIMIT }),
        (title, body, maxBytes) => {
          const payload = render(
            { incidentTitle: title || 'x', text: body.repeat(1 + (maxBytes % 7) * 20) },
            maxBytes,
          );
          const card = payload.body.attachments[0].content;
          const { runs, blocks } = texts(card.body);
          const size = new TextEncoder().encode(JSON.stringify(payload.body)).length;
          return (
            blocks.length === 0 &&
            size <= maxBytes &&
            [...runs, card.fallbackText].every((t) => !LIVE_LINK.test(t) && !t.includes('{{'))
          );
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('Teams card size limit', () => {
  it('cuts the approved text at a word, never rewording it, and says where the rest is', () => {
    const paragraphs = Array.from(
      { length: 300 },
      (_, i) => `Paragraph ${i} ${'é'.repeat(40)} ${'word '.repeat(30).trim()}`,
    );
    const payload = render({ text: paragraphs.join('\n\n') });
    expect(payload.trimmed).toBe(true);
    const { runs } = texts(payload.body.attachments[0].content.body);
    const kept = runs.slice(1, -1);
    const notice = runs.at(-1);
    expect(notice).toBe('This update is longer than Teams allows. Read it in full on the Acme status page.');
    // every kept paragraph but the last is verbatim; the last is a prefix cut at a word
    expect(kept.slice(0, -1)).toEqual(paragraphs.slice(0, kept.length - 1));
    const last = kept.at(-1)!;
    expect(last.endsWith(' …')).toBe(true);
    expect(paragraphs[kept.length - 1]!.startsWith(last.slice(0, -2))).toBe(true);
  });

  it('does not trim a card that fits', () => {
    const payload = render({});
    expect(payload.trimmed).toBe(false);
    expect(cardParagraphs(sampleMessage().text, [])).toEqual([sampleMessage().text]);
  });
});
