import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldForMatching } from './fold';
import { applyFixes, lintMessage } from './lint-message';
import { detectTopics } from './topics';
import type { LintContext } from './types';

const context: LintContext = { kind: 'update', audience: 'customer', facts: { scope: 'some' } };
const IMPACT = 'Checkout is failing for some customers. ';

// Each kind of disguise rewrites a word the way a writer (or a paste from another tool) could.
const FULLWIDTH = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const CYRILLIC: Record<string, string> = { a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', y: 'у', x: 'х', i: 'і' };
const GREEK: Record<string, string> = { o: 'ο', v: 'ν', i: 'ι', k: 'κ', p: 'ρ', u: 'υ' };
const swapEvery = (table: Record<string, string>) => (s: string) => s.replace(/[a-z]/g, (c) => table[c] ?? c);
const swapOne = (table: Record<string, string>) => (s: string) => {
  const i = [...s].findIndex((c) => table[c] !== undefined);
  return i < 0 ? s : s.slice(0, i) + table[s[i] as string] + s.slice(i + 1);
};
const interleave = (mark: string) => (s: string) => `${s.slice(0, 2)}${mark}${s.slice(2)}`;

const DISGUISES: readonly (readonly [string, (s: string) => string])[] = [
  ['fullwidth letters and digits', FULLWIDTH],
  ['one Cyrillic look-alike', swapOne(CYRILLIC)],
  ['every Cyrillic look-alike', swapEvery(CYRILLIC)],
  ['one Greek look-alike', swapOne(GREEK)],
  ['Greek and Cyrillic mixed', (s) => swapOne(GREEK)(swapOne(CYRILLIC)(s))],
  ['a soft hyphen', interleave('\u00AD')],
  ['a zero-width space', interleave('\u200B')],
  ['a zero-width joiner', interleave('\u200D')],
];

// [rule, sentence with the word to disguise in brackets]
const CASES: readonly (readonly [string, string])[] = [
  ['no-fix-time-promise', 'It will be fixed by [3pm].'],
  ['no-fix-time-promise', 'It will be [fixed] by 3pm.'],
  ['no-fix-time-promise', 'We expect a fix within [30 minutes].'],
  ['no-cause-speculation', 'The problem is [probably] a database issue.'],
  ['no-cause-speculation', 'This is [likely] caused by our provider.'],
  ['no-premature-resolution', 'This is completely [fixed] now.'],
  ['no-premature-resolution', 'The issue is fully [resolved] and will not happen again.'],
];

function build(template: string, disguise: (s: string) => string) {
  const [before, word, after] = template.split(/\[|\]/) as [string, string, string];
  const start = IMPACT.length + before.length;
  const written = disguise(word);
  return {
    text: IMPACT + before + written + after,
    plain: IMPACT + before + word + after,
    start,
    end: start + written.length,
  };
}

describe('lint reads disguised letters as the letters they look like', () => {
  for (const [rule, template] of CASES) {
    it(`${rule}: "${template}" is plain text for the rule`, () => {
      const plain = build(template, (s) => s).plain;
      expect(lintMessage(plain, context).some((d) => d.ruleId === rule)).toBe(true);
    });
    for (const [kind, disguise] of DISGUISES) {
      it(`${rule} fires through ${kind}: "${template}"`, () => {
        const { text, plain, start, end } = build(template, disguise);
        expect(text).not.toBe(plain);
        const found = lintMessage(text, context).filter((d) => d.ruleId === rule);
        const expected = lintMessage(plain, context).filter((d) => d.ruleId === rule);
        expect(found.length).toBe(expected.length);
        // Every position points at the text as written: the span covers the disguised word
        // and reads, folded, the same as the span of the plain draft.
        for (const [i, d] of found.entries()) {
          const e = expected[i] as (typeof expected)[number];
          expect(foldForMatching(text.slice(d.start, d.end)).text).toBe(plain.slice(e.start, e.end));
          expect(d.start <= end && d.end >= start).toBe(true);
          expect(d.column).toBe(d.start + 1);
        }
      });
    }
  }

  it('the approval gates see a disguised refund or fix time, with spans in the written text', () => {
    for (const [kind, disguise] of DISGUISES) {
      const text = `We will ${disguise('refund')} you. It will be fixed by ${disguise('3pm')}.`;
      const topics = detectTopics(text);
      expect(
        topics.map((m) => m.topic),
        kind,
      ).toEqual(['compensation', 'fixTime']);
      for (const m of topics) expect(text.slice(m.start, m.end)).toBe(m.text);
    }
  });

  it('genuine Russian and Greek words keep their letters', () => {
    for (const word of ['скоро', 'Хорошо', 'σήμερα', 'Проблема', 'работает']) {
      expect(foldForMatching(`Status: ${word}.`).text).toBe(`Status: ${word}.`);
    }
  });

  it('a fix applies to the written text at the mapped positions', () => {
    const text = `${IMPACT}We are on it!!\u200B! Next update by 9:30 AM ET.`;
    const fixed = applyFixes(text, lintMessage(text, context));
    expect(fixed).toBe(`${IMPACT}We are on it. Next update by 9:30 AM ET.`);
  });

  it('property: every diagnostic of a draft with inserted invisibles maps inside the draft', () => {
    const invisible = fc.constantFrom('\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF');
    fc.assert(
      fc.property(
        fc.constantFrom(...CASES.map(([, t]) => build(t, (s) => s).plain)),
        fc.array(fc.tuple(fc.nat(), invisible), { maxLength: 6 }),
        (plain, inserts) => {
          let text = plain;
          for (const [at, mark] of inserts) {
            const i = at % (text.length + 1);
            text = text.slice(0, i) + mark + text.slice(i);
          }
          const folded = foldForMatching(text);
          expect(folded.text).toBe(plain);
          const ours = lintMessage(text, context).map((d) => d.ruleId);
          expect(ours).toEqual(lintMessage(plain, context).map((d) => d.ruleId));
          for (const d of lintMessage(text, context)) {
            expect(d.start).toBeGreaterThanOrEqual(0);
            expect(d.end).toBeLessThanOrEqual(text.length);
            expect(folded.text).toContain(foldForMatching(text.slice(d.start, d.end)).text);
          }
        },
      ),
      { seed: 20261207, numRuns: 200 },
    );
  });
});
