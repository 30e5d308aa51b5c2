/**
 * @module time/time-zone
 * IANA zone checks and the wall clock of an instant in a zone. Offsets come from the platform's
 * ICU data (`Intl`, `longOffset`); wall-clock fields are computed from the offset in UTC arithmetic, so nothing here
 * ever reads the server's own time zone.
 */
import { TimeZoneInvalidError } from './errors';

/**
 * Tells whether `name` is an IANA time zone name this runtime knows, such as
 * `America/New_York`, `Europe/Berlin`, `Asia/Kolkata` or `UTC`.
 *
 * Area/Location names and their aliases (`US/Eastern`, `Etc/UTC`) are accepted, and so are the
 * IANA names without a slash that the runtime knows (`UTC`, `GMT`, `EST5EDT`, `PST8PDT`, `CET`,
 * `Japan`, `Eire`, `Zulu`, `W-SU` and the other tzdata links), which all keep their region's daylight-saving
 * rules. Refused even where the platform would take them: "Eastern", offsets such as "+05:30",
 * the fixed-offset `EST`, `MST` and `HST` (readers take "EST" for New York's time, which it is not
 * in summer) and ICU's own abbreviations that are not IANA names (`PST`, `IST`, `CST`).
 * The runbook validation uses it on every configured audience time zone.
 *
 * @param name - the candidate zone name (any value; non-strings are `false`).
 * @returns `true` when formatting in that zone will work.
 * @example
 * isValidTimeZone('America/New_York'); // true
 * isValidTimeZone('Eastern'); // false
 */
export function isValidTimeZone(name: unknown): name is string {
  if (typeof name !== 'string') return false;
  if (knownZones.has(name)) return true;
  if (!name.includes('/') && !SINGLE_NAME_ZONES.has(name.toUpperCase())) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
  } catch {
    return false;
  }
  knownZones.set(name, undefined);
  return true;
}

/**
 * IANA zone names without a slash (tzdata's `backward` links and the POSIX-style rule zones),
 * upper-cased, minus the fixed-offset `EST`, `MST` and `HST`. The runtime must also know a name.
 */
const SINGLE_NAME_ZONES: ReadonlySet<string> = new Set([
  'UTC',
  'UCT',
  'GMT',
  'GMT0',
  'GMT+0',
  'GMT-0',
  'GREENWICH',
  'UNIVERSAL',
  'ZULU',
  'EST5EDT',
  'CST6CDT',
  'MST7MDT',
  'PST8PDT',
  'CET',
  'EET',
  'MET',
  'WET',
  'CUBA',
  'EGYPT',
  'EIRE',
  'GB',
  'GB-EIRE',
  'HONGKONG',
  'ICELAND',
  'IRAN',
  'ISRAEL',
  'JAMAICA',
  'JAPAN',
  'KWAJALEIN',
  'LIBYA',
  'NAVAJO',
  'NZ',
  'NZ-CHAT',
  'POLAND',
  'PORTUGAL',
  'PRC',
  'ROC',
  'ROK',
  'SINGAPORE',
  'TURKEY',
  'W-SU',
]);

/** Zones already accepted (building an `Intl.DateTimeFormat` costs tens of µs), with `isUsTimeZone`'s answer once known. */
const knownZones = new Map<string, boolean | undefined>();

/**
 * Throws unless `name` passes {@link isValidTimeZone}.
 *
 * @throws {TimeZoneInvalidError} `time_zone_invalid`.
 * @internal
 */
export function assertTimeZone(name: unknown): asserts name is string {
  if (!isValidTimeZone(name)) throw new TimeZoneInvalidError(name);
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();
const LONG_OFFSET = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/;
const DAY_MS = 86_400_000;

function platformOffset(epochMs: number, timeZone: string): number {
  let format = offsetFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormats.set(timeZone, format);
  }
  const name = format.formatToParts(epochMs).find((part) => part.type === 'timeZoneName')?.value ?? '';
  const match = LONG_OFFSET.exec(name);
  if (!match) throw new TimeZoneInvalidError(timeZone);
  const [, sign, hours = '0', minutes = '0'] = match;
  return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
}

/**
 * Offsets by zone and UTC day: one number when the offset is the same at both ends of the day
 * (no zone changes offset twice within a day), `undefined` on a day with a change. Bounded: it
 * is cleared when it grows past a few thousand days.
 */
const dayOffsets = new Map<string, number | undefined>();
const DAY_OFFSETS_MAX = 20_000;

