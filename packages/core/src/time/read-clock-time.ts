/**
 * @module time/read-clock-time
 * Reads a written clock time back into an instant: the day it names (or the one meant), the
 * zone its label names for this reader, and whether the label leaves the instant in doubt
 * (a generic label in the repeated hour, an abbreviation with two meanings).
 */
import { type ClockMention, findClockTimes } from './find-clock-times';
import { offsetMinutesAt, wallClockAt } from './time-zone';
import { labelsAt, offsetLabel } from './zone-label';
import { LABEL_MEANINGS, type LabelMeaning } from './zone-names';

/** What a written clock time is read against. */
export interface ClockTimeReference {
  /** When the text is (or was) sent; days such as "tomorrow" count from here. */
  now?: Date | undefined;
  /** When the next update is due, when a schedule is known: a time without a day is read as its occurrence closest to this. */
  due?: Date | undefined;
  /** IANA zone of the reader: the zone of a time without a label, and the meaning of labels it uses (IST, CST). */
  timeZone?: string | undefined;
}

/** Why a written label does not name one instant by itself. */
export type LabelDoubt =
  | {
      /** A generic label ("1:30 AM ET") inside the hour that happens twice when clocks go back. */
      kind: 'repeated-hour';
      /** The specific label of the instant read ("EDT" or "EST"). */
      specific: string;
      /** The specific label of the other instant with the same wall time. */
      other: string;
    }
  | {
      /** An abbreviation with several meanings (IST, CST) that the reader's zone does not settle. */
      kind: 'ambiguous-label';
      /** The offset it was read as, e.g. "UTC+5:30". */
      readAs: string;
    };

/** A clock time read into an instant. */
export interface ClockReading {
  /** The instant the text means. */
  at: Date;
  /** Set when the label alone does not settle the instant; `at` is then the likeliest reading. */
  doubt?: LabelDoubt;
}

/**
 * How long after a clock time passed it is still read as that (missed) time rather than as the
 * same time tomorrow: 6 hours. "Next update by 9:00 AM" written at 9:15 AM is a stale time;
 * "Next update by 10:30 AM" written at 7 PM means tomorrow morning.
 */
export const RECENTLY_PASSED_MINUTES = 6 * 60;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

interface Candidate {
  at: number;
  doubt?: LabelDoubt;
}

/**
 * The instants at which a zone's clock shows a wall time (in UTC arithmetic): none or one
 * normally, two in the repeated hour. A wall time skipped when clocks go forward is read with
 * the offset before the change (2:30 AM on a spring-forward night is 3:30 AM).
 */
function zoneInstants(wallMs: number, zone: string): number[] {
  const offsets = new Set([
    offsetMinutesAt(wallMs - DAY_MS, zone),
    offsetMinutesAt(wallMs, zone),
    offsetMinutesAt(wallMs + DAY_MS, zone),
  ]);
  const out: number[] = [];
  for (const offset of offsets) {
    const at = wallMs - offset * MINUTE_MS;
    if (offsetMinutesAt(at, zone) === offset && !out.includes(at)) out.push(at);
  }
  if (out.length === 0) out.push(wallMs - offsetMinutesAt(wallMs - DAY_MS, zone) * MINUTE_MS);
  return out.sort((a, b) => a - b);
}

/** Instants in a zone, each marked when the wall time happens twice and the label was generic. */
function inZone(wallMs: number, zone: string, generic: boolean): Candidate[] {
  const instants = zoneInstants(wallMs, zone);
  if (instants.length < 2 || !generic) return instants.map((at) => ({ at }));
  const [first, second] = instants as [number, number];
  const specificOf = (at: number) => labelsAt(at, zone)[0]!;
  return [
    { at: first, doubt: { kind: 'repeated-hour', specific: specificOf(first), other: specificOf(second) } },
    { at: second, doubt: { kind: 'repeated-hour', specific: specificOf(second), other: specificOf(first) } },
  ];
}

function byMeaning(wallMs: number, meaning: LabelMeaning): Candidate[] {
  const { offsetMinutes, zone } = meaning;
  if (offsetMinutes === undefined) return zone === undefined ? [] : inZone(wallMs, zone, true);
  const at = wallMs - offsetMinutes * MINUTE_MS;
  if (zone === undefined || offsetMinutesAt(at, zone) === offsetMinutes) return [{ at }];
  // "EST" written in July: read as the zone's clock, the way people write it all year.
  return inZone(wallMs, zone, false);
}

