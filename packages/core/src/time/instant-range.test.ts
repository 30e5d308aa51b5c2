import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IncidentCommsError } from '../errors';
import { applyEvent } from '../incident/index';
import { lintMessage } from '../lint/index';
import { INSTANT_RANGE_EXPECTED, instantSchema, MAX_INSTANT_MS, MIN_INSTANT_MS, toEpochMs } from './instant';

const EXTREME = [
  '9999-12-31T23:59:00Z',
  '9999-01-01T00:00:01Z',
  '1969-12-31T23:59:59Z',
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00Z',
];

describe('instants outside 1970-01-01 .. 9999-01-01 are refused with the range', () => {
  it.each(EXTREME)('the schema refuses %s, naming the range', (at) => {
    const parsed = instantSchema.safeParse(at);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe(`expected ${INSTANT_RANGE_EXPECTED}`);
    expect(() => toEpochMs(at, 'now')).toThrow(expect.objectContaining({ code: 'input_invalid' }));
  });

  it.each(EXTREME)('lintMessage with now %s throws a typed error, never RangeError', (now) => {
    for (const value of [now, new Date(Date.parse(now.replace(/^0000/, '0001')))]) {
      const attempt = () =>
        lintMessage('Checkout is failing. Next update at 9:30 AM ET.', {
          kind: 'update',
          audience: 'customer',
          now: value,
        });
      expect(attempt).toThrow(IncidentCommsError);
    }
    expect(() => lintMessage('x', { kind: 'update', audience: 'customer', now: new Date(8.64e15) })).toThrow(
      IncidentCommsError,
    );
  });

  it('the log refuses an event at an extreme instant with the range', () => {
    expect(() =>
      applyEvent(undefined, {
        type: 'declared',
        at: '9999-12-31T23:59:00Z',
        actor: 'dana',
        incidentId: 'i',
        title: 't',
        incidentType: 'checkout',
        severity: 'SEV1',
      }),
    ).toThrow(INSTANT_RANGE_EXPECTED);
  });

  it('lintMessage never throws an untyped error for any instant, in or out of range', () => {
    fc.assert(
      fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), (ms) => {
        const now = new Date(ms);
        try {
          lintMessage('Checkout is failing. Next update at 9:30 AM ET.', {
            kind: 'update',
            audience: 'customer',
            now,
            timeZone: 'America/New_York',
          });
          expect(ms >= MIN_INSTANT_MS && ms <= MAX_INSTANT_MS).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(IncidentCommsError);
        }
      }),
      { seed: 42, numRuns: 2000 },
    );
  });
});
