/**
 * @module lint/clock
 * Finds clock times in draft text ("9:30 AM ET", "14:30 UTC", "noon") and turns them into
 * instants with date-fns-tz, so the linter can compare them with the scheduled next update.
 */
import { fromZonedTime } from 'date-fns-tz/fromZonedTime';
import { getTimezoneOffset } from 'date-fns-tz/getTimezoneOffset';
import { RELATIVE_TIME } from './phrases';

/**
 * Zone labels people write after a clock time, mapped to the IANA zone they name.
 * GMT is read as UTC; IST as India Standard Time; EST/EDT and friends as their US zone
 * (people write "EST" all year round).
 */
export const ZONE_LABELS: Readonly<Record<string, string>> = {
  UTC: 'UTC',
  GMT: 'UTC',
  Z: 'UTC',
  ET: 'America/New_York',
  EST: 'America/New_York',
  EDT: 'America/New_York',
  CT: 'America/Chicago',
  CST: 'America/Chicago',
  CDT: 'America/Chicago',
  MT: 'America/Denver',
  MST: 'America/Denver',
  MDT: 'America/Denver',
  PT: 'America/Los_Angeles',
  PST: 'America/Los_Angeles',
  PDT: 'America/Los_Angeles',
  CET: 'Europe/Paris',
  CEST: 'Europe/Paris',
  BST: 'Europe/London',
  IST: 'Asia/Kolkata',
  JST: 'Asia/Tokyo',
  AEST: 'Australia/Sydney',
  AEDT: 'Australia/Sydney',
};

// The label to write for an IANA zone; [standard, daylight] where the name changes with DST.
const LABEL_FOR_ZONE: Readonly<Record<string, string | readonly [string, string]>> = {
  UTC: 'UTC',
  'Etc/UTC': 'UTC',
  'America/New_York': 'ET',
  'America/Toronto': 'ET',
  'America/Detroit': 'ET',
  'America/Chicago': 'CT',
  'America/Denver': 'MT',
  'America/Phoenix': 'MT',
  'America/Los_Angeles': 'PT',
  'America/Vancouver': 'PT',
  'Europe/London': ['GMT', 'BST'],
  'Europe/Dublin': ['GMT', 'IST'],
  'Europe/Paris': ['CET', 'CEST'],
  'Europe/Berlin': ['CET', 'CEST'],
  'Europe/Amsterdam': ['CET', 'CEST'],
  'Europe/Madrid': ['CET', 'CEST'],
  'Europe/Rome': ['CET', 'CEST'],
  'Europe/Brussels': ['CET', 'CEST'],
  'Europe/Vienna': ['CET', 'CEST'],
  'Europe/Zurich': ['CET', 'CEST'],
  'Europe/Stockholm': ['CET', 'CEST'],
  'Europe/Oslo': ['CET', 'CEST'],
  'Europe/Copenhagen': ['CET', 'CEST'],
  'Europe/Warsaw': ['CET', 'CEST'],
  'Europe/Prague': ['CET', 'CEST'],
  'Asia/Kolkata': 'IST',
  'Asia/Tokyo': 'JST',
  'Australia/Sydney': ['AEST', 'AEDT'],
  'Australia/Melbourne': ['AEST', 'AEDT'],
};

const CLOCK =
  /\b(?:([Nn]oon|[Mm]idday|[Mm]idnight)|(2[0-3]|[01]?\d)(?::([0-5]\d))?(?:\s?([AaPp])\.?\s?[Mm]\b\.?)?)(?:\s*\(?(UTC|GMT|ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|CET|CEST|BST|IST|JST|AEST|AEDT|Z)\b\)?)?/g;

/** A clock time written in a text, before any date or zone is applied. */
export interface ClockMention {
  /** UTF-16 offset of the time's first character. */
  start: number;
  /** UTF-16 offset after the time and its zone label, if any. */
  end: number;
  /** The written text, e.g. `9:30 AM ET`. */
  text: string;
  /** Hour 0-23. */
  hour: number;
  /** Minute 0-59. */
  minute: number;
  /** Zone label as written (`ET`, `UTC`), if any. */
  zoneLabel: string | undefined;
  /** How the time was written: `12h` with AM/PM (`a.m.` when `dotted`), `24h`, or a word. */
  style: '12h' | '24h' | 'word';
  /** True when the meridiem was written with dots (`a.m.`). */
  dotted: boolean;
}

