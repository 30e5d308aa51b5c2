/**
 * @module publish/consistency
 * `checkConsistency`: do the audiences' messages of one version say the same thing about what
 * is broken, who is affected, what to do and when the next update is? Names the differing fact.
 */

import type { StatusUpdate } from '../incident/events';
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
import type { ApprovedMessage } from '../message';
import { type ClockMention, findClockTimes, findDayWord, resolveWrittenClockTime } from '../time/index';
import type { Audience, Scope, Status } from '../vocabulary';

/**
 * One audience's message as handed to {@link checkConsistency}: an {@link ApprovedMessage}, or
 * a hand-edited text with its audience (plus whatever is known about it).
 */
export interface ConsistencyMessage {
  audience: Audience;
  /** Plain-text body. */
  text: string;
  /** How to name this message in findings (default: the audience), e.g. `Priya's reply`. */
  label?: string | undefined;
  /** Status-update version it claims to render. */
  version?: number | undefined;
  status?: Status | undefined;
  /** ISO-8601 UTC next-update instant carried alongside the text. */
  nextUpdateAt?: string | undefined;
  /** ISO-8601 UTC instant the message went (or goes) out; resolves written clock times. */
  publishedAt?: string | undefined;
  /** IANA zone for clock times written without a zone label. */
  timeZone?: string | undefined;
}

/** The facts compared across audiences (the practice's four questions, plus version and status). */
export type ConsistencyFact =
  | 'version'
  | 'status'
  | 'whatIsBroken'
  | 'whoIsAffected'
  | 'customerAction'
  | 'nextUpdate';

/** One fact that differs, with each variant and the audiences that say it. */
export interface Inconsistency {
  fact: ConsistencyFact;
  /** Plain words, e.g. `next update time differs: "9:30 AM ET" (customer, support-reply) vs "9:45 AM ET" (sales-renewal)`. */
  message: string;
  /** Each variant once, with who says it (`status update vN` for the reference). */
  variants: Array<{ value: string; audiences: string[] }>;
}

/** Result of {@link checkConsistency}. */
export interface ConsistencyReport {
  consistent: boolean;
  differences: Inconsistency[];
}

/** The source-of-truth facts to compare messages with (a {@link StatusUpdate} fits). */
export interface ConsistencyReference {
  /** How findings name it (default `status update vN`). */
  label?: string | undefined;
  version?: number | undefined;
  status?: Status | undefined;
  /** What customers see, e.g. "card payments at checkout are failing". */
  symptom?: string | undefined;
  scope?: Scope | undefined;
  customerAction?: string | undefined;
  /** ISO-8601 UTC instant of the next update. */
  nextUpdateAt?: string | undefined;
  /** ISO-8601 UTC instant; resolves messages' written clock times. */
  publishedAt?: string | undefined;
}

/** Options of {@link checkConsistency}. */
export interface ConsistencyOptions {
  /**
   * The facts the messages must match, usually the status update they render: each message
   * is also compared with it. Listed first in findings as `label` (default `status update vN`).
   */
  reference?: StatusUpdate | ConsistencyReference | undefined;
  /** ISO-8601 UTC instant to resolve written clock times against when a message has no `publishedAt`. */
  now?: string | undefined;
  /** IANA zone for unlabelled clock times when a message has no `timeZone`. */
  timeZone?: string | undefined;
}

const FACT_WORDS: Record<ConsistencyFact, string> = {
  version: 'status version',
  status: 'status',
  whatIsBroken: 'what is broken',
  whoIsAffected: 'who is affected',
  customerAction: 'what customers should do',
  nextUpdate: 'next update time',
};

const NOT_STATED = 'not stated';

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
function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / Math.min(a.size, b.size);
}

const sentencesOf = (text: string): string[] =>
  new TextDocument(text).sentences.map((s) => text.slice(s.start, s.end).trim()).filter((s) => s !== '');

interface Stated<T> {
  /** Display value, e.g. the sentence or the written time. */
  shown: string;
  value: T;
}

