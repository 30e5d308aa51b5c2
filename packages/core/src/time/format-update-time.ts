/**
 * @module time/format-update-time
 * Formats the next-update time the way each reader needs it: their clock, their zone label,
 * and the day when it is not today for them ("tomorrow 00:15 CET").
 */
import { problem, ValidationError } from '../errors';
import { type InstantInput, toEpochMs } from './instant';
import { assertTimeZone, isUsTimeZone, type WallClock, wallClockAt } from './time-zone';
import { checkLabelKind, resolveZoneLabel, type ZoneLabelKind } from './zone-label';

/** `us`: "2:30 PM ET" (12-hour clock). `24h`: "14:30 CET". */
export type UpdateTimeStyle = 'us' | '24h';

/** Options of {@link formatUpdateTime}. */
export interface FormatUpdateTimeOptions {
  /** Clock style; defaults to `us` for US zones and `24h` for every other zone. */
  style?: UpdateTimeStyle;
  /**
   * Zone label kind; defaults to `generic` with the `us` style ("ET") and `specific` with `24h`
   * ("CET"). A repeated wall time (clocks going back) always gets the specific label.
   */
  label?: ZoneLabelKind;
  /**
   * The reader's "now" (ISO-8601 instant or `Date`). When given and the formatted instant falls
   * on another calendar day in the reader's zone, the day is added: "tomorrow …" for the next
   * day, an explicit date for any other day (past days included), with the year when that
   * differs too. Without it, only the time and zone are printed.
   */
  relativeTo?: InstantInput;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const STYLES: readonly UpdateTimeStyle[] = ['us', '24h'];
const DAY_MS = 24 * 60 * 60_000;

function clockTime(wall: WallClock, style: UpdateTimeStyle): string {
  const minute = String(wall.minute).padStart(2, '0');
  if (style === '24h') return `${String(wall.hour).padStart(2, '0')}:${minute}`;
  const hour = wall.hour % 12 === 0 ? 12 : wall.hour % 12;
  return `${hour}:${minute} ${wall.hour < 12 ? 'AM' : 'PM'}`;
}

/** "Wed 4 Mar" / "Wed, Mar 4", with the year appended when `withYear`. */
function calendarDate(wall: WallClock, style: UpdateTimeStyle, withYear: boolean): string {
  const weekday = WEEKDAYS[wall.weekday];
  const month = MONTHS[wall.month - 1];
  if (style === '24h') return `${weekday} ${wall.day} ${month}${withYear ? ` ${wall.year}` : ''}`;
  return `${weekday}, ${month} ${wall.day}${withYear ? `, ${wall.year}` : ''}`;
}

/** Whole calendar days from the reader's today to the instant's day, both in the reader's zone. */
function calendarDaysBetween(from: WallClock, to: WallClock): number {
  return (Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / DAY_MS;
}

function checkStyle(value: unknown): UpdateTimeStyle | undefined {
  if (value === undefined || STYLES.includes(value as UpdateTimeStyle))
    return value as UpdateTimeStyle | undefined;
  throw new ValidationError('options.style', [
    problem('options.style', '"us" or "24h"', JSON.stringify(value)),
  ]);
}

/**
 * Formats an instant (typically when the next update is due) for readers in one time zone.
 * Practice: every update states a specific clock time for the next one, with a zone ("Next
 * update by 2:30 PM ET"), and that time must be right for the reader, on their calendar day.
 *
 * - US zones default to "2:30 PM ET"; all others to "14:30 CET", "14:30 UTC", "14:30 IST",
 *   "14:45 UTC+5:45" (see `zoneLabel` for the labels).
 * - Seconds are dropped, not rounded: round the instant first (`ceilToMinutes`).
 * - With `relativeTo`: "tomorrow 00:15 CET", "Wed 4 Mar, 00:15 CET", "Wed, Mar 4, 12:15 AM ET".
 * - The two 1:30 AM instants of 2026-11-01 in New York read "1:30 AM EDT" and "1:30 AM EST".
 * - The output never depends on the server's own time zone.
 *
 * @param instant - ISO-8601 instant with `Z` or an offset (`2026-03-08T19:30:00Z`), or a `Date`.
 * @param timeZone - IANA zone of the reader, e.g. `America/New_York`, `Europe/Berlin`.
 * @param options - `style`, `label`, `relativeTo`; see {@link FormatUpdateTimeOptions}.
 * @returns the reader's clock time and zone label, with the day when it is not their today.
 * @throws {TimeZoneInvalidError} `time_zone_invalid` when `timeZone` is not an IANA zone.
 * @throws {ValidationError} `input_invalid` when `instant`, `relativeTo`, `style` or `label` cannot be read.
 * @example
 * formatUpdateTime('2026-03-09T18:30:00Z', 'America/New_York'); // '2:30 PM ET'
 * formatUpdateTime('2026-03-09T13:30:00Z', 'Europe/Berlin'); // '14:30 CET'
 * formatUpdateTime('2026-03-03T23:15:00Z', 'Europe/Berlin', { relativeTo: '2026-03-03T20:00:00Z' });
 * // 'tomorrow 00:15 CET'
 */
export function formatUpdateTime(
  instant: InstantInput,
  timeZone: string,
  options: FormatUpdateTimeOptions = {},
): string {
  const epochMs = toEpochMs(instant, 'instant');
  assertTimeZone(timeZone);
  const style = checkStyle(options.style) ?? (isUsTimeZone(timeZone) ? 'us' : '24h');
  const kind = checkLabelKind(options.label, 'options.label') ?? (style === 'us' ? 'generic' : 'specific');
  const wall = wallClockAt(epochMs, timeZone);
  const timeAndZone = `${clockTime(wall, style)} ${resolveZoneLabel(epochMs, timeZone, kind)}`;
  if (options.relativeTo === undefined) return timeAndZone;

  const today = wallClockAt(toEpochMs(options.relativeTo, 'options.relativeTo'), timeZone);
  const days = calendarDaysBetween(today, wall);
  if (days === 0) return timeAndZone;
  if (days === 1) return `tomorrow ${timeAndZone}`;
  return `${calendarDate(wall, style, wall.year !== today.year)}, ${timeAndZone}`;
}
