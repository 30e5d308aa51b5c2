/**
 * @module publish/stated-facts
 * What one message states about each compared fact: what is broken, the scope, the customer
 * advice and the next update time, each read with the linter's phrase lists and the time module.
 */
import {
  ADVICE,
  ADVICE_LEAD_IN,
  ADVICE_TRAILING_CONDITION,
  NEGATED_ADVICE,
  NEXT_UPDATE,
  SCOPE_NEGATED_BEFORE,
  SCOPE_PHRASES,
  SYMPTOM,
} from '../lint/phrases';
import { TextDocument } from '../lint/text';
import { type ClockMention, findClockTimes, findDayWord, resolveWrittenClockTime } from '../time/index';
import type { Scope, Status } from '../vocabulary';
import type { ConsistencyMessage, ConsistencyOptions } from './consistency-types';

export const NOT_STATED = 'not stated';

// Words that carry no fact of their own when comparing what two messages say.
const STOP = new Set(
  (
    'a an the and or of to in on at for by with from into about as is are was were be been being it its this that ' +
    'these those we our us you your they their them there here who which what when where while now currently still ' +
    'may might can could will would should shall must not no do does did have has had more than once until please ' +
    'if any also just very so too all some many most few several every each other only again right moment time ' +
    'team engineers engineering working work investigating looking aware know known update updates next share post ' +
    'customer customers user users people account accounts everyone anyone someone affected affecting affect affects ' +
    'issue issues incident problem problems experiencing experience seeing see sorry apologize apologise'
  ).split(' '),
);

// What is broken and the next update are found with the linter's phrase lists (one place for phrases).
const SYMPTOM_CUE = new RegExp(SYMPTOM.source, 'i');
const NEXT_UPDATE_CUE = new RegExp(NEXT_UPDATE.source, 'i');
const SYMPTOM_WORDS = new Set(
  'fail fails failed failing failure failures error errors cannot unable down outage delay delays delayed missing time times timing out timeout timeouts working loading syncing arriving stopped broken unavailable slow slower'.split(
    ' ',
  ),
);
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

function stem(word: string): string {
  const w = word.toLowerCase().replace(/['’]s$/, '');
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 4 && w.endsWith('es') && !w.endsWith('ses')) return w.slice(0, -1);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

/** Content words of a text (lower case, lightly stemmed, no stop words). @internal */
export function terms(text: string, drop: ReadonlySet<string> = SYMPTOM_WORDS): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(WORD)) {
    const lower = m[0].toLowerCase();
    if (STOP.has(lower) || drop.has(lower) || /^\d/.test(lower)) continue;
    out.add(stem(lower));
  }
  return out;
}

/** Share of the smaller set found in the larger one (0 when either is empty). */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / Math.min(a.size, b.size);
}

const sentencesOf = (text: string): string[] =>
  new TextDocument(text).sentences.map((s) => text.slice(s.start, s.end).trim()).filter((s) => s !== '');

export interface Stated<T> {
  /** Display value, e.g. the sentence or the written time. */
  shown: string;
  value: T;
}

export interface Extracted {
  label: string;
  version?: Stated<number>;
  status?: Stated<Status>;
  broken?: Stated<Set<string>>;
  scope?: Stated<Scope>;
  action?: Stated<{ terms: Set<string>; negated: boolean }>;
  nextUpdate?: Stated<string>;
}

/**
 * The scope a text states ("some customers" is `some`, "all customers" or "full outage" is
 * `all`), with the words that say it; `undefined` when it states none.
 *
 * @example
 * statedScope('Payments fail for some customers.'); // { shown: 'some customers', value: 'some' }
 */
export function statedScope(text: string): { shown: string; value: Scope } | undefined {
  return detectScope(text);
}

// The first scope the text states, by position; "not all customers" states none.
export function detectScope(text: string): Stated<Scope> | undefined {
  let best: { index: number; shown: string; value: Scope } | undefined;
  for (const [scope, pattern] of SCOPE_PHRASES) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      if (best !== undefined && m.index >= best.index) break;
      if (SCOPE_NEGATED_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
      best = { index: m.index, shown: m[0], value: scope };
      break;
    }
  }
  return best === undefined ? undefined : { shown: best.shown, value: best.value };
}

/**
 * The advice a sentence gives customers, without its lead-in ("If a payment fails, try it once
 * more" gives "try it once more"); `undefined` when it gives none.
 */
function adviceOf(sentence: string): string | undefined {
  let rest = sentence;
  for (let i = 0; i < 2; i++) {
    if (ADVICE.test(rest)) return rest.replace(ADVICE_TRAILING_CONDITION, '');
    const lead = ADVICE_LEAD_IN.exec(rest);
    if (lead === null || lead[0].length === rest.length) return undefined;
    rest = rest.slice(lead[0].length);
  }
  return ADVICE.test(rest) ? rest.replace(ADVICE_TRAILING_CONDITION, '') : undefined;
}

export function statedAction(text: string): Stated<{ terms: Set<string>; negated: boolean }> {
  const advice = adviceOf(text) ?? text;
  return { shown: text, value: { terms: terms(text, new Set()), negated: NEGATED_ADVICE.test(advice) } };
}

/** What {@link resolveWrittenTime} reads a clock time against. */
export interface WrittenTimeContext {
  /** ISO-8601 UTC instant the text is (or was) sent. */
  now: string;
  /** ISO-8601 UTC instant the next update is due, when a schedule is known. */
  due?: string | undefined;
  /** IANA zone of the reader; also the zone of a time written without a zone label. */
  timeZone?: string | undefined;
}

