/**
 * @module time/spelled-clock-times
 * Clock times written in words: "half past four", "a quarter to five pm", "four thirty",
 * "three o'clock", "ten am", "half four", "noon". The vocabulary (one RegExp source, shared with
 * the linter's fix-time phrases) and what a match means. chrono-node reads clock times in
 * digits and "noon"/"midnight"; these are the ones it leaves unread.
 */

const HOURS = 'one two three four five six seven eight nine ten eleven twelve'.split(' ');
const HOUR_WORD = `(?:${HOURS.join('|')})`;
// Minutes in words before "past", "after", "to", "till" or "of" an hour: "twenty past four".
const MINUTES_WORD = '(?:five|ten|twenty(?:[- ]five)?|(?:a\\s+)?quarter|half)';
const MERIDIEM = '\\s?[ap]\\.?m\\.?';
const NOT_A_COUNT = '(?!\\s*(?:%|per\\s?cent|minutes|hours|days))';

/** "half past four", "a quarter to five", "ten after three", "quarter-past 4", "twenty to five o'clock". */
const RELATIVE = `${MINUTES_WORD}(?:\\s+minutes)?(?:\\s+|-)(?:past|after|to|till|of)(?:\\s+|-)(?:${HOUR_WORD}|\\d{1,2})(?:\\s+o['’]clock|${MERIDIEM})?${NOT_A_COUNT}`;
/** "half four", "half four pm" (half past four, as said in Britain). */
const HALF_HOUR = `half\\s+${HOUR_WORD}(?:${MERIDIEM})?`;
/** "four thirty", "four-fifteen pm", "eleven forty-five". */
const HOUR_MINUTES = `${HOUR_WORD}(?:\\s+|-)(?:fifteen|thirty|forty[- ]five)(?:${MERIDIEM})?`;
/** "three o'clock", "5 o'clock". */
const O_CLOCK = `(?:${HOUR_WORD}|\\d{1,2})\\s+o['’]clock`;
/** "ten am". */
const HOUR_MERIDIEM = `${HOUR_WORD}${MERIDIEM}`;
/** "noon", "twelve noon", "12 midnight", "midday", "mid-day" (chrono-node reads these itself). */
const NOON_OR_MIDNIGHT = '(?:(?:twelve|12)\\s+)?(?:noon|midnight)|mid-?day';

/**
 * A clock time in words, as a RegExp source without capture groups (to embed in larger
 * patterns): "noon", "half past four", "quarter to 5 pm", "four thirty", "ten am".
 */
export const SPELLED_TIME = [
  NOON_OR_MIDNIGHT,
  RELATIVE,
  HALF_HOUR,
  HOUR_MINUTES,
  O_CLOCK,
  HOUR_MERIDIEM,
].join('|');

/** The spelled times chrono-node does not read (all but noon and midnight), whole words. */
const UNREAD_BY_CHRONO = new RegExp(
  `(?<![\\w-])(?:${[RELATIVE, HALF_HOUR, HOUR_MINUTES, O_CLOCK, HOUR_MERIDIEM].join('|')})(?![\\w-])`,
  'gi',
);

/** What a spelled clock time says. */
export interface SpelledClockTime {
  /** UTF-16 offset of the first character. */
  readonly start: number;
  /** UTF-16 offset after the last character. */
  readonly end: number;
  /** Hour 0-23 when AM/PM was written; else 0-11 (morning reading; see `eitherHalf`). */
  readonly hour: number;
  /** Minute 0-59. */
  readonly minute: number;
  /** True when AM/PM was written (and `hour` is on the 24-hour clock). */
  readonly meridiem: boolean;
  /** True when AM/PM was written with dots (`a.m.`). */
  readonly dotted: boolean;
}

const MINUTE_VALUES: Readonly<Record<string, number>> = {
  five: 5,
  ten: 10,
  quarter: 15,
  twenty: 20,
  half: 30,
};
const hourValue = (word: string): number => {
  const spelled = HOURS.indexOf(word.toLowerCase());
  return spelled >= 0 ? spelled + 1 : Number(word);
};

/**
 * Finds the clock times written in words that chrono-node leaves unread ("half past four",
 * "four thirty pm", "three o'clock", "ten am"), in order, with their hour and minute. An hour
 * above 12 in digits ("quarter past 17") is not a clock time and is skipped.
 *
 * @example
 * findSpelledClockTimes('Next update at half past four.')[0]; // { hour: 4, minute: 30, meridiem: false, ... }
 * findSpelledClockTimes('by a quarter to five pm')[0]; // { hour: 16, minute: 45, meridiem: true, ... }
 */
export function findSpelledClockTimes(text: string): SpelledClockTime[] {
  const out: SpelledClockTime[] = [];
  for (const m of text.matchAll(UNREAD_BY_CHRONO)) {
    const written = m[0].toLowerCase();
    const words = written
      .replace(/o['’]clock|[ap]\.?m\.?$/g, ' ')
      .split(/[\s-]+/)
      .filter(Boolean);
    let hour: number;
    let minute: number;
    const relation = words.findIndex((w) => ['past', 'after', 'to', 'till', 'of'].includes(w));
    if (relation >= 0) {
      const minutes = words.slice(0, relation).filter((w) => w !== 'a' && w !== 'minutes');
      const amount = minutes.reduce((sum, w) => sum + (MINUTE_VALUES[w] ?? 0), 0);
      const base = hourValue(words[relation + 1]!);
      const before = ['to', 'till', 'of'].includes(words[relation]!);
      hour = before ? base - 1 : base;
      minute = before ? 60 - amount : amount;
    } else if (words[0] === 'half') {
      hour = hourValue(words[1]!);
      minute = 30;
    } else {
      hour = hourValue(words[0]!);
      const rest = words.slice(1).join(' ');
      minute = rest === 'fifteen' ? 15 : rest === 'thirty' ? 30 : rest.startsWith('forty') ? 45 : 0;
    }
    if (!(hour >= 0 && hour <= 12)) continue;
    const meridiem = /[ap]\.?m\.?$/.exec(written);
    const start = m.index;
    const end = start + m[0].length;
    const twelveHour = hour % 12;
    out.push({
      start,
      end,
      hour: meridiem ? twelveHour + (meridiem[0].startsWith('p') ? 12 : 0) : twelveHour,
      minute,
      meridiem: meridiem !== null,
      dotted: meridiem?.[0].includes('.') === true,
    });
  }
  return out;
}
