import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runbookInput, testRunbook } from '../../test/support';
import { RunbookError } from '../errors';
import { applyEvent, incidentPolicyFromRunbook, roleAssignmentsFromRunbook } from '../incident/index';
import { lintMessage } from '../lint/index';
import { classifySeverity } from '../severity/index';
import { defineRunbook, severityLevel } from './index';

function problemsOf(fn: () => unknown): { path: string; message: string }[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(RunbookError);
    return (error as RunbookError).problems.map(({ path, message }) => ({ path, message }));
  }
  throw new Error('expected a RunbookError');
}

const level = (id: string, cadenceMinutes: number, extra: Record<string, unknown> = {}) => ({
  id,
  label: `${id} label`,
  customerImpact: `What customers see at ${id}.`,
  responseSpeed: `Updates every ${cadenceMinutes} minutes.`,
  cadenceMinutes,
  ...extra,
});

/** An invoicing company's SEV0–SEV3. */
const SEV0_TO_SEV3 = [
  level('SEV0', 10, {
    firstUpdateTargetMinutes: 10,
    when: [{ customersAtLeast: 'all', canStillWorkAtMost: 'no', noWorkaround: true }],
  }),
  level('SEV1', 15, { when: [{ customersAtLeast: 'many', canStillWorkAtMost: 'no', noWorkaround: true }] }),
  level('SEV2', 30, {
    when: [{ customersAtLeast: 'many' }, { canStillWorkAtMost: 'no', noWorkaround: true }],
  }),
  level('SEV3', 60),
];