/** The candidates for a wall time (UTC arithmetic) under what the mention's label means. */
function candidatesAt(wallMs: number, mention: ClockMention, reference: ClockTimeReference): Candidate[] {
  const { zoneLabel: label, offsetMinutes } = mention;
  const { timeZone } = reference;
  if (offsetMinutes !== undefined) return [{ at: wallMs - offsetMinutes * MINUTE_MS }];
  if (label === undefined) return timeZone === undefined ? [] : inZone(wallMs, timeZone, false);
  if (timeZone !== undefined) {
    // The label the writer prints for this reader names the reader's own clock (SAST, IST, EDT).
    const own = zoneInstants(wallMs, timeZone).filter((at) => labelsAt(at, timeZone).includes(label));
    if (own.length === 1) return [{ at: own[0]! }];
    if (own.length === 2) return inZone(wallMs, timeZone, true);
  }
  const meanings = LABEL_MEANINGS[label] ?? [];
  if (meanings.length <= 1) return meanings.flatMap((meaning) => byMeaning(wallMs, meaning));
  // Several meanings (IST, CST): the one at the reader's offset, else the first, in doubt.
  const readerOffset =
    timeZone === undefined
      ? undefined
      : offsetMinutesAt(wallMs - (meanings[0]!.offsetMinutes ?? 0) * MINUTE_MS, timeZone);
  const fitting =
    meanings.find((meaning) => meaning.zone !== undefined && meaning.zone === timeZone) ??
    meanings.find((meaning) => meaning.offsetMinutes === readerOffset);
  if (fitting !== undefined) return byMeaning(wallMs, fitting);
  const first = meanings[0]!;
  return byMeaning(wallMs, first).map((candidate) => ({
    ...candidate,
    doubt: { kind: 'ambiguous-label', readAs: offsetLabel(first.offsetMinutes ?? 0) },
  }));
}

/** Midnight (UTC arithmetic) of the reader's calendar day at `instant`. */
function readerDay(instant: Date, mention: ClockMention, timeZone: string | undefined): number {
  const zone = timeZone ?? LABEL_MEANINGS[mention.zoneLabel ?? '']?.[0]?.zone;
  if (zone !== undefined) {
    const wall = wallClockAt(instant.getTime(), zone);
    return Date.UTC(wall.year, wall.month - 1, wall.day);
  }
  const shifted = instant.getTime() + (mention.offsetMinutes ?? 0) * MINUTE_MS;
  return shifted - (((shifted % DAY_MS) + DAY_MS) % DAY_MS);
}

function candidatesOnDays(
  days: readonly number[],
  mention: ClockMention,
  reference: ClockTimeReference,
): Candidate[] {
  const clock = (mention.hour * 60 + mention.minute) * MINUTE_MS;
  // "half past four": 4:30 and 16:30 are both candidates; the rules below pick the one that fits.
  const clocks = mention.eitherHalf ? [clock, clock + HALF_DAY_MS] : [clock];
  return days.flatMap((day) => clocks.flatMap((c) => candidatesAt(day + c, mention, reference)));
}

/** The day the mention's written day names, on the reader's calendar; undefined if it needs a `now` that is missing. */
function writtenDay(mention: ClockMention, reference: ClockTimeReference): number | undefined {
  const { day } = mention;
  if (day === undefined) return undefined;
  const anchor = reference.now ?? reference.due;
  if (day.date !== undefined) {
    const year =
      day.date.year ??
      (anchor === undefined
        ? undefined
        : new Date(readerDay(anchor, mention, reference.timeZone)).getUTCFullYear());
    return year === undefined ? undefined : Date.UTC(year, day.date.month - 1, day.date.day);
  }
  if (reference.now === undefined) return undefined;
  const today = readerDay(reference.now, mention, reference.timeZone);
  if (day.daysAhead !== undefined) return today + day.daysAhead * DAY_MS;
  const weekday = new Date(today).getUTCDay();
  return today + (((((day.weekday ?? weekday) - weekday) % 7) + 7) % 7) * DAY_MS;
}

const HALF_DAY_MS = DAY_MS / 2;

const closestTo = (target: number) => (a: Candidate, b: Candidate) =>
  Math.abs(a.at - target) - Math.abs(b.at - target) || a.at - b.at;

/**
 * Reads a clock time found by `findClockTimes` into the instant it means for a reader: the one
 * reading shared by the `next-update-time` lint rule, the pre-send check, the consistency check
 * and drill scoring.
 *
 * - Day: a written day counts on the reader's calendar from `now` ("tomorrow", "Wednesday", a
 *   date); without one, the occurrence closest to `due` when given, else the reader's today
 *   (the writer leaves the day out only then) unless that passed more than
 *   {@link RECENTLY_PASSED_MINUTES} ago, then the next occurrence after `now`. A time that passed
 *   less than that ago stays that passed time, so a stale time is caught.
 * - Zone: an offset label ("UTC+5:45") is that offset; a label the writer prints for the reader's
 *   zone (SAST, IST, EDT, ET) is the reader's clock; another abbreviation is its own offset
 *   ("EST" written in July is read as ET); a time without a label is in the reader's zone.
 * - Doubt: "1:30 AM ET" in the repeated hour reads as the instant closest to `due` (else the
 *   first) with `doubt.kind` `repeated-hour`; an abbreviation with two meanings the reader's
 *   zone does not settle (IST, CST) reads as the first with `ambiguous-label`.
 *
 * @param mention - a clock time from {@link findClockTimes}.
 * @param reference - `now`, `due` and the reader's `timeZone`.
 * @returns the reading, or `undefined` with nothing to read it against (no `now` or `due`), or
 *   no zone (no label and no `timeZone`).
 * @example
 * const [t] = findClockTimes('Next update by 1:30 AM EST.');
 * readClockTime(t!, { now: new Date('2026-11-01T05:00:00Z'), timeZone: 'America/New_York' })?.at.toISOString();
 * // '2026-11-01T06:30:00.000Z' (the second 1:30 AM)
 */
