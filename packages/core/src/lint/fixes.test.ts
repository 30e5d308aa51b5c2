/**
 * Applying every fix and linting again must not create a diagnostic that was not there before
 * (generic linters' classic failure: one rule's fix trips another rule).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AUDIENCES, MESSAGE_KINDS, SCOPES } from '../vocabulary';
import { applyFixes, lintMessage } from './lint-message';
import type { Diagnostic, LintContext } from './types';

const SENTENCES = [
  'Checkout is failing for some customers.',
  'Since 14:05 UTC, 12% of requests to the Payments API in eu-west-1 are failing with HTTP 503 errors.',
  'Customers in North America cannot reset passwords.',
  'We are aware of a situation affecting some services.',
  'Some users may see temporary disruption.',
  'The entire platform is unavailable.',
  'This is probably caused by a network issue at our cloud provider.',
  'The cause is an expired TLS certificate on our edge proxies.',
  'Engineers are rolling back the change.',
  'We expect this to be fixed in 15 minutes.',
  'Everything is fixed and back to normal.',
  'Affected customers will receive a service credit.',
  'We apologize for any inconvenience this may cause.',
  'This is an unprecedented failure!!!',
  'Next update at 14:30 UTC.',
  'Next update at 9:30.',
  'Next update by 9:45 AM ET.',
  'Our next update will follow in 30 minutes.',
  'We will post another update within the hour.',
  'We will provide more updates as they become available.',
  'Stay tuned for further updates.',
  'Thank you for your patience.',
  'Hi [CUSTOMER NAME], payments fail for {{segment}}.',
  'We are continuing to investigate the timeouts affecting Checkout and we are working closely with our infrastructure provider and our database team to understand why the failover in eu-west-1 did not complete as expected and what additional steps are needed.',
];

// The fixes applyFixes takes: sorted, none overlapping an earlier one.
function appliedFixes(ds: readonly Diagnostic[]) {
  const fixes = ds
    .flatMap((d) => (d.fix === undefined ? [] : [d.fix]))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const taken: typeof fixes = [];
  for (const f of fixes) {
    const last = taken[taken.length - 1];
    if (last === undefined || (f.start >= last.end && f.start !== last.start)) taken.push(f);
  }
  return taken;
}

// Maps an offset in the fixed text back to the original text; an offset at the place of a
// deletion may stand for either edge of the deleted range, and of every deletion right after
// it (two adjacent stock apologies both removed leave one place standing for both).
function mapBack(pos: number, fixes: ReturnType<typeof appliedFixes>): number[] {
  let delta = 0;
  const edges: number[] = [];
  for (const f of fixes) {
    const start = f.start + delta;
    if (pos < start) break;
    if (f.replacement === '' && pos === start) {
      edges.push(f.start, f.end);
      delta -= f.end - f.start;
      continue;
    }
    if (pos < start + f.replacement.length) return [...edges, f.start];
    delta += f.replacement.length - (f.end - f.start);
  }
  return edges.length > 0 ? edges : [pos - delta];
}

// Each diagnostic after fixing must match one from before: same rule, same (mapped) start.
function newDiagnostics(
  before: { text: string; ds: Diagnostic[] },
  after: { text: string; ds: Diagnostic[] },
): string[] {
  const fixes = appliedFixes(before.ds);
  const pool = before.ds.map((d) => `${d.ruleId}@${d.start}`);
  const fresh: string[] = [];
  for (const d of after.ds) {
    const i = mapBack(d.start, fixes)
      .map((p) => pool.indexOf(`${d.ruleId}@${p}`))
      .find((j) => j >= 0);
    if (i !== undefined) pool.splice(i, 1);
    else fresh.push(`${d.ruleId}: ${after.text.slice(d.start, d.end)} (${d.message})`);
  }
  return fresh;
}

function fixAndRelint(text: string, context: LintContext) {
  const ds = lintMessage(text, context);
  const fixed = applyFixes(text, ds);
  return { before: { text, ds }, after: { text: fixed, ds: lintMessage(fixed, context) } };
}

const context = fc.record(
  {
    kind: fc.constantFrom(...MESSAGE_KINDS),
    audience: fc.constantFrom(...AUDIENCES),
    facts: fc.record(
      { scope: fc.constantFrom(...SCOPES), causeConfirmed: fc.boolean(), recoveryConfirmed: fc.boolean() },
      { requiredKeys: [] },
    ),
    now: fc.constantFrom('2026-03-03T14:15:00Z', '2026-07-01T23:50:00Z'),
    timeZone: fc.constantFrom('UTC', 'America/New_York', 'Europe/London', 'Europe/Berlin', 'Asia/Singapore'),
    nextUpdateDue: fc.constantFrom('2026-03-03T14:30:00Z', '2026-07-02T00:05:00Z'),
  },
  { requiredKeys: ['kind', 'audience'] },
) as fc.Arbitrary<LintContext>;

describe('fixes', () => {
  it('apply and re-lint without new diagnostics (property over corpus-like messages)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...SENTENCES), { minLength: 1, maxLength: 5 }),
        context,
        (parts, ctx) => {
          const { before, after } = fixAndRelint(parts.join(' '), ctx);
          expect(newDiagnostics(before, after)).toEqual([]);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('fix the fixable diagnostics of a typical draft', () => {
    const text =
      'Uploads fail for some customers!!! We apologize for any inconvenience. Next update in 30 minutes.';
    const { after } = fixAndRelint(text, {
      kind: 'update',
      audience: 'customer',
      now: '2026-05-12T10:00:00Z',
      timeZone: 'UTC',
    });
    expect(after.text).toBe('Uploads fail for some customers. Next update at 10:30 UTC.');
    expect(after.ds).toEqual([]);
  });

  it('removes adjacent stock apologies and keeps the findings after them', () => {
    const long =
      'We are continuing to investigate the timeouts affecting Checkout and we are working closely with our infrastructure provider and our database team to understand why the failover did not complete as expected and what steps are needed.';
    const apology = 'We apologize for any inconvenience this may cause.';
    const { before, after } = fixAndRelint(`${apology} ${apology} ${long}`, {
      kind: 'initial',
      audience: 'customer',
    });
    expect(after.text).toBe(long);
    expect(after.ds.some((d) => d.ruleId === 'sentence-length')).toBe(true);
    expect(newDiagnostics(before, after)).toEqual([]);
  });

  it('skips overlapping fixes and applies the rest', () => {
    const ds = [
      {
        ruleId: 'a',
        severity: 'warning',
        message: '',
        start: 0,
        end: 3,
        line: 1,
        column: 1,
        fix: { start: 0, end: 3, replacement: 'X' },
      },
      {
        ruleId: 'b',
        severity: 'warning',
        message: '',
        start: 1,
        end: 4,
        line: 1,
        column: 2,
        fix: { start: 1, end: 4, replacement: 'Y' },
      },
      {
        ruleId: 'c',
        severity: 'warning',
        message: '',
        start: 5,
        end: 6,
        line: 1,
        column: 6,
        fix: { start: 5, end: 6, replacement: 'Z' },
      },
    ] satisfies Diagnostic[];
    expect(applyFixes('abcdefg', ds)).toBe('XdeZg');
  });
});