describe('a runbook severity ladder', () => {
  it('keeps the seed ladder when the runbook defines none', () => {
    const rb = testRunbook();
    expect(
      rb.severityLadder.map((l) => [l.id, l.cadenceMinutes, l.monitoringMinutes, l.firstUpdateTargetMinutes]),
    ).toEqual([
      ['SEV1', 15, 30, 15],
      ['SEV2', 30, 60, 15],
      ['SEV3', 60, 60, 15],
    ]);
    expect(rb.cadence.minutes).toEqual({ SEV1: 15, SEV2: 30, SEV3: 60 });
  });

  it('reads named overrides of the seed ladder and the seed cadence keys as before', () => {
    const rb = testRunbook({
      severities: { SEV2: { label: 'Serious', customerImpact: 'Exports fail.', responseSpeed: 'Fast.' } },
      cadence: { minutes: { SEV2: 20 }, firstUpdateTargetMinutes: 10 },
    });
    expect(severityLevel(rb, 'SEV2')).toMatchObject({
      label: 'Serious',
      cadenceMinutes: 20,
      firstUpdateTargetMinutes: 10,
    });
    expect(severityLevel(rb, 'SEV1').firstUpdateTargetMinutes).toBe(10);
  });

  it('takes a ladder of its own: names, order, rhythm and classification', () => {
    const rb = testRunbook({ severities: SEV0_TO_SEV3 });
    expect(rb.severityLadder.map((l) => l.id)).toEqual(['SEV0', 'SEV1', 'SEV2', 'SEV3']);
    expect(rb.cadence.minutes).toEqual({ SEV0: 10, SEV1: 15, SEV2: 30, SEV3: 60 });
    // Monitoring defaults to twice the cadence, at most an hour, never below the cadence.
    expect(rb.cadence.monitoringMinutes).toEqual({ SEV0: 20, SEV1: 30, SEV2: 60, SEV3: 60 });
    expect(rb.cadence.firstUpdateTargetMinutes).toEqual({ SEV0: 10, SEV1: 15, SEV2: 15, SEV3: 15 });
    const impact = { canStillWork: 'no', workaroundKnown: false } as const;
    expect(classifySeverity({ ...impact, customers: 'all' }, rb).severity).toBe('SEV0');
    expect(classifySeverity({ ...impact, customers: 'many' }, rb).severity).toBe('SEV1');
    expect(classifySeverity({ ...impact, customers: 'few' }, rb).severity).toBe('SEV2');
    expect(
      classifySeverity({ customers: 'few', canStillWork: 'yes', workaroundKnown: true }, rb).severity,
    ).toBe('SEV3');
  });

  it('makes the incident log accept exactly the ladder it was declared with', () => {
    const rb = testRunbook({ severities: SEV0_TO_SEV3 });
    const declared = {
      type: 'declared',
      at: '2026-03-03T14:10:00Z',
      actor: 'dana',
      incidentId: 'inc-1',
      title: 'Invoices not sending',
      incidentType: 'checkout',
      policy: incidentPolicyFromRunbook(rb),
    } as const;
    const declaredState = applyEvent(undefined, { ...declared, severity: 'SEV0' });
    expect(declaredState.severity).toBe('SEV0');
    const state = applyEvent(declaredState, {
      type: 'roles.assigned',
      at: '2026-03-03T14:10:00Z',
      actor: 'dana',
      roles: roleAssignmentsFromRunbook(rb),
    });
    expect(
      applyEvent(state, { type: 'severity.set', at: '2026-03-03T14:11:00Z', actor: 'lee', severity: 'SEV2' })
        .severity,
    ).toBe('SEV2');
    expect(() => applyEvent(undefined, { ...declared, severity: 'P1' })).toThrow(
      /not on the runbook's ladder/,
    );
    expect(() =>
      applyEvent(state, { type: 'severity.set', at: '2026-03-03T14:11:00Z', actor: 'lee', severity: 'SEV4' }),
    ).toThrow(/SEV0, SEV1, SEV2, SEV3/);
    // A declaration without a policy runs on the seed ladder.
    const { policy: _policy, ...bare } = declared;
    expect(() => applyEvent(undefined, { ...bare, severity: 'SEV0' })).toThrow(/SEV1, SEV2, SEV3/);
  });

  it.each([
    ['one level', [level('P1', 15)], 'severities', 'a ladder of 2 to 6 levels'],
    [
      'seven levels',
      Array.from({ length: 7 }, (_, i) =>
        level(`P${i}`, 15 + i, i < 6 ? { when: [{ noWorkaround: true }] } : {}),
      ),
      'severities',
      'a ladder of 2 to 6 levels',
    ],
    [
      'a repeated name',
      [level('P1', 15, { when: [{ customersAtLeast: 'all' }] }), level('P1', 30)],
      'severities.1.id',
      'a name not used by another level',
    ],
    ['no conditions above the bottom', [level('P1', 15), level('P2', 30)], 'severities.0.when', 'the impact'],
    [
      'conditions on the bottom level',
      [
        level('P1', 15, { when: [{ noWorkaround: true }] }),
        level('P2', 30, { when: [{ noWorkaround: true }] }),
      ],
      'severities.1.when',
      'no conditions on the least severe level',
    ],
    [
      'an empty condition',
      [level('P1', 15, { when: [{}] }), level('P2', 30)],
      'severities.0.when.0',
      'at least one threshold',
    ],
    [
      'an unknown threshold value',
      [level('P1', 15, { when: [{ customersAtLeast: 'lots' }] }), level('P2', 30)],
      'severities.0.when.0.customersAtLeast',
      '"few"',
    ],
    [
      'a name with spaces',
      [level('P 1', 15, { when: [{ noWorkaround: true }] }), level('P2', 30)],
      'severities.0.id',
      'a severity id',
    ],
    [
      'an unknown key',
      [level('P1', 15, { when: [{ noWorkaround: true }], colour: 'red' }), level('P2', 30)],
      'severities.0',
      'colour',
    ],
    [
      'a slower top level',
      [level('P1', 45, { when: [{ noWorkaround: true }] }), level('P2', 30)],
      'severities.0.cadenceMinutes',
      'at most 30 minutes (P1 must not be updated less often than P2)',
    ],
  ])('refuses %s with a path-named problem', (_name, severities, path, words) => {
    const problems = problemsOf(() => defineRunbook(runbookInput({ severities })));
    const found = problems.find((p) => p.path === path || p.path.startsWith(`${path}.`));
    expect(found, JSON.stringify(problems)).toBeDefined();
    expect(found!.message).toContain(words);
  });

  it("flags the ladder's own severity codes as jargon in customer text, worded by the level", () => {
    const rb = testRunbook({ severities: SEV0_TO_SEV3 });
    const found = lintMessage('We are handling a SEV-0 outage affecting invoices.', {
      kind: 'update',
      audience: 'customer',
      config: rb.lint,
    }).filter((d) => d.ruleId === 'no-jargon');
    expect(found.map((d) => [d.suggestion, d.message])).toEqual([
      ['a sev0 label incident', expect.stringContaining('"SEV-0" is internal jargon')],
    ]);
    // The seed's codes keep their built-in wording; words that are not codes are left alone.
    const words = testRunbook({
      severities: [level('Critical', 15, { when: [{ customersAtLeast: 'many' }] }), level('Minor', 60)],
    });
    expect(words.lint?.jargon ?? {}).toEqual({});
    expect(testRunbook().lint?.jargon ?? {}).toEqual({});
  });

  it('refuses per-severity cadence keys beside a ladder (each level carries its own)', () => {
    const problems = problemsOf(() =>
      defineRunbook(runbookInput({ severities: SEV0_TO_SEV3, cadence: { minutes: { SEV1: 15 } } })),
    );
    expect(problems.map((p) => p.path)).toEqual(['cadence.minutes']);
  });

  it('names an unknown seed severity key as before', () => {
    const problems = problemsOf(() =>
      defineRunbook(
        runbookInput({ severities: { SEV4: { label: 'x', customerImpact: 'y', responseSpeed: 'z' } } }),
      ),
    );
    expect(problems[0]!.message).toMatch(/^severities: .*SEV4/);
  });
});

