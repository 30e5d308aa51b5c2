/**
 * @module time/find-clock-times
 * Finds the clock times written in a text ("1:30 AM EST", "2.30pm GMT", "tomorrow 00:15 CET",
 * "Wed, Mar 4, 12:15 AM ET", "14:45 UTC+5:45", "noon") with chrono-node's English parser, and
 * the zone label written after each. What the time means is `readClockTime`'s job.
 */
import { Chrono, configuration, type ParsedResult } from 'chrono-node/en';
import { findSpelledClockTimes } from './spelled-clock-times';
import { KNOWN_LABELS, LABEL_MEANINGS } from './zone-names';

/** The day written with a clock time: "tomorrow", "Wednesday", "Wed 4 Mar 2027". */
export interface DayMention {
  /** UTF-16 offset of the day's first character (of the whole date-time when written together). */
  start: number;
  /** UTF-16 offset after it. */
  end: number;
  /** The written words, e.g. `tomorrow`, `Wednesday`, `Wed, Mar 4`. */
  text: string;
  /** Days after the reader's today (`0` today or tonight, `1` tomorrow, `-1` yesterday). */
  daysAhead?: number;
  /** Day of the week (0 Sunday … 6 Saturday) for a weekday without a date. */
  weekday?: number;
  /** A calendar date; `year` only when written. */
  date?: { year?: number; month: number; day: number };
}

/** A clock time written in a text, before any date or zone is applied. */
export interface ClockMention {
  /** UTF-16 offset of the time's first character (or of its day, when written together). */
  start: number;
  /** UTF-16 offset after the time and its zone label. */
  end: number;
  /** The written text, e.g. `9:30 AM ET`, `tomorrow 00:15 CET`. */
  text: string;
  /** Hour 0-23. */
  hour: number;
  /** Minute 0-59. */
  minute: number;
  /** Zone label as written (`ET`, `UTC`, `UTC+5:45`, with any minus sign as `-`), if any. */
  zoneLabel: string | undefined;
  /** Minutes east of UTC when the label is an offset ("UTC+5:45" is 345, "UTC" is 0). */
  offsetMinutes?: number;
  /**
   * How the time was written: `12h` with AM/PM (`a.m.` when `dotted`), `24h`, or `word`
   * ("noon", "half past four" without AM/PM).
   */
  style: '12h' | '24h' | 'word';
  /**
   * Set when words without AM/PM leave the half of the day open ("half past four" is 4:30 or
   * 16:30): `hour` is 0-11 and a reader takes whichever of the two fits.
   */
  eitherHalf?: true;
  /** True when the meridiem was written with dots (`a.m.`). */
  dotted: boolean;
  /** The day written with the time, if any. */
  day?: DayMention;
}

// Only the parsers for clock times and the days written with them, and of those only the ones
// whose words appear in the text: the full casual set costs several times as much per sentence.
const PARSER_HINTS: ReadonlyArray<readonly [string, RegExp]> = [
  ['ENTimeExpressionParser', /\d/],
  ['ENCasualTimeParser', /\b(?:noon|midday|midnight|morning|afternoon|evening|tonight)\b/i],
  ['ENCasualDateParser', /\b(?:today|tonight|tomorrow|yesterday)\b/i],
  ['ENWeekdayParser', /\b(?:sun|mon|tue|wed|thu|fri|sat)/i],
  ['ENMonthNameLittleEndianParser', /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i],
  ['ENMonthNameMiddleEndianParser', /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i],
];
// Built on first use: a process that never reads a clock time does not pay for the parsers.
let casual: ReturnType<typeof configuration.createCasualConfiguration> | undefined;
const chronos = new Map<number, Chrono>();

/** A chrono-node parser with the parsers the text's words call for (built once per combination). */
function chronoFor(text: string): Chrono {
  let mask = 0;
  PARSER_HINTS.forEach(([, hint], i) => {
    if (hint.test(text)) mask |= 1 << i;
  });
  let chrono = chronos.get(mask);
  if (chrono === undefined) {
    casual ??= configuration.createCasualConfiguration();
    const names = new Set(PARSER_HINTS.filter((_, i) => mask & (1 << i)).map(([name]) => name));
    const parsers = casual.parsers.filter((parser) => names.has(parser.constructor.name));
    chrono = new Chrono({ parsers, refiners: casual.refiners });
    chronos.set(mask, chrono);
  }
  return chrono;
}

