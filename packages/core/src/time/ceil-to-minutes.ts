/**
 * @module time/ceil-to-minutes
 * Rounds an instant up to a clean clock boundary, so a promised time reads "9:30", not "9:29:47".
 */
import { problem, ValidationError } from '../errors';
import { type InstantInput, toEpochMs } from './instant';
import { assertTimeZone, offsetMinutesAt } from './time-zone';

/** Options of {@link ceilToMinutes}. */
export interface CeilToMinutesOptions {
  /**
   * IANA zone whose clock the boundary must look clean on (the runbook's default zone).
   * Defaults to `UTC`. Only matters for boundaries that do not divide 15 minutes (30, 60, …).
   */
  timeZone?: string;
}

const MINUTE_MS = 60_000;

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function mod(a: number, m: number): number {
  return ((a % m) + m) % m;
}

/**
 * Rounds an instant up to the next clock boundary of `minutes` (an instant already on a
 * boundary stays): 09:15:00 stays 09:15:00; 09:29:47 becomes 09:30:00; 09:15:00.001 becomes
 * 09:20:00. Practice: the next update time is a specific, clean clock time.
 *
 * Where the rounding happens: on the clock of `options.timeZone` (default UTC). Every UTC
 * offset in use today is a whole multiple of 15 minutes (+05:30 Kolkata, +05:45 Kathmandu,
 * +12:45 Chatham), so for boundaries that divide 15 minutes (1, 3, 5, 15) a boundary in UTC is a
 * boundary on every reader's clock and the zone makes no difference: the runbook's default
 * 5-minute rounding needs no zone. For 30- or 60-minute boundaries it does (10:00 UTC is 15:30 in
 * Kolkata and 15:45 in Kathmandu): pass the runbook's default zone, and the rounding follows
 * that zone's clock across daylight-saving changes.
 *
 * @param instant - ISO-8601 instant with `Z` or an offset, or a `Date`.
 * @param minutes - boundary in whole minutes; must divide a day (1, 5, 15, 30, 60, 120, …).
 * @param options - `timeZone`: IANA zone whose clock the boundary is on (default `UTC`).
 * @returns the rounded instant as an ISO-8601 UTC string (`2026-03-08T09:30:00.000Z`).
 * @throws {ValidationError} `input_invalid` when `instant` cannot be read or `minutes` does not divide a day.
 * @throws {TimeZoneInvalidError} `time_zone_invalid` when `options.timeZone` is not an IANA zone.
 * @example
 * ceilToMinutes('2026-03-08T09:29:47Z', 5); // '2026-03-08T09:30:00.000Z'
 * ceilToMinutes('2026-03-08T09:15:00Z', 5); // '2026-03-08T09:15:00.000Z'
 * ceilToMinutes('2026-03-08T09:05:00Z', 60, { timeZone: 'Asia/Kolkata' }); // '2026-03-08T09:30:00.000Z' (15:00 IST)
 */
export function ceilToMinutes(
  instant: InstantInput,
  minutes: number,
  options: CeilToMinutesOptions = {},
): string {
  const epochMs = toEpochMs(instant, 'instant');
  if (!Number.isInteger(minutes) || minutes < 1 || 1440 % minutes !== 0) {
    throw new ValidationError('minutes', [
      problem(
        'minutes',
        'a whole number of minutes that divides a day (1, 5, 15, 30, 60, …)',
        String(minutes),
      ),
    ]);
  }
  const timeZone = options.timeZone ?? 'UTC';
  assertTimeZone(timeZone);

  // Local boundaries sit where (UTC minute + offset) is a multiple of `minutes`. With offsets in
  // whole quarter hours they can only fall on multiples of gcd(minutes, 15) UTC minutes, so
  // step over those; for a 5-minute boundary the first candidate always matches.
  const firstMinute = Math.ceil(epochMs / MINUTE_MS);
  const quarterHourOffsets = offsetMinutesAt(firstMinute * MINUTE_MS, timeZone) % 15 === 0;
  const step = quarterHourOffsets ? gcd(minutes, 15) : 1;
  let candidate = Math.ceil(firstMinute / step) * step;
  // Two spans of `minutes` always hold a boundary, even with an offset change between them.
  const limit = candidate + 2 * minutes + 60;
  for (; candidate <= limit; candidate += step) {
    if (mod(candidate + offsetMinutesAt(candidate * MINUTE_MS, timeZone), minutes) === 0) {
      return new Date(candidate * MINUTE_MS).toISOString();
    }
  }
  /* v8 ignore next 2 -- unreachable for IANA data: kept so a broken platform cannot loop forever. */
  throw new Error(`ceilToMinutes: no ${minutes}-minute boundary found in ${timeZone} after ${epochMs}`);
}
