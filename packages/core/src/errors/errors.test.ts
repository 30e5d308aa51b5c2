import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { eventSchema } from '../incident/events';
import { lintConfigSchema } from '../lint/config';
import { explainZodIssues, IncidentCommsError, problemsFromZod, ValidationError } from './index';

const problemsOf = (schema: z.ZodType, input: unknown, prefix = '') => {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error('expected the input to be invalid');
  return problemsFromZod(parsed.error, input, prefix).map((p) => p.message);
};

describe('problemsFromZod builds "expected" from the issue, never from zod\'s "Invalid …" text', () => {
  it('an unknown option names the allowed values', () => {
    expect(problemsOf(z.object({ severity: z.enum(['SEV1', 'SEV2']) }), { severity: 'SEV9' })).toEqual([
      'severity: expected one of "SEV1", "SEV2", got "SEV9"',
    ]);
  });

  it('a wrong type says the expected type in plain words', () => {
    const schema = z.object({ n: z.number(), s: z.string(), b: z.boolean(), l: z.array(z.string()) });
    expect(problemsOf(schema, { n: '1', s: 2, b: 'yes', l: 'x' })).toEqual([
      'n: expected a number, got "1"',
      's: expected a text, got 2',
      'b: expected true or false, got "yes"',
      'l: expected a list, got "x"',
    ]);
  });

  it('too small / too big name the bound', () => {
    const schema = z.object({
      a: z.string().min(1),
      b: z.array(z.string()).min(1),
      c: z.number().int().min(0),
      d: z.number().positive(),
      e: z.string().max(3),
    });
    expect(problemsOf(schema, { a: '', b: [], c: -1, d: 0, e: 'abcd' })).toEqual([
      'a: expected a non-empty text, got ""',
      'b: expected at least one item, got an empty list',
      'c: expected a number of at least 0, got -1',
      'd: expected a number greater than 0, got 0',
      'e: expected a text of at most 3 characters, got "abcd"',
    ]);
  });

  it('a missing required field stays "path: required"', () => {
    expect(problemsOf(z.object({ a: z.string(), k: z.enum(['x']) }), {})).toEqual([
      'a: required',
      'k: required',
    ]);
    expect(problemsOf(eventSchema, { at: '2026-03-03T14:10:00Z' }, 'event')).toEqual([
      'event.type: required',
    ]);
  });

  it('a discriminated union with an unknown type lists the allowed types, cut short', () => {
    const [message] = problemsOf(eventSchema, { type: 'declard', at: '2026-03-03T14:10:00Z' }, 'event');
    expect(message).toMatch(
      /^event\.type: expected one of "declared", "roles\.assigned", .*… \(\d+ in all\), got "declard"$/,
    );
  });

  it('a plain union reports the branch whose type matched (a level, not a tuple)', () => {
    const rules = { 'no-jargon': 'maybe' };
    expect(problemsOf(lintConfigSchema, { rules }, 'lint')).toEqual([
      'lint.rules.no-jargon: expected one of "off", "warning", "error", got "maybe"',
    ]);
  });

  it("a plain union that failed deeper reports that branch's problems", () => {
    expect(
      problemsOf(lintConfigSchema, { rules: { 'sentence-length': ['warning', { maxWord: 3 }] } }),
    ).toEqual(['rules.sentence-length.1: expected no unknown keys, got "maxWord"']);
  });

  it("keeps one problem per path: the schema author's words over a generic check", () => {
    const minutes = z
      .number()
      .int('expected whole minutes that divide a day')
      .positive('expected whole minutes that divide a day')
      .refine((m) => 1440 % m === 0);
    expect(problemsOf(z.object({ m: minutes }), { m: 0 })).toEqual([
      'm: expected whole minutes that divide a day, got 0',
    ]);
  });

  it('never produces "expected Invalid …" for any malformed event', () => {
    const value = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.string(), { maxLength: 2 }),
      fc.constantFrom('declared', 'severity.set', 'approval.granted', 'SEV1', ''),
    );
    const key = fc.constantFrom(
      'type',
      'at',
      'actor',
      'severity',
      'incidentId',
      'title',
      'revision',
      'roles',
    );
    fc.assert(
      fc.property(fc.dictionary(key, value), (input) => {
        const parsed = eventSchema.safeParse(input);
        if (parsed.success) return;
        for (const e of explainZodIssues(parsed.error.issues, input)) {
          expect(e.expected).not.toMatch(/^(Invalid|Too (small|big))/);
          expect(e.expected).not.toMatch(/received/);
        }
      }),
    );
  });
});

describe('IncidentCommsError', () => {
  it('every error carries a stable code and its class name', () => {
    const error = new ValidationError('x', []);
    expect(error).toBeInstanceOf(IncidentCommsError);
    expect(error.code).toBe('input_invalid');
    expect(error.name).toBe('ValidationError');
  });
});
