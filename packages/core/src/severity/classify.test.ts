import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors';
import { SEVERITIES } from '../vocabulary';
import { AFFECTED_CUSTOMERS, CAN_STILL_WORK, classifySeverity, type ImpactFacts } from './index';

const rank = (s: string) => SEVERITIES.length - SEVERITIES.indexOf(s as never); // SEV1 = 3
const customerOrder = ['few', 'some', 'many', 'all'] as const;
const workOrder = ['yes', 'partly', 'no'] as const;

describe('classifySeverity', () => {
  it.each([
    [{ customers: 'many', canStillWork: 'no', workaroundKnown: false }, 'SEV1'],
    [{ customers: 'all', canStillWork: 'no', workaroundKnown: false }, 'SEV1'],
    [{ customers: 'unknown', canStillWork: 'no', workaroundKnown: false }, 'SEV1'],
    [{ customers: 'some', canStillWork: 'partly', workaroundKnown: false }, 'SEV2'],
    [{ customers: 'many', canStillWork: 'no', workaroundKnown: true }, 'SEV2'],
    [{ customers: 'all', canStillWork: 'yes', workaroundKnown: false }, 'SEV2'],
    [{ customers: 'few', canStillWork: 'partly', workaroundKnown: false }, 'SEV3'],
    [{ customers: 'some', canStillWork: 'no', workaroundKnown: true }, 'SEV3'],
    [{ customers: 'unknown', canStillWork: 'yes', workaroundKnown: true }, 'SEV2'],
    // Not knowing whether customers can work plans for the worst: classified as "no".
    [{ customers: 'many', canStillWork: 'unknown', workaroundKnown: false }, 'SEV1'],
    [{ customers: 'unknown', canStillWork: 'unknown', workaroundKnown: false }, 'SEV1'],
    [{ customers: 'some', canStillWork: 'unknown', workaroundKnown: false }, 'SEV2'],
  ] as Array<[ImpactFacts, string]>)('%o is %s', (impact, expected) => {
    const result = classifySeverity(impact);
    expect(result.severity).toBe(expected);
    expect(result.reason).toMatch(/\.$/);
  });

  it('gives a one-line reason in plain words', () => {
    expect(classifySeverity({ customers: 'many', canStillWork: 'no', workaroundKnown: false }).reason).toBe(
      'Many customers cannot use the product, and there is no workaround.',
    );
  });

  const impact = fc.record({
    customers: fc.constantFrom(...AFFECTED_CUSTOMERS),
    canStillWork: fc.constantFrom(...CAN_STILL_WORK),
    workaroundKnown: fc.boolean(),
  });

  it('is monotonic: more impact never yields a lower severity', () => {
    fc.assert(
      fc.property(impact, (a) => {
        const base = rank(classifySeverity(a).severity);
        const worse: ImpactFacts[] = [];
        const ci = customerOrder.indexOf(a.customers as never);
        if (ci >= 0 && ci + 1 < customerOrder.length) worse.push({ ...a, customers: customerOrder[ci + 1]! });
        const wi = workOrder.indexOf(a.canStillWork as never);
        if (wi >= 0 && wi + 1 < workOrder.length) worse.push({ ...a, canStillWork: workOrder[wi + 1]! });
        // Not knowing is never better than knowing.
        worse.push({ ...a, customers: 'unknown' }, { ...a, canStillWork: 'unknown' });
        if (a.workaroundKnown) worse.push({ ...a, workaroundKnown: false });
        for (const w of worse) expect(rank(classifySeverity(w).severity)).toBeGreaterThanOrEqual(base);
      }),
    );
  });

  it('never gives the lowest severity when scope is unknown', () => {
    fc.assert(
      fc.property(impact, (a) => {
        expect(classifySeverity({ ...a, customers: 'unknown' }).severity).not.toBe('SEV3');
      }),
    );
  });

  it('accepts canStillWork "unknown" and classifies it exactly as "no"', () => {
    fc.assert(
      fc.property(impact, (a) => {
        expect(classifySeverity({ ...a, canStillWork: 'unknown' }).severity).toBe(
          classifySeverity({ ...a, canStillWork: 'no' }).severity,
        );
      }),
    );
    expect(
      classifySeverity({ customers: 'some', canStillWork: 'unknown', workaroundKnown: false }).reason,
    ).toBe(
      'Some customers may not be able to use the product (not yet confirmed), and there is no workaround.',
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(impact, (a) => {
        expect(classifySeverity(a)).toEqual(classifySeverity({ ...a }));
      }),
    );
  });

  it('rejects bad input with a path-named error', () => {
    expect(() =>
      classifySeverity({ customers: 'lots', canStillWork: 'no', workaroundKnown: false } as never),
    ).toThrow(ValidationError);
    expect(() => classifySeverity({ customers: 'lots' } as never)).toThrow(/customers/);
    expect(() =>
      classifySeverity({ customers: 'some', canStillWork: 'maybe', workaroundKnown: false } as never),
    ).toThrow('canStillWork: expected one of "yes", "partly", "no", "unknown", got "maybe"');
  });
});
