import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AFFECTED_CUSTOMERS,
  CAN_STILL_WORK,
  CUSTOMERS_RANK,
  classifySeverity,
  DEFAULT_SEVERITY_LADDER,
  type ImpactFacts,
  moreSevere,
  type SeverityCondition,
  type SeverityRung,
  severityRank,
  WORK_RANK,
} from './index';

// The seed's classifier as it was written before ladders: the default ladder must agree with it.
function seedClassifier({ customers, canStillWork, workaroundKnown }: ImpactFacts): string {
  const c = CUSTOMERS_RANK[customers];
  const w = WORK_RANK[canStillWork];
  if (w === 2 && c >= 2 && !workaroundKnown) return 'SEV1';
  if ((c === 0 && w <= 1) || (c <= 1 && (w === 0 || workaroundKnown))) return 'SEV3';
  return 'SEV2';
}

const impactArb = fc.record({
  customers: fc.constantFrom(...AFFECTED_CUSTOMERS),
  canStillWork: fc.constantFrom(...CAN_STILL_WORK),
  workaroundKnown: fc.boolean(),
});

const conditionArb: fc.Arbitrary<SeverityCondition> = fc
  .record(
    {
      customersAtLeast: fc.constantFrom('few', 'some', 'many', 'all' as const),
      canStillWorkAtMost: fc.constantFrom('yes', 'partly', 'no' as const),
      noWorkaround: fc.boolean(),
    },
    { requiredKeys: [] },
  )
  .filter(
    (c) => c.customersAtLeast !== undefined || c.canStillWorkAtMost !== undefined || c.noWorkaround === true,
  );

/** Any ladder of 2 to 6 levels: every level but the last with 1–3 conditions. */
const ladderArb: fc.Arbitrary<SeverityRung[]> = fc
  .integer({ min: 2, max: 6 })
  .chain((n) =>
    fc.tuple(
      fc.uniqueArray(fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,5}$/), { minLength: n, maxLength: n }),
      fc.array(fc.array(conditionArb, { minLength: 1, maxLength: 3 }), {
        minLength: n - 1,
        maxLength: n - 1,
      }),
    ),
  )
  .map(([ids, whens]) => ids.map((id, i) => ({ id, when: whens[i] ?? [] })));

/**
 * Every single step to more impact: more customers, less work, losing the workaround, or not
 * knowing (unknown scope plans as "many", so it is more impact than few, some or many).
 */
function worse(a: ImpactFacts): ImpactFacts[] {
  const customers = ['few', 'some', 'many', 'all'] as const;
  const work = ['yes', 'partly', 'no'] as const;
  const out: ImpactFacts[] = [{ ...a, canStillWork: 'unknown' }];
  if (CUSTOMERS_RANK[a.customers] <= CUSTOMERS_RANK.many) out.push({ ...a, customers: 'unknown' });
  const ci = customers.indexOf(a.customers as never);
  if (ci >= 0 && ci + 1 < customers.length) out.push({ ...a, customers: customers[ci + 1]! });
  const wi = work.indexOf(a.canStillWork as never);
  if (wi >= 0 && wi + 1 < work.length) out.push({ ...a, canStillWork: work[wi + 1]! });
  if (a.workaroundKnown) out.push({ ...a, workaroundKnown: false });
  return out;
}

describe('the default ladder', () => {
  it('classifies every impact exactly as the seed classifier did', () => {
    for (const customers of AFFECTED_CUSTOMERS)
      for (const canStillWork of CAN_STILL_WORK)
        for (const workaroundKnown of [true, false]) {
          const impact = { customers, canStillWork, workaroundKnown };
          expect(classifySeverity(impact).severity, JSON.stringify(impact)).toBe(seedClassifier(impact));
        }
  });

  it('is the three seed levels, most severe first, each faster than the next or as fast', () => {
    expect(DEFAULT_SEVERITY_LADDER.map((l) => l.id)).toEqual(['SEV1', 'SEV2', 'SEV3']);
    for (let i = 0; i + 1 < DEFAULT_SEVERITY_LADDER.length; i++)
      expect(DEFAULT_SEVERITY_LADDER[i]!.cadenceMinutes).toBeLessThanOrEqual(
        DEFAULT_SEVERITY_LADDER[i + 1]!.cadenceMinutes,
      );
  });
});

describe('classifySeverity on any ladder', () => {
  it('is deterministic: the same facts give the same level on the same ladder', () => {
    fc.assert(
      fc.property(ladderArb, impactArb, (ladder, impact) => {
        const copy = ladder.map((l) => ({ id: l.id, when: l.when.map((c) => ({ ...c })) }));
        expect(classifySeverity({ ...impact }, copy)).toEqual(classifySeverity(impact, ladder));
      }),
      { seed: 19, numRuns: 300 },
    );
  });

  it('is monotonic: more impact never gives a less severe level', () => {
    fc.assert(
      fc.property(ladderArb, impactArb, (ladder, impact) => {
        const base = severityRank(ladder, classifySeverity(impact, ladder).severity);
        for (const w of worse(impact)) {
          expect(severityRank(ladder, classifySeverity(w, ladder).severity)).toBeLessThanOrEqual(base);
        }
      }),
      { seed: 1919, numRuns: 300 },
    );
  });

  it('always answers a level of the ladder, the least severe when no condition holds', () => {
    fc.assert(
      fc.property(ladderArb, impactArb, (ladder, impact) => {
        const { severity } = classifySeverity(impact, ladder);
        expect(severityRank(ladder, severity)).toBeGreaterThanOrEqual(0);
        const matched = ladder.findIndex((l) =>
          l.when.some(
            (c) =>
              (!c.customersAtLeast ||
                CUSTOMERS_RANK[impact.customers] >= CUSTOMERS_RANK[c.customersAtLeast]) &&
              (!c.canStillWorkAtMost || WORK_RANK[impact.canStillWork] >= WORK_RANK[c.canStillWorkAtMost]) &&
              !(c.noWorkaround && impact.workaroundKnown),
          ),
        );
        expect(severity).toBe(ladder[matched < 0 ? ladder.length - 1 : matched]!.id);
      }),
      { seed: 191, numRuns: 200 },
    );
  });

  it('reads a runbook-shaped ladder (severityLadder) the same as the list', () => {
    const ladder: SeverityRung[] = [
      { id: 'P1', when: [{ customersAtLeast: 'many', noWorkaround: true }] },
      { id: 'P2', when: [{ customersAtLeast: 'some' }] },
      { id: 'P3', when: [] },
    ];
    const impact: ImpactFacts = { customers: 'all', canStillWork: 'yes', workaroundKnown: false };
    expect(classifySeverity(impact, { severityLadder: ladder })).toEqual(classifySeverity(impact, ladder));
    expect(classifySeverity(impact, ladder).severity).toBe('P1');
    expect(classifySeverity({ ...impact, customers: 'few' }, ladder).severity).toBe('P3');
  });
});

describe('moreSevere', () => {
  it('picks the higher level on the ladder, and treats an id off the ladder as the least severe', () => {
    expect(moreSevere(DEFAULT_SEVERITY_LADDER, 'SEV3', 'SEV1')).toBe('SEV1');
    expect(moreSevere(DEFAULT_SEVERITY_LADDER, 'SEV2', 'SEV3')).toBe('SEV2');
    expect(moreSevere(DEFAULT_SEVERITY_LADDER, 'P9', 'SEV3')).toBe('SEV3');
  });
});