// Minutes a level may be given; monitoring and first-update targets may be left out.
const MINUTES = [5, 10, 15, 20, 30, 45, 60, 90, 120] as const;
const ladderInputArb = fc.integer({ min: 2, max: 6 }).chain((n) =>
  fc.array(
    fc.record({
      cadenceMinutes: fc.constantFrom(...MINUTES),
      monitoringMinutes: fc.option(fc.constantFrom(...MINUTES), { nil: undefined }),
      firstUpdateTargetMinutes: fc.option(fc.constantFrom(...MINUTES), { nil: undefined }),
    }),
    { minLength: n, maxLength: n },
  ),
);

describe('"higher severity never slower" at load time', () => {
  it('accepts exactly the ladders whose every level is as fast as the next, naming each offending path', () => {
    fc.assert(
      fc.property(ladderInputArb, (levels) => {
        const severities = levels.map((l, i) =>
          level(`L${i}`, l.cadenceMinutes, {
            ...(l.monitoringMinutes ? { monitoringMinutes: l.monitoringMinutes } : {}),
            ...(l.firstUpdateTargetMinutes ? { firstUpdateTargetMinutes: l.firstUpdateTargetMinutes } : {}),
            ...(i < levels.length - 1 ? { when: [{ customersAtLeast: 'some' }] } : {}),
          }),
        );
        const effective = levels.map((l) => ({
          cadenceMinutes: l.cadenceMinutes,
          monitoringMinutes:
            l.monitoringMinutes ?? Math.min(2 * l.cadenceMinutes, Math.max(l.cadenceMinutes, 60)),
          firstUpdateTargetMinutes: l.firstUpdateTargetMinutes ?? 15,
        }));
        const expected: string[] = [];
        for (const key of ['cadenceMinutes', 'monitoringMinutes', 'firstUpdateTargetMinutes'] as const)
          for (let i = 0; i + 1 < effective.length; i++)
            if (effective[i]![key] > effective[i + 1]![key]) expected.push(`severities.${i}.${key}`);
        if (expected.length === 0) {
          expect(defineRunbook(runbookInput({ severities })).severityLadder).toHaveLength(levels.length);
        } else {
          const paths = problemsOf(() => defineRunbook(runbookInput({ severities }))).map((p) => p.path);
          expect(paths.sort()).toEqual(expected.sort());
        }
      }),
      { seed: 1905, numRuns: 150 },
    );
  });
});