/** A fixed reference (Monday 2001-01-01, noon UTC): days written relative to it are counted back. */
const REFERENCE = { instant: new Date(Date.UTC(2001, 0, 1, 12)), timezone: 0 };
const REFERENCE_DAY = Date.UTC(2001, 0, 1);
const DAY_MS = 86_400_000;

/** Something shaped like a clock time; text without one skips the parser. */
const CLOCK_SHAPE = /\d[:.][0-5]\d|\d\s?[AaPp]\.?[Mm]\b|\b(?:noon|midday|midnight)\b/i;
const MINUS_SIGNS = /[−–]/g;
const CLOCK_WORD = /\b(?:noon|midday|midnight)\b/i;
const DOTTED_MERIDIEM = /\d\s?[ap]\.m\./i;
const MERIDIEM = /\d\s?[ap]\.?m\b/i;
const DOT_TIME = /\d\.[0-5]\d(?!\s?[ap]\.?m)/i;
const LEADING_WORDS = /^(?:(?:at|by|on|from|until|before|after|around)\s+)+/i;
const LABEL_SOURCE = `\\(?(?:(?:UTC|GMT)\\s?([+\\-−–])\\s?(\\d{1,2})(?::?([0-5]\\d))?|(${KNOWN_LABELS.join('|')}))\\)?(?![A-Za-z0-9])`;
const LABEL_INSIDE = new RegExp(`(?<![A-Za-z])${LABEL_SOURCE}`);
const LABEL_AFTER = new RegExp(`^\\s*${LABEL_SOURCE}`);

interface Label {
  label: string;
  offsetMinutes?: number;
  /** Where the label ends, relative to the searched text. */
  end: number;
}

function labelOf(match: RegExpExecArray): Label {
  const [whole, sign, hours, minutes, name] = match;
  const end = match.index + whole.length;
  if (name !== undefined) {
    const zero = LABEL_MEANINGS[name]?.every((m) => m.offsetMinutes === 0 && m.zone === undefined);
    return zero ? { label: name, offsetMinutes: 0, end } : { label: name, end };
  }
  const total = Number(hours) * 60 + Number(minutes ?? 0);
  const offsetMinutes = sign === '+' ? total : -total;
  const label = `UTC${sign === '+' ? '+' : '-'}${Number(hours)}${minutes === undefined ? '' : `:${minutes}`}`;
  return { label, offsetMinutes, end };
}

function dayOf(result: ParsedResult, start: number, end: number, text: string): DayMention | undefined {
  const tags = result.tags();
  const base = { start, end, text };
  const component = (name: 'year' | 'month' | 'day' | 'weekday') => result.start.get(name) ?? 0;
  if (tags.has('parser/ENCasualDateParser')) {
    const day = Date.UTC(component('year'), component('month') - 1, component('day'));
    return { ...base, daysAhead: Math.round((day - REFERENCE_DAY) / DAY_MS) };
  }
  if (
    tags.has('casualReference/morning') ||
    tags.has('casualReference/afternoon') ||
    tags.has('casualReference/evening')
  )
    return { ...base, daysAhead: 0 };
  if (result.start.isCertain('day') && result.start.isCertain('month')) {
    const date = { month: component('month'), day: component('day') };
    return { ...base, date: result.start.isCertain('year') ? { ...date, year: component('year') } : date };
  }
  if (result.start.isCertain('weekday')) return { ...base, weekday: component('weekday') };
  return undefined;
}

/**
 * Finds the clock times in `text`, in order. A bare number is not a time: it needs minutes,
 * AM/PM, or be `noon`/`midnight`; "2.30" needs AM/PM or a zone label ("2.30pm", "14.30 BST").
 * Zone labels are read when upper case and known (see `LABEL_MEANINGS`), or a UTC/GMT offset.
 * A day written with the time ("tomorrow", "Wednesday", "Wed 4 Mar") is kept in `day`; one
 * written apart in the same text ("tomorrow, by 10:30 AM ET") is attached to the time too.
 *
 * @param text - any text; a sentence is the usual unit.
 * @returns the clock mentions, possibly empty.
 * @example
 * findClockTimes('Next update by 9:30 AM ET.')[0]; // { hour: 9, minute: 30, zoneLabel: 'ET', style: '12h', ... }
 * findClockTimes('Next update by 14:45 UTC+5:45.')[0]?.offsetMinutes; // 345
 */
