/**
 * @module time/errors
 * The typed error of the time module: a time zone that is not an IANA zone name.
 */
import { IncidentCommsError } from '../errors';

/** What every time-zone argument must hold, in plain words (shared with the runbook schema). */
export const TIME_ZONE_EXPECTED =
  'an IANA time zone name such as "America/New_York", "Europe/Berlin" or "UTC"';

/**
 * Thrown when a time zone is not an IANA zone name (`time_zone_invalid`): "Eastern", "EST",
 * "+05:30" or a misspelt name. Hosts branch on `code`; `timeZone` is the value that was given.
 *
 * @example
 * try {
 *   formatUpdateTime('2026-03-08T19:30:00Z', 'Eastern');
 * } catch (error) {
 *   if (error instanceof TimeZoneInvalidError) error.code; // 'time_zone_invalid'
 * }
 */
export class TimeZoneInvalidError extends IncidentCommsError {
  /** The rejected value, as given (a non-string is rendered with `String`). */
  readonly timeZone: string;
  /** What was expected instead, in plain words. */
  readonly expected: string;
  constructor(timeZone: unknown) {
    const given = typeof timeZone === 'string' ? timeZone : String(timeZone);
    super('time_zone_invalid', `Invalid time zone ${JSON.stringify(given)}: expected ${TIME_ZONE_EXPECTED}`);
    this.timeZone = given;
    this.expected = TIME_ZONE_EXPECTED;
  }
}
