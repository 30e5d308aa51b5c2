import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors';
import { toEpochMs } from './instant';

describe('toEpochMs', () => {
  it.each([
    ['2026-03-08T14:30:00Z', Date.UTC(2026, 2, 8, 14, 30)],
    ['2026-03-08T14:30Z', Date.UTC(2026, 2, 8, 14, 30)],
    ['2026-03-08T14:30:00.250Z', Date.UTC(2026, 2, 8, 14, 30, 0, 250)],
    ['2026-03-08T20:00:00+05:30', Date.UTC(2026, 2, 8, 14, 30)],
    ['2026-03-08T09:30:00-05:00', Date.UTC(2026, 2, 8, 14, 30)],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
  ])('reads %s', (text, expected) => {
    expect(toEpochMs(text)).toBe(expected);
  });

  it('reads a Date', () => {
    expect(toEpochMs(new Date(Date.UTC(2026, 2, 8)))).toBe(Date.UTC(2026, 2, 8));
  });

  it.each([
    // No zone designator: `Date` would read these in the server's zone.
    '2026-03-08T14:30:00',
    '2026-03-08 14:30:00Z',
    '2026-03-08',
    // Fields that do not exist: `Date.parse` would roll them over.
    '2026-02-30T10:00:00Z',
    '2026-02-29T10:00:00Z',
    '2026-03-08T24:00:00Z',
    '2026-03-08T14:60:00Z',
    '2026-13-01T00:00:00Z',
    'Sun Mar 08 2026 14:30:00 GMT+0000',
    '1772980200000',
    '',
  ])('rejects %j with input_invalid naming the argument', (text) => {
    expect(() => toEpochMs(text, 'relativeTo')).toThrow(ValidationError);
    try {
      toEpochMs(text, 'relativeTo');
    } catch (error) {
      expect(error).toMatchObject({ code: 'input_invalid' });
      expect((error as ValidationError).problems[0]).toMatchObject({
        path: 'relativeTo',
        received: JSON.stringify(text),
      });
    }
  });

  it('rejects an invalid Date and a non-instant value', () => {
    expect(() => toEpochMs(new Date(Number.NaN))).toThrow(/an invalid Date/);
    expect(() => toEpochMs(1772980200000 as never)).toThrow(/got number/);
  });
});
