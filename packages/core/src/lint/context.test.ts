import { describe, expect, it } from 'vitest';
import { IncidentCommsError } from '../errors';
import { LintContextError, type LintProblem } from './errors';
import { resolveFacts } from './facts';
import { lintMessage } from './lint-message';
import type { LintContext } from './types';

const base = { kind: 'update', audience: 'customer' } as const;
const text = 'Checkout is failing for some customers. Next update by 9:30 AM ET.';

function problemsOf(run: () => unknown): LintProblem[] {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(LintContextError);
    expect(e).toBeInstanceOf(IncidentCommsError);
    expect((e as LintContextError).code).toBe('lint_context_invalid');
    return [...(e as LintContextError).problems];
  }
  throw new Error('expected a LintContextError');
}

const lintWith = (context: unknown) => () => lintMessage(text, context as LintContext);

describe('lintMessage validates the whole context (facts were not validated)', () => {
  it('refuses a scope that is not a scope instead of writing it into messages', () => {
    const [p] = problemsOf(lintWith({ ...base, facts: { scope: 'lots' } }));
    expect(p).toMatchObject({ path: ['facts', 'scope'], received: '"lots"' });
    expect(p!.expected).toBe('one of "unknown", "few", "some", "many", "all"');
  });

  it('refuses a confirmation that is not a boolean instead of reading it as false', () => {
    for (const key of ['causeConfirmed', 'recoveryConfirmed', 'workaround', 'compensationApproved']) {
      const [p] = problemsOf(lintWith({ ...base, facts: { [key]: 'yes' } }));
      expect(p).toMatchObject({ path: ['facts', key], expected: 'true or false', received: '"yes"' });
    }
  });

  it('refuses facts that are a list, null, or carry a misspelt key', () => {
    expect(problemsOf(lintWith({ ...base, facts: [] }))[0]).toMatchObject({
      path: ['facts'],
      received: 'an empty list',
    });
    expect(problemsOf(lintWith({ ...base, facts: null }))[0]).toMatchObject({
      path: ['facts'],
      received: 'null',
    });
    expect(problemsOf(lintWith({ ...base, facts: { scoep: 'some' } }))[0]).toMatchObject({
      path: ['facts'],
      expected: 'no unknown keys',
      received: '"scoep"',
    });
    expect(problemsOf(lintWith({ ...base, nextUpdate: '2026-03-03T14:30:00Z' }))[0]).toMatchObject({
      path: [],
      received: '"nextUpdate"',
    });
  });

  it('refuses a facts version that is not an integer from 0', () => {
    expect(problemsOf(lintWith({ ...base, facts: { version: 1.5 } }))[0]!.path).toEqual(['facts', 'version']);
    expect(problemsOf(lintWith({ ...base, basedOnVersion: -1 }))[0]!.path).toEqual(['basedOnVersion']);
  });

  it('throws the typed error, not a TypeError, for a missing context or a non-string text', () => {
    const missing = problemsOf(() => (lintMessage as (t: string) => unknown)(text));
    expect(missing).toEqual([expect.objectContaining({ path: ['context'], received: 'nothing' })]);
    expect(problemsOf(lintWith(null))[0]!.path).toEqual(['context']);
    const nonString = problemsOf(() => lintMessage(42 as unknown as string, base));
    expect(nonString).toEqual([expect.objectContaining({ path: ['text'], received: '42' })]);
  });

  it('refuses an audience zone that is not an IANA zone ("EST" does not follow daylight time)', () => {
    expect(problemsOf(lintWith({ ...base, timeZone: 'EST' }))[0]).toMatchObject({
      path: ['timeZone'],
      received: '"EST"',
    });
  });

  it('names every problem at once', () => {
    const problems = problemsOf(lintWith({ kind: 'upd', audience: 'customer', facts: { scope: 'lots' } }));
    expect(problems.map((p) => p.path.join('.'))).toEqual(['kind', 'facts.scope']);
  });
});

describe('instants in the lint context carry their zone (a zone-less time was read in the server zone)', () => {
  const zoneless = '2026-03-03T14:00:00';
  const dateOnly = '2026-03-03';

  it.each([
    ['now', { now: zoneless }],
    ['now', { now: dateOnly }],
    ['nextUpdateDue', { nextUpdateDue: zoneless }],
    ['nextUpdateDue', { nextUpdateDue: dateOnly }],
    ['facts.approvedFixTime', { facts: { approvedFixTime: zoneless } }],
    ['facts.approvedFixTime', { facts: { approvedFixTime: dateOnly } }],
  ])('refuses a zone-less or date-only %s', (path, extra) => {
    const [p] = problemsOf(lintWith({ ...base, ...extra }));
    expect(p!.path.join('.')).toBe(path);
    expect(p!.expected).toMatch(/ISO-8601 UTC instant/);
  });

  it('keeps accepting UTC instants and valid Dates, and refuses an invalid Date', () => {
    const iso = '2026-03-03T14:15:00Z';
    const asString = lintMessage(text, { ...base, now: iso, timeZone: 'America/New_York' });
    const asDate = lintMessage(text, { ...base, now: new Date(iso), timeZone: 'America/New_York' });
    expect(asDate).toEqual(asString);
    expect(problemsOf(lintWith({ ...base, now: new Date('not a date') }))[0]).toMatchObject({
      path: ['now'],
      received: 'an invalid Date',
    });
  });
});

describe('validation is cached per context object without missing a change', () => {
  it('reuses the resolution of an unchanged context', () => {
    const context: LintContext = { ...base, facts: { scope: 'some' } };
    expect(resolveFacts(context)).toBe(resolveFacts(context));
  });

  it('validates again when a field of the context or of its facts changes', () => {
    const context: LintContext = { ...base, facts: { scope: 'some' }, now: '2026-03-03T14:15:00Z' };
    lintMessage(text, context);
    (context.facts as Record<string, unknown>).scope = 'lots';
    expect(problemsOf(() => lintMessage(text, context))[0]!.path).toEqual(['facts', 'scope']);
    (context.facts as Record<string, unknown>).scope = 'all';
    expect(resolveFacts(context).scope).toBe('all');
    const now = new Date('2026-03-03T14:15:00Z');
    const withDate: LintContext = { ...base, now };
    expect(resolveFacts(withDate).now?.toISOString()).toBe('2026-03-03T14:15:00.000Z');
    now.setTime(Date.parse('2026-03-03T15:00:00Z'));
    expect(resolveFacts(withDate).now?.toISOString()).toBe('2026-03-03T15:00:00.000Z');
  });
});
