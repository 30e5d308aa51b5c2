/**
 * @module time/spelled-clock-times
 * Clock times written in words: "half past four", "a quarter to five pm", "four thirty",
 * "four oh five", "three o'clock", "ten am", "half four", "quarter past 4pm", "noon". The
 * vocabulary (one RegExp source, shared with the linter's fix-time phrases) and what a match
 * means. chrono-node reads clock times in digits and "noon"/"midnight"; these are the ones it
 * leaves unread or reads only in part.
 */

const HOURS = 'one two three four five six seven eight nine ten eleven twelve'.split(' ');
const HOUR_WORD = `(?:${HOURS.join('|')})`;
const UNITS = '(?:one|two|three|four|five|six|seven|eight|nine)';
const MERIDIEM = '\\s?[ap]\\.?m\\.?';
const O_CLOCK_WORD = "o['’]?\\s?clock";
// The hour a relative time counts from: "past four", "to 5pm", "to midnight".
const HOUR_NAMED = `(?:${HOUR_WORD}|\\d{1,2}|noon|midnight)`;
// Minutes before "past", "after", "to", "till" or "of" an hour: "twenty past four", "10 minutes to 5".
const MINUTES_BEFORE = `(?:(?:five|ten|fifteen|twenty(?:[- ]five)?|(?:a\\s+)?quarter|half)(?:\\s+minutes)?|\\d{1,2}\\s+minutes)`;
// Minutes after an hour word: "four thirty", "ten fifty-five", "four oh five".
const MINUTES_AFTER = `(?:oh[- ]${UNITS}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty)(?:[- ]${UNITS})?)`;

/** "half past four", "a quarter to five", "ten after three", "quarter-past 4pm", "twenty to midnight". */
const RELATIVE = `(?:${MINUTES_BEFORE}(?:\\s+|-)(?:past|after|to|till)|(?:a\\s+)?quarter\\s+of)(?:\\s+|-)${HOUR_NAMED}(?:\\s+${O_CLOCK_WORD}|${MERIDIEM})?`;
/** "half four", "half four pm" (half past four, as said in Britain). */
const HALF_HOUR = `half\\s+${HOUR_WORD}(?:${MERIDIEM})?`;
/** "four thirty", "four-fifteen pm", "eleven forty-five", "4 thirty", "four oh five". */
const HOUR_MINUTES = `(?:${HOUR_WORD}|\\d{1,2})(?:\\s+|-)${MINUTES_AFTER}(?:${MERIDIEM})?`;
/** "three o'clock", "5 o'clock", "five oclock". */
const O_CLOCK = `(?:${HOUR_WORD}|\\d{1,2})\\s+${O_CLOCK_WORD}`;
/** "ten am". */
const HOUR_MERIDIEM = `${HOUR_WORD}${MERIDIEM}`;
/** "four this afternoon", "ten at night": an hour the day part after it places. */
const HOUR_DAY_PART = `${HOUR_WORD}(?=\\s+(?:in\\s+the\\s+|this\\s+|at\\s+)(?:morning|afternoon|evening|night)\\b)`;
/** "noon", "twelve noon", "12 midnight", "midday", "mid-day" (chrono-node reads these itself). */
const NOON_OR_MIDNIGHT = '(?:(?:twelve|12)\\s+)?(?:noon|midnight)|mid-?day';
// What follows a count, not a time: "five to ten failed logins", "five of six regions", "two
// thirty minute gaps", "ten to fifteen percent". One word may come between ("failed logins");
// a plural or a unit right after the number is a count. Small words and day words are not.
const FUNCTION_WORD =
  '(?:and|or|but|when|as|so|if|we|you|they|the|then|at|on|in|this|tomorrow|today|tonight|is|was|has|us|its|his|thus|plus|unless|across|always|perhaps|towards|afterwards)';
const NOT_A_COUNT = `(?![\\w-])(?!\\s*%|\\s+(?:(?!${FUNCTION_WORD}\\b)[a-z]+\\s+)?(?:(?!${FUNCTION_WORD}\\b)[a-z]+s|minutes?|mins?|secs?|seconds?|hours?|hrs?|days?|percent|per|more|of|to)\\b)`;

// A range after a plural or "from", "between", "ranked" is a count: "steps five to ten",
// "levels ten to twelve", "from four to eight workers" ("it is half past four" is a time).
const NOT_A_RANGE = `(?<!\\b(?:from|between|ranked)\\s+|\\b(?!(?:is|was|as|its|has|this|us|remains|stays)\\s)[a-z]+s\\s+)`;
// After "at", "by", "before", "until" it is a time ("by half past four our engineers expect
// ..."); elsewhere a number that could count something must not be followed by what it counts.
const AFTER_TIME_WORD =
  '(?<=\\b(?:at|by|before|until|till|after|since|than)\\s+(?:(?:about|around|roughly|approximately|approx\\.?|sometime|some\\s+time)\\s+)?)';
// Every form starts with a number word, "half", "quarter" or a digit: checked first, so the
// lookbehinds run only where a time can start.
const STARTS =
  '(?=(?:a\\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|fifteen|quarter|half|\\d))';
const guarded = (forms: readonly string[]) => {
  const body = forms.join('|');
  return `${STARTS}${AFTER_TIME_WORD}(?:${body})(?![\\w-])(?!\\s*%|\\s+(?:percent|per\\s?cent|minutes|hours|days)\\b)|${STARTS}${NOT_A_RANGE}(?:${body})${NOT_A_COUNT}`;
};