interface Extracted {
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
function detectScope(text: string): Stated<Scope> | undefined {
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

function statedAction(text: string): Stated<{ terms: Set<string>; negated: boolean }> {
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

function extract(message: ConsistencyMessage, label: string, options: ConsistencyOptions): Extracted {
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

interface Group<T> {
  shown: string;
  value: T;
  audiences: string[];
}

/** Clusters stated values: each joins the first group whose representative it matches. */
function cluster<T>(
  items: Array<{ label: string; stated: Stated<T> | undefined }>,
  same: (a: T, b: T) => boolean,
  missingCounts: boolean,
): Group<T | undefined>[] {
  const groups: Group<T | undefined>[] = [];
  for (const { label, stated } of items) {
    if (!stated) {
      if (!missingCounts) continue;
      const missing = groups.find((g) => g.value === undefined);
      if (missing) missing.audiences.push(label);
      else groups.push({ shown: NOT_STATED, value: undefined, audiences: [label] });
      continue;
    }
    const group = groups.find((g) => g.value !== undefined && same(g.value, stated.value));
    if (group) group.audiences.push(label);
    else groups.push({ shown: stated.shown, value: stated.value, audiences: [label] });
  }
  return groups;
}

function difference<T>(fact: ConsistencyFact, groups: Group<T>[]): Inconsistency | undefined {
  if (groups.length < 2) return undefined;
  if (groups.every((g) => g.shown === NOT_STATED || g.value === undefined)) return undefined;
  const variants = groups.map((g) => ({ value: g.shown, audiences: g.audiences }));
  const parts = variants.map(
    (v) => `${v.value === NOT_STATED ? NOT_STATED : `"${v.value}"`} (${v.audiences.join(', ')})`,
  );
  return { fact, message: `${FACT_WORDS[fact]} differs: ${parts.join(' vs ')}`, variants };
}

const sameTerms = (a: Set<string>, b: Set<string>) => overlap(a, b) >= 0.5;
const sameAction = (
  a: { terms: Set<string>; negated: boolean },
  b: { terms: Set<string>; negated: boolean },
) => a.negated === b.negated && overlap(a.terms, b.terms) >= 0.5;

function referenceFacts(ref: ConsistencyReference): Extracted {
  const out: Extracted = { label: ('label' in ref && ref.label) || `status update v${ref.version ?? '?'}` };
  if (ref.version !== undefined) out.version = { shown: `v${ref.version}`, value: ref.version };
  if (ref.status !== undefined) out.status = { shown: ref.status, value: ref.status };
  if (ref.symptom) out.broken = { shown: ref.symptom, value: terms(ref.symptom) };
  if (ref.scope !== undefined) out.scope = { shown: ref.scope, value: ref.scope };
  if (ref.customerAction) out.action = statedAction(ref.customerAction);
  if (ref.nextUpdateAt)
    out.nextUpdate = { shown: ref.nextUpdateAt, value: new Date(ref.nextUpdateAt).toISOString() };
  return out;
}

/**
 * Checks that every audience's message of one version says the same thing about what is
 * broken, who is affected (scope), what customers should do and when the next update is,
 * plus the version and status when the messages carry them; names each differing fact and
 * the audiences on each side. Wording may differ (sales and support phrase things their own
 * way); facts may not.
 *
 * How facts are read from text: the first sentence with a symptom cue ("failing", "cannot",
 * "delayed", ...) is what is broken, compared by content words; scope words ("some
 * customers", "all customers", "full outage"; the first stated, not negated) are who is
 * affected, about people only ("in every region" and "some orders" are not a scope); the
 * first advice sentence ("please ...", "do not ...", "we recommend ...", also after a
 * condition or lead-in: "If a payment fails, try it once more") is what to do, compared by
 * content words and whether the advice itself, not its condition, tells customers *not* to
 * do something; the first clock time in a sentence
 * about the next update is the next update time, read as an instant by
 * {@link resolveWrittenTime} (so "9:30 AM ET" and "14:30 UTC" agree, and "10:30 AM ET tomorrow"
 * written in the evening means the next morning), or the message's `nextUpdateAt`.
 * A message that does not state the next update or the customer action while others do
 * differs ("not stated"); not restating the symptom or scope is allowed without a
 * `reference`. With a `reference` status update, it is the first variant and every message
 * is compared with its facts.
 *
 * Practice: "every customer-facing team sends the same status: what is broken, who is
 * affected, what customers should do next, and when the next update will arrive".
 *
 * @param messages - the variants: {@link ApprovedMessage}s or hand-edited texts with audience.
 * @param options - optional reference status update, `now` and default time zone.
 * @returns `{ consistent, differences }`; `consistent` is true with fewer than two messages
 *   and no reference.
 * @example
 * checkConsistency([
 *   { audience: 'customer', text: 'Card payments are failing for some customers. Next update at 9:30 AM ET.' },
 *   { audience: 'sales-renewal', text: 'Card payments are failing for some customers. Next update at 9:45 AM ET.' },
 * ]).differences[0]?.message;
 * // 'next update time differs: "9:30 AM ET" (customer) vs "9:45 AM ET" (sales-renewal)'
 */
export function checkConsistency(
  messages: ReadonlyArray<ApprovedMessage | ConsistencyMessage>,
  options: ConsistencyOptions = {},
): ConsistencyReport {
  const seen = new Map<string, number>();
  const extracted = messages.map((message) => {
    const base = ('label' in message && message.label) || message.audience;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const consistencyMessage: ConsistencyMessage = {
      ...message,
      publishedAt: message.publishedAt ?? options.reference?.publishedAt,
    };
    return extract(consistencyMessage, n > 1 ? `${base} #${n}` : base, options);
  });
  const all = options.reference ? [referenceFacts(options.reference), ...extracted] : extracted;
  const differences: Inconsistency[] = [];
  const add = (d: Inconsistency | undefined) => {
    if (d) differences.push(d);
  };
  const resolved = all.some((e) => e.status?.value === 'resolved');
  const same = <T>(a: T, b: T) => a === b;
  add(
    difference(
      'version',
      cluster(
        all.map((e) => ({ label: e.label, stated: e.version })),
        same,
        false,
      ),
    ),
  );
  add(
    difference(
      'status',
      cluster(
        all.map((e) => ({ label: e.label, stated: e.status })),
        same,
        false,
      ),
    ),
  );
  add(
    difference(
      'whatIsBroken',
      cluster(
        all.map((e) => ({ label: e.label, stated: e.broken })),
        sameTerms,
        false,
      ),
    ),
  );
  add(
    difference(
      'whoIsAffected',
      cluster(
        all.map((e) => ({ label: e.label, stated: e.scope })),
        same,
        false,
      ),
    ),
  );
  add(
    difference(
      'customerAction',
      cluster(
        all.map((e) => ({ label: e.label, stated: e.action })),
        sameAction,
        !resolved,
      ),
    ),
  );
  add(
    difference(
      'nextUpdate',
      cluster(
        all.map((e) => ({ label: e.label, stated: e.nextUpdate })),
        same,
        !resolved,
      ),
    ),
  );
  return { consistent: differences.length === 0, differences };
}