/**
 * The instant a clock time written in `sentence` means, read exactly as the linter's
 * `next-update-time` rule reads it: with a day word in the sentence ("tomorrow", "tonight",
 * "Wednesday") the day is counted on the reader's calendar from `now`; without one, the
 * occurrence closest to `due` when a time is due, else the time's next occurrence after `now`
 * (a time that passed less than `RECENTLY_PASSED_MINUTES` ago stays that passed time, so a stale
 * time is caught). One reading for the linter, the pre-send check and the consistency check.
 *
 * Practice: "use a clock time with a zone for the next update" — a reader sees one instant.
 *
 * @param mention - a clock time found in `sentence` ({@link findClockTimes}).
 * @param sentence - the sentence the time is written in (searched for a day word).
 * @param context - `now`, optional `due`, and the reader's `timeZone`.
 * @returns the instant, or `undefined` when the time has no zone label and no `timeZone` is given.
 * @example
 * const sentence = 'Next update by 10:30 AM ET tomorrow.';
 * const [time] = findClockTimes(sentence);
 * resolveWrittenTime(time!, sentence, { now: '2026-03-04T00:00:00Z' })?.toISOString();
 * // '2026-03-04T15:30:00.000Z' (written at 7 PM ET on Tuesday: Wednesday 10:30 AM ET)
 */
export function resolveWrittenTime(
  mention: ClockMention,
  sentence: string,
  context: WrittenTimeContext,
): Date | undefined {
  const day = mention.day ?? findDayWord(sentence);
  return resolveWrittenClockTime(day === undefined ? mention : { ...mention, day }, {
    now: new Date(context.now),
    due: context.due === undefined ? undefined : new Date(context.due),
    timeZone: context.timeZone,
  });
}

/**
 * The next-update time a text states: the first clock time in a sentence about the next
 * update, as written (`shown`, with its day word if any) and as an ISO-8601 instant (`value`,
 * read with {@link resolveWrittenTime} from `reference`, against `due` when given; the written
 * hour, minute, zone and day when there is no reference instant or zone).
 *
 * @param text - the message text.
 * @param reference - ISO-8601 UTC instant the text is sent.
 * @param timeZone - the reader's IANA zone (zone of unlabelled times).
 * @param due - ISO-8601 UTC instant the next update is due, when known.
 * @example
 * statedNextUpdate('Next update at 9:30 AM ET.', '2026-03-03T14:15:00Z')?.value; // '2026-03-03T14:30:00.000Z'
 * statedNextUpdate('Next update by 10:30 AM ET tomorrow.', '2026-03-04T00:00:00Z')?.value; // '2026-03-04T15:30:00.000Z'
 */
export function statedNextUpdate(
  text: string,
  reference?: string,
  timeZone?: string,
  due?: string,
): { shown: string; value: string } | undefined {
  return nextUpdateOf({ audience: 'customer', text, publishedAt: reference, timeZone }, {}, due);
}

function nextUpdateOf(
  message: ConsistencyMessage,
  options: ConsistencyOptions,
  due: string | undefined,
): Stated<string> | undefined {
  const reference = message.publishedAt ?? options.now;
  const zone = message.timeZone ?? options.timeZone;
  for (const sentence of sentencesOf(message.text)) {
    if (!NEXT_UPDATE_CUE.test(sentence)) continue;
    const mention = findClockTimes(sentence)[0];
    if (!mention) continue;
    const day = mention.day ?? findDayWord(sentence);
    const dayApart = day !== undefined && (day.start < mention.start || day.end > mention.end);
    const shown = dayApart ? `${mention.text} ${day.text}` : mention.text;
    const instant = reference
      ? resolveWrittenTime(mention, sentence, { now: reference, due, timeZone: zone })
      : undefined;
    // Without a reference instant or zone, compare the time as written (hour, minute, label, day).
    const value = instant
      ? instant.toISOString()
      : [
          `${mention.hour}:${String(mention.minute).padStart(2, '0')}`,
          mention.zoneLabel ?? zone,
          dayApart ? day.text.toLowerCase() : undefined,
        ]
          .filter((part) => part !== undefined && part !== '')
          .join(' ');
    return { shown, value };
  }
  if (message.nextUpdateAt)
    return { shown: message.nextUpdateAt, value: new Date(message.nextUpdateAt).toISOString() };
  return undefined;
}

export function extract(message: ConsistencyMessage, label: string, options: ConsistencyOptions): Extracted {
  // A text's time is read against the schedule the reference carries, as the linter reads it.
  const due = options.reference?.nextUpdateAt;
  const sentences = sentencesOf(message.text);
  const out: Extracted = { label };
  if (message.version !== undefined) out.version = { shown: `v${message.version}`, value: message.version };
  if (message.status !== undefined) out.status = { shown: message.status, value: message.status };
  const brokenSentence = sentences.find((s) => SYMPTOM_CUE.test(s));
  if (brokenSentence) out.broken = { shown: brokenSentence, value: terms(brokenSentence) };
  const scope = detectScope(message.text);
  if (scope) out.scope = scope;
  const actionSentence = sentences.find((s) => adviceOf(s) !== undefined);
  if (actionSentence) out.action = statedAction(actionSentence);
  const next = nextUpdateOf(message, options, due);
  if (next) out.nextUpdate = next;
  return out;
}