/**
 * Finds clock times in `text`. A bare number is not a time: it needs minutes, AM/PM, or
 * be `noon`/`midnight`. Zone labels must be upper case (`ET`, not `et`).
 *
 * @example
 * findClockTimes('Next update by 9:30 AM ET.')[0]; // { hour: 9, minute: 30, zoneLabel: 'ET', ... }
 */
export function findClockTimes(text: string): ClockMention[] {
  const out: ClockMention[] = [];
  if (!/\d|oon|idnight|idday/.test(text)) return out;
  CLOCK.lastIndex = 0;
  for (let m = CLOCK.exec(text); m !== null; m = CLOCK.exec(text)) {
    const [whole, word, h, min, meridiem, label] = m;
    if (word !== undefined) {
      const lower = word.toLowerCase();
      out.push({
        start: m.index,
        end: m.index + whole.length,
        text: whole,
        hour: lower === 'midnight' ? 0 : 12,
        minute: 0,
        zoneLabel: label,
        style: 'word',
        dotted: false,
      });
      continue;
    }
    if (min === undefined && meridiem === undefined) continue;
    // "3:45" inside "13:45:10" or "1,000" etc. are not clock times.
    const before = text.charCodeAt(m.index - 1);
    if (before === 58 /* : */ || before === 46 /* . */ || before === 44 /* , */) continue;
    let hour = Number(h);
    if (meridiem !== undefined) {
      if (hour < 1 || hour > 12) continue;
      const pm = meridiem === 'p' || meridiem === 'P';
      hour = (hour % 12) + (pm ? 12 : 0);
    }
    out.push({
      start: m.index,
      end: m.index + whole.length,
      text: whole,
      hour,
      minute: min === undefined ? 0 : Number(min),
      zoneLabel: label,
      style: meridiem === undefined ? '24h' : '12h',
      dotted: meridiem !== undefined && whole.includes('.'),
    });
  }
  return out;
}

const wallFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Wall-clock fields of `instant` in `timeZone`, read with the platform's Intl time-zone data.
 * Throws RangeError for an unknown zone.
 */
