import { describe, expect, it } from 'vitest';
import { toIsoInstant } from './iso-instant';

describe('toIsoInstant', () => {
  it('writes whole seconds without a fraction, from a Date or epoch milliseconds (JSDoc example)', () => {
    expect(toIsoInstant(Date.UTC(2026, 2, 3, 14, 30))).toBe('2026-03-03T14:30:00Z');
    expect(toIsoInstant(new Date('2026-03-03T09:30:00-05:00'))).toBe('2026-03-03T14:30:00Z');
  });

  it('keeps a real fraction, so instants stay exact', () => {
    expect(toIsoInstant(new Date('2026-03-03T14:30:05.300Z'))).toBe('2026-03-03T14:30:05.300Z');
    expect(toIsoInstant(Date.UTC(2026, 2, 3, 14, 30, 5, 1))).toBe('2026-03-03T14:30:05.001Z');
  });

  it('throws on an invalid instant rather than writing "Invalid Date"', () => {
    expect(() => toIsoInstant(new Date('nope'))).toThrow(RangeError);
    expect(() => toIsoInstant(Number.NaN)).toThrow(RangeError);
  });
});