export function readClockTime(
  mention: ClockMention,
  reference: ClockTimeReference,
): ClockReading | undefined {
  const { now, due, timeZone } = reference;
  const reading = (c: Candidate | undefined): ClockReading | undefined =>
    c === undefined
      ? undefined
      : c.doubt === undefined
        ? { at: new Date(c.at) }
        : { at: new Date(c.at), doubt: c.doubt };
  const day = writtenDay(mention, reference);
  if (day !== undefined) {
    const candidates = candidatesOnDays([day], mention, reference);
    return reading(due === undefined ? candidates[0] : candidates.sort(closestTo(due.getTime()))[0]);
  }
  if (mention.day !== undefined && now === undefined && due === undefined) return undefined;
  if (due !== undefined) {
    const today = readerDay(due, mention, timeZone);
    const candidates = candidatesOnDays([today - DAY_MS, today, today + DAY_MS], mention, reference);
    return reading(candidates.sort(closestTo(due.getTime()))[0]);
  }
  if (now === undefined) return undefined;
  // The writer leaves the day out only for the reader's today: today's occurrence, if it is
  // still ahead or passed less than RECENTLY_PASSED_MINUTES ago (a stale time); else the next.
  const t = now.getTime();
  const today = readerDay(now, mention, timeZone);
  const onToday = candidatesOnDays([today], mention, reference);
  // "half past four" at 9 AM is this afternoon's, not the one that passed this morning.
  const ahead = mention.eitherHalf ? onToday.find((c) => c.at > t) : undefined;
  const current = ahead ?? onToday.find((c) => c.at > t - RECENTLY_PASSED_MINUTES * MINUTE_MS);
  if (current !== undefined) return reading(current);
  const later = candidatesOnDays([today + DAY_MS, today + 2 * DAY_MS], mention, reference);
  return reading(later.find((c) => c.at > t));
}

/**
 * Whether a mention's zone label names the clock of readers in `timeZone` at `at`: one of the
 * zone's own labels, or a label at the same offset then ("UTC" for London in winter).
 *
 * @internal
 */
export function labelFitsZone(mention: ClockMention, timeZone: string, at: Date): boolean {
  const { zoneLabel: label, offsetMinutes } = mention;
  if (label === undefined) return true;
  const epochMs = at.getTime();
  const offset = offsetMinutesAt(epochMs, timeZone);
  if (offsetMinutes !== undefined) return offsetMinutes === offset;
  if (labelsAt(epochMs, timeZone).includes(label)) return true;
  const [meaning] = LABEL_MEANINGS[label] ?? [];
  if (meaning === undefined) return false;
  return (meaning.offsetMinutes ?? offsetMinutesAt(epochMs, meaning.zone ?? 'UTC')) === offset;
}

/**
 * The IANA zone a mention's label is read in when the reader's zone is unknown: the label's own
 * zone ("ET": New York), UTC for an offset of zero; `undefined` for other offsets and labels
 * without one zone.
 *
 * @internal
 */
export function labelZone(mention: ClockMention): string | undefined {
  if (mention.offsetMinutes === 0) return 'UTC';
  if (mention.zoneLabel === undefined || mention.offsetMinutes !== undefined) return undefined;
  return LABEL_MEANINGS[mention.zoneLabel]?.[0]?.zone;
}

/**
 * The instant a written clock time means, as {@link readClockTime} reads it (without the doubt).
 *
 * @example
 * const [t] = findClockTimes('Next update by 10:30 AM ET tomorrow.');
 * resolveWrittenClockTime(t!, { now: new Date('2026-03-04T00:00:00Z') })?.toISOString(); // '2026-03-04T15:30:00.000Z'
 */
export function resolveWrittenClockTime(
  mention: ClockMention,
  reference: ClockTimeReference,
): Date | undefined {
  return readClockTime(mention, reference)?.at;
}

/**
 * Reads the first clock time in a text, the inverse of `formatUpdateTime`: for every zone and
 * label style it writes, `readUpdateTime(formatUpdateTime(t, zone, { relativeTo: now }), { now,
 * timeZone: zone })` is `t` (to the minute).
 *
 * @param text - text holding a clock time, e.g. "Next update by 1:30 AM EST.".
 * @param reference - `now`, `due` and the reader's `timeZone` ({@link readClockTime}).
 * @returns the instant, or `undefined` when the text holds no clock time or it cannot be read.
 * @example
 * readUpdateTime('tomorrow 00:15 CET', { now: new Date('2026-03-03T20:00:00Z'), timeZone: 'Europe/Berlin' })?.toISOString();
 * // '2026-03-03T23:15:00.000Z'
 */
export function readUpdateTime(text: string, reference: ClockTimeReference): Date | undefined {
  const [mention] = findClockTimes(text);
  return mention === undefined ? undefined : resolveWrittenClockTime(mention, reference);
}
