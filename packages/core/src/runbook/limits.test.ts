import { describe, expect, it } from 'vitest';
import { runbookInput } from '../../test/support';
import { RunbookError } from '../errors';
import { MAX_NAME_LENGTH } from '../text/non-empty';
import { defineRunbook } from './index';

// Each single-line field of a runbook, and how to put a value there.
const FIELDS: readonly (readonly [string, (v: string) => Record<string, unknown>])[] = [
  [
    'roles.incidentLead.primary.name',
    (v) => {
      const input = runbookInput() as { roles: { incidentLead: { primary: Record<string, unknown> } } };
      input.roles.incidentLead.primary.name = v;
      return input;
    },
  ],
  [
    'roles.sales.backup.contact',
    (v) => {
      const input = runbookInput() as { roles: { sales: { backup: Record<string, unknown> } } };
      input.roles.sales.backup.contact = v;
      return input;
    },
  ],
  ['name', (v) => runbookInput({ name: v })],
  ['sourceOfTruth.name', (v) => runbookInput({ sourceOfTruth: { name: v } })],
  ['highImpact.tiers.0', (v) => runbookInput({ highImpact: { tiers: [v] } })],
];

// Each kind of value no one-line field may hold, with the words of the problem.
const BAD: readonly (readonly [string, string, RegExp])[] = [
  ['a line feed', 'Dana\nReyes', /expected one line of text/],
  ['a carriage return', 'Dana\rBcc: x@evil.example', /expected one line of text/],
  ['CR LF', 'Dana\r\nReyes', /expected one line of text/],
  ['a NUL', 'Dana\u0000Reyes', /expected one line of text/],
  ['an escape sequence', 'Dana\u001b[31mReyes', /expected one line of text/],
  ['a Unicode line separator', 'Dana\u2028Reyes', /expected one line of text/],
  ['a next-line control', 'Dana\u0085Reyes', /expected one line of text/],
  [
    'more than the limit',
    'x'.repeat(MAX_NAME_LENGTH + 1),
    new RegExp(`expected at most ${MAX_NAME_LENGTH} characters`),
  ],
];

function problems(input: unknown): string[] {
  try {
    defineRunbook(input);
  } catch (error) {
    expect(error).toBeInstanceOf(RunbookError);
    return (error as RunbookError).problems.map((p) => p.message);
  }
  return [];
}

describe('runbook one-line fields refuse line breaks, control characters and overlong values', () => {
  for (const [path, put] of FIELDS) {
    for (const [kind, value, message] of BAD) {
      it(`${path} with ${kind} is refused, naming the path`, () => {
        const found = problems(put(value));
        expect(found.length).toBe(1);
        expect(found[0]).toMatch(new RegExp(`^${path.replace(/\./g, '\\.')}: `));
        expect(found[0]).toMatch(message);
      });
    }
    it(`${path} takes a value of exactly ${MAX_NAME_LENGTH} characters and a tab`, () => {
      expect(problems(put('x'.repeat(MAX_NAME_LENGTH)))).toEqual([]);
      expect(problems(put('Dana\tReyes'))).toEqual([]);
    });
  }
});