/**
 * A clock time in words, as a RegExp source without capture groups (to embed in larger
 * patterns): "noon", "half past four", "quarter to 5 pm", "four thirty", "ten am".
 */
export const SPELLED_TIME = `${NOON_OR_MIDNIGHT}|${guarded([RELATIVE, HALF_HOUR, HOUR_MINUTES, O_CLOCK, HOUR_MERIDIEM])}`;

/** The spelled times chrono-node does not read whole (all but a bare noon or midnight). */
const UNREAD_BY_CHRONO = new RegExp(
  `\\b(?<![\\w-])(?:${guarded([RELATIVE, HALF_HOUR, HOUR_MINUTES, O_CLOCK, HOUR_MERIDIEM, HOUR_DAY_PART])})`,
  'gi',
);
/** The forms alone, unguarded: a cheap first look, so most texts skip the guarded search. */
const ANY_FORM = new RegExp(
  `\\b(?:${[RELATIVE, HALF_HOUR, HOUR_MINUTES, O_CLOCK, HOUR_MERIDIEM, HOUR_DAY_PART].join('|')})`,
  'i',
);
/** Words after a time that name its half of the day: "four thirty this afternoon", "ten at night". */
const HALF_AFTER =
  /^\s+(?:in\s+the\s+|this\s+|tomorrow\s+|at\s+)?(morning|afternoon|evening|night|tonight)\b/i;

/** What a spelled clock time says. */
export interface SpelledClockTime {
  /** UTF-16 offset of the first character. */
  readonly start: number;
  /** UTF-16 offset after the last character. */
  readonly end: number;
  /** Hour 0-23 when the half of the day is known; else 0-11 (see `eitherHalf`). */
  readonly hour: number;
  /** Minute 0-59. */
  readonly minute: number;
  /** True when AM/PM was written. */
  readonly meridiem: boolean;
  /**
   * True when nothing says which half of the day: no AM/PM, no noon or midnight, no day part
   * after it ("this afternoon"). "half past four" is then 4:30 or 16:30.
   */
  readonly eitherHalf: boolean;
  /** True when AM/PM was written with dots (`a.m.`). */
  readonly dotted: boolean;
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  oh: 0,
  ...Object.fromEntries(HOURS.map((w, i) => [w, i + 1])),
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  quarter: 15,
  half: 30,
};
/** "twenty five" → 25, "oh five" → 5, "15" → 15. */
const numberOf = (words: readonly string[]): number =>
  words.reduce((sum, w) => sum + (NUMBER_WORDS[w] ?? (/^\d+$/.test(w) ? Number(w) : 0)), 0);

/**
 * Finds the clock times written in words that chrono-node leaves unread or reads only in part
 * ("half past four", "quarter past 4pm", "four thirty pm", "three o'clock", "ten am"), in order,
 * with their hour and minute. A number followed by what it counts ("five to ten failed logins",
 * "two thirty minute gaps") is not a time; nor is an hour above 12 in digits ("half past 17").
 *
 * @example
 * findSpelledClockTimes('Next update at half past four.')[0]; // { hour: 4, minute: 30, eitherHalf: true, ... }
 * findSpelledClockTimes('by a quarter to five pm')[0]; // { hour: 16, minute: 45, meridiem: true, ... }
 */
export function findSpelledClockTimes(text: string): SpelledClockTime[] {
  const out: SpelledClockTime[] = [];
  if (!ANY_FORM.test(text)) return out;
  for (const m of text.matchAll(UNREAD_BY_CHRONO)) {
    const written = m[0].toLowerCase();
    const mark = /([ap])\.?m\.?$/.exec(written);
    const words = written
      .replace(/o['’]?\s?clock|\s?[ap]\.?m\.?$/g, ' ')
      .split(/[\s-]+/)
      .filter((w) => w !== '' && w !== 'a' && w !== 'minutes');
    const relation = words.findIndex((w) => ['past', 'after', 'to', 'till', 'of'].includes(w));
    // The named hour, and the minutes counted from it (negative before it).
    const hourWord = relation >= 0 ? words[relation + 1]! : words[0] === 'half' ? words[1]! : words[0]!;
    const offset =
      relation >= 0
        ? numberOf(words.slice(0, relation)) * (['past', 'after'].includes(words[relation]!) ? 1 : -1)
        : words[0] === 'half'
          ? 30
          : numberOf(words.slice(1));
    const exact = hourWord === 'noon' ? 12 : hourWord === 'midnight' ? 0 : undefined;
    const named = exact ?? numberOf([hourWord]);
    if (exact === undefined && !(named >= 1 && named <= 12)) continue;
    if (offset <= -60 || offset >= 60) continue;
    const half = mark ? mark[1] : HALF_AFTER.exec(text.slice(m.index + m[0].length))?.[1]?.toLowerCase();
    const pm =
      half === 'p' || half === 'afternoon' || half === 'evening' || half === 'night' || half === 'tonight';
    const known = exact !== undefined || half !== undefined;
    // On the 24-hour clock when the half is known (12 am is 0:00, 12 pm is noon), else on a 12-hour dial.
    const base = exact ?? (named % 12) + (known && pm ? 12 : 0);
    const day = known ? 24 * 60 : 12 * 60;
    const total = (((base * 60 + offset) % day) + day) % day;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      hour: Math.floor(total / 60),
      minute: total % 60,
      meridiem: mark !== null,
      eitherHalf: !known,
      dotted: mark?.[0].includes('.') === true,
    });
  }
  return out;
}