export function wallClock(
  instant: Date,
  timeZone: string,
): { year: number; month: number; day: number; hour: number; minute: number } {
  let f = wallFormatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
    wallFormatters.set(timeZone, f);
  }
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(instant)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The instant a written clock time most plausibly means: the time on the day (yesterday,
 * today or tomorrow, in the time's zone) closest to `reference`. The zone is the label's
 * zone, or `defaultZone` for a time without a label; `undefined` when neither is known.
 *
 * @example
 * const [t] = findClockTimes('by 9:30 AM ET');
 * resolveClockTime(t!, new Date('2026-03-03T14:15:00Z'), undefined)?.toISOString(); // '2026-03-03T14:30:00.000Z'
 */
export function resolveClockTime(
  mention: ClockMention,
  reference: Date,
  defaultZone: string | undefined,
): Date | undefined {
  const zone = zoneForMention(mention, defaultZone);
  if (zone === undefined) return undefined;
  const wall = wallClock(reference, zone);
  let best: Date | undefined;
  for (const dayOffset of [-1, 0, 1]) {
    const candidate = onDay(Date.UTC(wall.year, wall.month - 1, wall.day + dayOffset), mention, zone);
    if (
      best === undefined ||
      Math.abs(candidate.getTime() - reference.getTime()) < Math.abs(best.getTime() - reference.getTime())
    ) {
      best = candidate;
    }
  }
  return best;
}

/** A day written next to a clock time: "today", "tomorrow", "Wednesday". */
export interface DayMention {
  /** UTF-16 offset of the word's first character. */
  start: number;
  /** UTF-16 offset after the word. */
  end: number;
  /** The written word(s), e.g. `tomorrow`, `this evening`, `Wednesday`. */
  text: string;
  /** Days after the reader's today (`0` today, `1` tomorrow); absent for a weekday. */
  daysAhead?: number;
  /** Day of the week (0 Sunday … 6 Saturday) for a weekday name. */
  weekday?: number;
}

const DAY_WORD =
  /\b(?:(today|tonight|this (?:morning|afternoon|evening))|(tomorrow)|(sun|mon|tues|wednes|thurs|fri|satur)day)\b/i;
const WEEKDAY_STEMS = ['sun', 'mon', 'tues', 'wednes', 'thurs', 'fri', 'satur'];

/**
 * Finds the first day word in `text` ("today", "tonight", "this afternoon", "tomorrow", or a
 * weekday name), the day a clock time in the same sentence falls on.
 *
 * @example
 * findDayWord('Next update by 10:30 AM ET tomorrow.'); // { text: 'tomorrow', daysAhead: 1, ... }
 * findDayWord('Next update Wednesday 9:00 AM ET.')?.weekday; // 3
 */
export function findDayWord(text: string): DayMention | undefined {
  const m = DAY_WORD.exec(text);
  if (m === null) return undefined;
  const base = { start: m.index, end: m.index + m[0].length, text: m[0] };
  if (m[1] !== undefined) return { ...base, daysAhead: 0 };
  if (m[2] !== undefined) return { ...base, daysAhead: 1 };
  return { ...base, weekday: WEEKDAY_STEMS.indexOf(m[3]!.toLowerCase()) };
}

const DAY_MS = 86_400_000;

function ymd(utcMidnight: number): string {
  const d = new Date(utcMidnight);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The instant `mention`'s clock time is reached in `zone` on the calendar date of `utcMidnight`. */
function onDay(utcMidnight: number, mention: ClockMention, zone: string): Date {
  return fromZonedTime(`${ymd(utcMidnight)}T${pad(mention.hour)}:${pad(mention.minute)}:00`, zone);
}

/**
 * The instant a clock time on a named day means: the day is counted on the reader's calendar
 * (`readerZone`, else the time's own zone) from `now` — `today`, `tomorrow` (the reader's next
 * calendar day), or the next date with that weekday (today included) — and the clock time is
 * read in the time's zone (its label's, else `defaultZone`). `undefined` when no zone is known.
 *
 * @param mention - a clock time from {@link findClockTimes}.
 * @param day - the day word from {@link findDayWord}.
 * @param now - the current instant.
 * @param defaultZone - IANA zone for a time without a label.
 * @param readerZone - IANA zone whose calendar "tomorrow" is counted in; defaults to the time's zone.
 * @example
 * const [t] = findClockTimes('10:30 AM ET');
 * resolveClockTimeOnDay(t!, findDayWord('tomorrow')!, new Date('2026-03-04T00:00:00Z'), undefined)?.toISOString();
 * // '2026-03-04T15:30:00.000Z' (10:30 AM ET on Wednesday, when it was 7 PM ET on Tuesday)
 */
export function resolveClockTimeOnDay(
  mention: ClockMention,
  day: DayMention,
  now: Date,
  defaultZone: string | undefined,
  readerZone?: string,
): Date | undefined {
  const zone = zoneForMention(mention, defaultZone);
  if (zone === undefined) return undefined;
  const wall = wallClock(now, readerZone ?? zone);
  const today = Date.UTC(wall.year, wall.month - 1, wall.day);
  const ahead = day.daysAhead ?? ((day.weekday ?? 0) - new Date(today).getUTCDay() + 7) % 7;
  return onDay(today + ahead * DAY_MS, mention, zone);
}

/**
 * How long after a clock time passed it is still read as that (missed) time rather than as
 * the same time tomorrow: 6 hours. "Next update by 9:00 AM" written at 9:15 AM is a stale time;
 * "Next update by 10:30 AM" written at 7 PM means tomorrow morning.
 */
export const RECENTLY_PASSED_MINUTES = 6 * 60;

/**
 * The instant a clock time without a day means, seen from `now`: its next occurrence after
 * `now` (within 24 hours), unless the same time passed less than
 * {@link RECENTLY_PASSED_MINUTES} ago, which is read as that passed time (so a stale time is
 * caught, not pushed to tomorrow). `undefined` when no zone is known.
 *
 * @example
 * const [t] = findClockTimes('10:30 AM ET');
 * resolveUpcomingClockTime(t!, new Date('2026-03-04T00:00:00Z'), undefined)?.toISOString(); // '2026-03-04T15:30:00.000Z'
 * const [late] = findClockTimes('9:00 AM ET');
 * resolveUpcomingClockTime(late!, new Date('2026-03-03T14:15:00Z'), undefined)?.toISOString(); // '2026-03-03T14:00:00.000Z' (passed)
 */
export function resolveUpcomingClockTime(
  mention: ClockMention,
  now: Date,
  defaultZone: string | undefined,
): Date | undefined {
  const zone = zoneForMention(mention, defaultZone);
  if (zone === undefined) return undefined;
  const wall = wallClock(now, zone);
  const t = now.getTime();
  let previous: Date | undefined;
  let next: Date | undefined;
  for (const dayOffset of [-1, 0, 1, 2]) {
    const candidate = onDay(Date.UTC(wall.year, wall.month - 1, wall.day + dayOffset), mention, zone);
    if (candidate.getTime() <= t) previous = candidate;
    else if (next === undefined) next = candidate;
  }
  if (previous !== undefined && t - previous.getTime() < RECENTLY_PASSED_MINUTES * 60_000) return previous;
  return next;
}

/** What {@link resolveWrittenClockTime} reads a clock time against. */
export interface WrittenTimeReference {
  /** When the text is (or was) sent. */
  now?: Date | undefined;
  /** When the next update is due, when a schedule is known. */
  due?: Date | undefined;
  /** IANA zone of the reader; also the zone of a time written without a zone label. */
  timeZone?: string | undefined;
}

/**
 * The instant a written clock time means: the one reading shared by the `next-update-time`
 * rule, the pre-send check and the consistency check. With a day word ("tomorrow",
 * "Wednesday") the day counts on the reader's calendar from `now`; without one, the
 * occurrence closest to `due` when a time is due, else the next occurrence after `now` (a time
 * that passed less than {@link RECENTLY_PASSED_MINUTES} ago stays that passed time).
 *
 * @param mention - a clock time from {@link findClockTimes}.
 * @param day - the sentence's day word ({@link findDayWord}), if any.
 * @param reference - `now`, `due` and the reader's `timeZone`.
 * @returns the instant, or `undefined` when there is nothing to read it against or no zone.
 * @example
 * const sentence = 'Next update by 10:30 AM ET tomorrow.';
 * const [t] = findClockTimes(sentence);
 * resolveWrittenClockTime(t!, findDayWord(sentence), { now: new Date('2026-03-04T00:00:00Z') })?.toISOString();
 * // '2026-03-04T15:30:00.000Z'
 */
export function resolveWrittenClockTime(
  mention: ClockMention,
  day: DayMention | undefined,
  reference: WrittenTimeReference,
): Date | undefined {
  const { now, due, timeZone } = reference;
  if (day !== undefined && now !== undefined)
    return resolveClockTimeOnDay(mention, day, now, timeZone, timeZone);
  if (due !== undefined) return resolveClockTime(mention, due, timeZone);
  if (now !== undefined) return resolveUpcomingClockTime(mention, now, timeZone);
  return undefined;
}

/**
 * The IANA zone a mention is in: the context zone when the label names the same zone family
 * (same zone, or the same UTC offset at that moment), else the label's zone; the default zone
 * for a time without a label.
 */
export function zoneForMention(mention: ClockMention, defaultZone: string | undefined): string | undefined {
  if (mention.zoneLabel === undefined) return defaultZone;
  return ZONE_LABELS[mention.zoneLabel];
}

/**
 * True when a zone label names the audience's zone family: the same IANA zone, or a zone with
 * the same UTC offset at `instant` ("UTC" for Europe/London in winter, "ET" for America/Toronto).
 *
 * @example
 * labelMatchesZone('ET', 'America/Toronto', new Date('2026-03-03T14:00:00Z')); // true
 */
export function labelMatchesZone(label: string, timeZone: string, instant: Date): boolean {
  const zone = ZONE_LABELS[label];
  if (zone === undefined) return false;
  if (zone === timeZone) return true;
  return getTimezoneOffset(zone, instant) === getTimezoneOffset(timeZone, instant);
}

/**
 * The label to write after a time in `timeZone` at `instant` (`ET`, `CEST`, `UTC`), or
 * `undefined` for a zone without a common label.
 *
 * @example
 * zoneLabelFor('Europe/London', new Date('2026-07-01T12:00:00Z')); // 'BST'
 */
export function zoneLabelFor(timeZone: string, instant: Date): string | undefined {
  const entry = LABEL_FOR_ZONE[timeZone];
  if (entry === undefined || typeof entry === 'string') return entry;
  // Daylight time when the offset is larger than in mid-January (works in both hemispheres).
  const jan = getTimezoneOffset(timeZone, new Date(Date.UTC(instant.getUTCFullYear(), 0, 15)));
  const jul = getTimezoneOffset(timeZone, new Date(Date.UTC(instant.getUTCFullYear(), 6, 15)));
  const now = getTimezoneOffset(timeZone, instant);
  return now === Math.max(jan, jul) && jan !== jul ? entry[1] : entry[0];
}

/**
 * Writes `instant` as a clock time in `timeZone` with `label`, in the given style
 * (`9:30 AM ET`, `9:30 a.m. ET`, `14:30 UTC`).
 *
 * @example
 * formatClock(new Date('2026-03-03T14:30:00Z'), 'America/New_York', 'ET', '12h', false); // '9:30 AM ET'
 */
export function formatClock(
  instant: Date,
  timeZone: string,
  label: string | undefined,
  style: '12h' | '24h',
  dotted: boolean,
): string {
  const { hour, minute } = wallClock(instant, timeZone);
  let time: string;
  if (style === '12h') {
    const h12 = hour % 12 === 0 ? 12 : hour % 12;
    const pm = hour >= 12;
    time = `${h12}:${pad(minute)} ${dotted ? (pm ? 'p.m.' : 'a.m.') : pm ? 'PM' : 'AM'}`;
  } else {
    time = `${pad(hour)}:${pad(minute)}`;
  }
  return label === undefined ? time : `${time} ${label}`;
}

/** The clock style an audience in `timeZone` usually reads: 12-hour in North America, else 24-hour. */
export function preferredStyle(timeZone: string): '12h' | '24h' {
  return timeZone.startsWith('America/') ? '12h' : '24h';
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  the: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  'half a': 0.5,
  'half an': 0.5,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  'forty-five': 45,
  sixty: 60,
  ninety: 90,
};

/** A relative time written in a text: "in 30 minutes", "within the next hour". */
export interface RelativeTimeMention {
  /** UTF-16 offset of the first character (the preposition). */
  start: number;
  /** UTF-16 offset after the unit. */
  end: number;
  /** Length of the interval in minutes. */
  minutes: number;
  /** `in`, `within` or `after`, lower case. */
  preposition: string;
}

/**
 * Finds the first relative time ("in 30 minutes", "within an hour", "in half an hour").
 *
 * @example
 * findRelativeTime('Next update in 30 minutes.'); // { start: 12, end: 25, minutes: 30, preposition: 'in' }
 */
export function findRelativeTime(text: string): RelativeTimeMention | undefined {
  RELATIVE_TIME.lastIndex = 0;
  const m = RELATIVE_TIME.exec(text);
  if (m === null) return undefined;
  const amountText = m[1]!.toLowerCase();
  const amount = NUMBER_WORDS[amountText] ?? Number(amountText);
  const minutes = m[2]!.toLowerCase().startsWith('h') ? amount * 60 : amount;
  return {
    start: m.index,
    end: m.index + m[0].length,
    minutes,
    preposition: m[0].split(' ')[0]!.toLowerCase(),
  };
}
