/**
 * @module time/instant
 * Reads the instants the time module accepts: ISO-8601 strings that carry their own zone
 * designator, or `Date` objects. A string without `Z` or an offset is rejected, because
 * `Date` would read it in the server's own zone.
 */
import { z } from 'zod';
import { problem, ValidationError } from '../errors';

/** The earliest instant the library accepts (epoch ms of 1970-01-01T00:00:00Z). */
export const MIN_INSTANT_MS = Date.UTC(1970, 0, 1);
/**
 * The latest instant the library accepts (epoch ms of 9999-01-01T00:00:00Z): a year of room
 * before four-digit years run out, so a next-update time planned from it still formats.
 */
export const MAX_INSTANT_MS = Date.UTC(9999, 0, 1);
/** The allowed range in words, for problems. */
export const INSTANT_RANGE_EXPECTED = 'an instant between 1970-01-01T00:00:00Z and 9999-01-01T00:00:00Z';

/**
 * True when `ms` (epoch milliseconds) is a finite instant inside the accepted range.
 *
 * @example
 * inInstantRange(Date.parse('2026-03-03T14:15:00Z')); // true
 * inInstantRange(Date.parse('9999-12-31T23:59:00Z')); // false
 */
export function inInstantRange(ms: number): boolean {
  return Number.isFinite(ms) && ms >= MIN_INSTANT_MS && ms <= MAX_INSTANT_MS;
}

/**
 * The zod schema of an ISO-8601 UTC instant such as `2026-03-03T14:15:00Z` (optional
 * fractional seconds). Offsets other than `Z`, a time without a zone (`2026-03-03T14:00:00`,
 * which `Date` would read in the server's zone), a date alone and impossible dates
 * (`2026-02-30`) are rejected, and so is an instant outside 1970-01-01 to 9999-01-01
 * ({@link INSTANT_RANGE_EXPECTED}). The incident log and the linter both validate instants with it.
 *
 * @example
 * instantSchema.safeParse('2026-03-03T14:15:00Z').success; // true
 * instantSchema.safeParse('2026-03-03T14:15:00').success; // false
 */
export const instantSchema = z.iso
  .datetime({ error: 'expected an ISO-8601 UTC instant like 2026-03-03T14:15:00Z' })
  .refine((value) => inInstantRange(Date.parse(value)), { error: `expected ${INSTANT_RANGE_EXPECTED}` });

/** An instant: an ISO-8601 string with `Z` or an offset (`2026-03-08T14:30:00Z`), or a `Date`. */
export type InstantInput = string | Date;

const ISO_INSTANT =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

const EXPECTED_INSTANT =
  'an ISO-8601 instant with "Z" or an offset, e.g. "2026-03-08T14:30:00Z", or a valid Date';

function invalid(path: string, received: string): ValidationError {
  return new ValidationError(path, [problem(path, EXPECTED_INSTANT, received)]);
}

/**
 * Converts an instant to epoch milliseconds, rejecting anything whose meaning would depend on
 * the server's time zone or that names a date that does not exist (`2026-02-30`, `24:00`).
 *
 * @param instant - ISO-8601 string with a zone designator, or a `Date`.
 * @param path - name of the argument, used in the error (`instant`, `relativeTo`).
 * @returns epoch milliseconds.
 * @throws {ValidationError} `input_invalid` when the instant cannot be read.
 * @internal
 */
export function toEpochMs(instant: InstantInput, path = 'instant'): number {
  if (instant instanceof Date) {
    const ms = instant.getTime();
    if (Number.isNaN(ms)) throw invalid(path, 'an invalid Date');
    if (!inInstantRange(ms)) throw outOfRange(path, instant.toISOString());
    return ms;
  }
  if (typeof instant !== 'string') throw invalid(path, typeof instant);
  const match = ISO_INSTANT.exec(instant);
  const ms = match ? Date.parse(instant) : Number.NaN;
  if (!match || Number.isNaN(ms)) throw invalid(path, JSON.stringify(instant));
  const [, date, hour, minute, second = '00', zulu, sign, offsetHours = '0', offsetMinutes = '0'] = match;
  // Date.parse rolls impossible fields over (Feb 30 becomes Mar 2); read the fields back to refuse that.
  const offset = zulu ? 0 : (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes));
  const local = new Date(ms + offset * 60_000).toISOString();
  if (local.slice(0, 19) !== `${date}T${hour}:${minute}:${second}`)
    throw invalid(path, JSON.stringify(instant));
  if (!inInstantRange(ms)) throw outOfRange(path, JSON.stringify(instant));
  return ms;
}

function outOfRange(path: string, received: string): ValidationError {
  return new ValidationError(path, [problem(path, INSTANT_RANGE_EXPECTED, received)]);
}
