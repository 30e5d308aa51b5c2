import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LintTextTooLongError, MAX_LINT_TEXT_LENGTH } from './errors';
import { lintMessage } from './lint-message';
import { MAX_SENTENCE_LENGTH, splitSentences, TextDocument } from './text';

const context = { kind: 'update', audience: 'customer' } as const;

describe('size limit', () => {
  it('refuses a text one code unit over MAX_LINT_TEXT_LENGTH with a typed error naming the limit', () => {
    const text = 'a'.repeat(MAX_LINT_TEXT_LENGTH + 1);
    let error: unknown;
    try {
      lintMessage(text, context);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LintTextTooLongError);
    const e = error as LintTextTooLongError;
    expect(e.code).toBe('lint_text_too_long');
    expect(e.limit).toBe(MAX_LINT_TEXT_LENGTH);
    expect(e.length).toBe(MAX_LINT_TEXT_LENGTH + 1);
    expect(e.message).toContain(String(MAX_LINT_TEXT_LENGTH));
  });

  // The heaviest shapes at the limit: every sentence read by the date parser, one endless
  // sentence, one endless word, nothing but line breaks. Each lints to the end (no time asserted
  // here: the bench times the worst of them).
  it.each([
    ['every sentence gives an update time', 'Next update at 18:30 UTC. '],
    ['one sentence that never ends', 'customers cannot sign in because of a possible database issue '],
    ['one word', 'x'],
    ['line breaks only', 'a\n'],
  ])('lints %s at exactly MAX_LINT_TEXT_LENGTH', (_, unit) => {
    const text = unit.repeat(Math.ceil(MAX_LINT_TEXT_LENGTH / unit.length)).slice(0, MAX_LINT_TEXT_LENGTH);
    const ds = lintMessage(text, context);
    for (const d of ds) expect(d.end).toBeLessThanOrEqual(text.length);
  });

  it('lints a text of exactly MAX_LINT_TEXT_LENGTH (a pasted log with no sentence ends)', () => {
    const line = '14:02:11 ERROR checkout worker timeout retry in 5 minutes upstream 503 ';
    const text = line.repeat(Math.ceil(MAX_LINT_TEXT_LENGTH / line.length)).slice(0, MAX_LINT_TEXT_LENGTH);
    const ds = lintMessage(text, context);
    expect(ds.length).toBeGreaterThan(0);
    for (const d of ds) expect(d.end).toBeLessThanOrEqual(text.length);
  });
});

describe('segmentation keeps per-sentence work bounded', () => {
  it('no sentence is longer than MAX_SENTENCE_LENGTH, and the spans cover every non-space character in order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('word', ' ', '.', '\n', 'x'.repeat(700), 'a,b', '  ', '!', 'ok '), {
          maxLength: 60,
        }),
        (parts) => {
          const text = parts.join('');
          const spans = splitSentences(text);
          let covered = 0;
          let last = 0;
          for (const s of spans) {
            expect(s.end - s.start).toBeLessThanOrEqual(MAX_SENTENCE_LENGTH);
            expect(s.start).toBeGreaterThanOrEqual(last);
            last = s.end;
            covered += text.slice(s.start, s.end).replace(/\s/g, '').length;
          }
          expect(covered).toBe(text.replace(/\s/g, '').length);
        },
      ),
      { seed: 20, numRuns: 300 },
    );
  });

  it('sentenceAt, clauseAt and lineColumn agree with a plain scan', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('Checkout fails', '. ', ', but ', '\n', 'ok', '; ', ' '), { maxLength: 40 }),
        (parts) => {
          const text = parts.join('');
          const doc = new TextDocument(text);
          const spans = doc.sentences;
          for (let i = 0; i < text.length; i++) {
            const expected = spans.find((s) => i < s.end) ??
              spans[spans.length - 1] ?? { start: 0, end: text.length };
            expect(doc.sentenceAt(i)).toEqual(expected);
            const clause = doc.clauseAt(i);
            expect(clause.start).toBeGreaterThanOrEqual(expected.start);
            expect(clause.end).toBeLessThanOrEqual(expected.end);
            const before = text.slice(0, i);
            const line = before.split('\n').length;
            expect(doc.lineColumn(i)).toEqual({ line, column: i - (before.lastIndexOf('\n') + 1) + 1 });
          }
        },
      ),
      { seed: 21, numRuns: 200 },
    );
  });
});
