/**
 * @module lint/relative-time
 * Finds relative times in draft text ("in 30 minutes", "within the hour"): they drift as a
 * message is forwarded, so the next-update rule asks for a clock time instead.
 */
import { RELATIVE_TIME } from './phrases';

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