export function findClockTimes(text: string): ClockMention[] {
  const spelled = findSpelledClockTimes(text);
  const shaped = CLOCK_SHAPE.test(text);
  if (!shaped && spelled.length === 0) return [];
  // Minus signs as "-" (same length, so offsets into `text` hold): "UTC−3" is an offset.
  const plain = text.replace(MINUS_SIGNS, '-');
  // Spelled times need chrono too: for the day written with them ("tomorrow", "on Wednesday").
  const results = chronoFor(plain).parse(plain, REFERENCE);
  const out: ClockMention[] = [];
  let separateDay: DayMention | undefined;
  for (const result of results) {
    let written = result.text;
    let start = result.index;
    const lead = LEADING_WORDS.exec(written);
    if (lead) {
      start += lead[0].length;
      written = written.slice(lead[0].length);
    }
    if (!result.start.isCertain('hour') || !CLOCK_SHAPE.test(written)) {
      const day = dayOf(result, start, start + written.length, written);
      if (day !== undefined) separateDay ??= day;
      continue;
    }
    if (written.endsWith(')') && !written.includes('(')) written = written.slice(0, -1);
    let end = start + written.length;
    const inside = LABEL_INSIDE.exec(written);
    const after = inside ? null : LABEL_AFTER.exec(plain.slice(end, end + 16));
    const label = inside ? labelOf(inside) : after ? labelOf(after) : undefined;
    if (after && label) end += label.end;
    if (DOT_TIME.test(written) && label === undefined) continue;
    const word = CLOCK_WORD.test(written) && !/\d/.test(written);
    const hour = result.start.get('hour') ?? 0;
    out.push({
      start,
      end,
      text: text.slice(start, end),
      hour: word && /midnight/i.test(written) ? 0 : hour,
      minute: result.start.get('minute') ?? 0,
      zoneLabel: label?.label,
      ...(label?.offsetMinutes === undefined ? {} : { offsetMinutes: label.offsetMinutes }),
      style: word ? 'word' : MERIDIEM.test(written) ? '12h' : '24h',
      dotted: DOTTED_MERIDIEM.test(written),
      ...withDay(dayOf(result, start, end, text.slice(start, end))),
    });
  }
  // Times in words chrono-node leaves unread ("half past four", "ten am"), with their labels;
  // one that holds what chrono read ("quarter past 4pm", "half past noon") replaces it.
  for (const time of spelled) {
    const inside = out.filter((o) => o.start >= time.start && o.end <= time.end + 16);
    if (out.some((o) => o.start < time.end && time.start < o.end && !inside.includes(o))) continue;
    for (const o of inside) out.splice(out.indexOf(o), 1);
    const after = LABEL_AFTER.exec(plain.slice(time.end, time.end + 16));
    const label = after ? labelOf(after) : undefined;
    const end = time.end + (label?.end ?? 0);
    out.push({
      start: time.start,
      end,
      text: text.slice(time.start, end),
      hour: time.hour,
      minute: time.minute,
      zoneLabel: label?.label,
      ...(label?.offsetMinutes === undefined ? {} : { offsetMinutes: label.offsetMinutes }),
      style: time.meridiem ? '12h' : 'word',
      dotted: time.dotted,
      ...(time.eitherHalf ? { eitherHalf: true as const } : {}),
    });
  }
  if (spelled.length > 0) out.sort((a, b) => a.start - b.start);
  if (separateDay !== undefined) for (const mention of out) mention.day ??= separateDay;
  return out;
}

const withDay = (day: DayMention | undefined) => (day === undefined ? {} : { day });

/**
 * The first day written in `text` ("today", "tonight", "tomorrow", a weekday, a date), with or
 * without a clock time.
 *
 * @example
 * findDayWord('Next update by 10:30 AM ET tomorrow.')?.daysAhead; // 1
 * findDayWord('Next update Wednesday 9:00 AM ET.')?.weekday; // 3
 */
export function findDayWord(text: string): DayMention | undefined {
  for (const result of chronoFor(text).parse(text, REFERENCE)) {
    const day = dayOf(result, result.index, result.index + result.text.length, result.text);
    if (day !== undefined) return day;
  }
  return undefined;
}