/**
 * The zone's UTC offset at an instant, in minutes east of UTC (`+330` for Kolkata, `-240` for
 * New York in summer), read from the platform's ICU data as a `longOffset` ("GMT-04:00") with
 * one cached formatter per zone; a day without an offset change is read once. date-fns-tz's
 * `getTimezoneOffset` is not used: it reads the offset back through a wall time and is an hour
 * off next to a daylight-saving change, and its `formatInTimeZone` pulls all of date-fns'
 * formatting code into the import (about 100 ms).
 *
 * @internal
 */
export function offsetMinutesAt(epochMs: number, timeZone: string): number {
  const day = Math.floor(epochMs / DAY_MS);
  const key = `${timeZone}|${day}`;
  let offset = dayOffsets.get(key);
  if (offset === undefined && !dayOffsets.has(key)) {
    const start = platformOffset(day * DAY_MS, timeZone);
    offset = start === platformOffset(day * DAY_MS + DAY_MS - 1, timeZone) ? start : undefined;
    if (dayOffsets.size >= DAY_OFFSETS_MAX) dayOffsets.clear();
    dayOffsets.set(key, offset);
  }
  return offset ?? platformOffset(epochMs, timeZone);
}

/** The calendar and clock a reader in a zone sees at an instant. */
export interface WallClock {
  year: number;
  /** 1-12. */
  month: number;
  /** 1-31. */
  day: number;
  /** 0 (Sunday) to 6 (Saturday). */
  weekday: number;
  /** 0-23. */
  hour: number;
  minute: number;
  /** Minutes east of UTC at this instant. */
  offsetMinutes: number;
}

/**
 * The wall clock at an instant in a zone. Computed as UTC fields of `instant + offset`, never
 * with local-time `Date` getters: date-fns-tz's `formatInTimeZone` builds a local `Date` and is
 * off by an hour when that wall time does not exist in the server's own zone
 * (marnusw/date-fns-tz#258).
 *
 * @internal
 */
export function wallClockAt(epochMs: number, timeZone: string): WallClock {
  const offsetMinutes = offsetMinutesAt(epochMs, timeZone);
  const wall = new Date(epochMs + offsetMinutes * 60_000);
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    weekday: wall.getUTCDay(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    offsetMinutes,
  };
}

/**
 * IANA zones of the United States (zone.tab, country US) and their `backward` aliases, lower
 * case. Readers there expect "2:30 PM ET"; everyone else gets the 24-hour clock by default.
 */
const US_TIME_ZONES: ReadonlySet<string> = new Set(
  [
    'America/New_York',
    'America/Detroit',
    'America/Kentucky/Louisville',
    'America/Kentucky/Monticello',
    'America/Indiana/Indianapolis',
    'America/Indiana/Vincennes',
    'America/Indiana/Winamac',
    'America/Indiana/Marengo',
    'America/Indiana/Petersburg',
    'America/Indiana/Vevay',
    'America/Chicago',
    'America/Indiana/Tell_City',
    'America/Indiana/Knox',
    'America/Menominee',
    'America/North_Dakota/Center',
    'America/North_Dakota/New_Salem',
    'America/North_Dakota/Beulah',
    'America/Denver',
    'America/Boise',
    'America/Phoenix',
    'America/Los_Angeles',
    'America/Anchorage',
    'America/Juneau',
    'America/Sitka',
    'America/Metlakatla',
    'America/Yakutat',
    'America/Nome',
    'America/Adak',
    'Pacific/Honolulu',
    'US/Eastern',
    'US/Central',
    'US/Mountain',
    'US/Pacific',
    'US/Alaska',
    'US/Hawaii',
    'US/Arizona',
    'US/Aleutian',
    'US/East-Indiana',
    'US/Indiana-Starke',
    'US/Michigan',
    'America/Fort_Wayne',
    'America/Indianapolis',
    'America/Louisville',
    'America/Knox_IN',
    'America/Atka',
    'America/Shiprock',
    'Pacific/Johnston',
  ].map((zone) => zone.toLowerCase()),
);

/**
 * Whether readers in this (valid) zone are US readers, who get the 12-hour "2:30 PM ET" style
 * by default.
 *
 * @internal
 */
export function isUsTimeZone(timeZone: string): boolean {
  const known = knownZones.get(timeZone);
  if (known !== undefined) return known;
  // The platform may canonicalise an alias we do not list (e.g. a future `backward` link).
  const us =
    US_TIME_ZONES.has(timeZone.toLowerCase()) ||
    US_TIME_ZONES.has(
      new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone.toLowerCase(),
    );
  knownZones.set(timeZone, us);
  return us;
}
