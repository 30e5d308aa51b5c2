/**
 * @module lint/fix-time-claims
 * The claim a time expression belongs to: the nearest recovery word, a problem that lasts, a
 * recovery noun's own claim, and whether the team only watches it. Used by `find-fix-times.ts`.
 */

import {
  NOT_THE_CLAIM_AFTER,
  OWN_CLAIM,
  PROBLEM_LASTS,
  RECOVERY_TERM,
  WATCHED_AFTER,
  WATCHING_OBJECT,
} from './fix-time';
import { eachMatch } from './phrases';
import type { Span, TextDocument } from './text';

/** Someone else's words before a claim: "you said", "customers asked", "whether". */
export const REPORTED =
  /\b(?:you|they|customers?|users?|people|some|many|several|others)\s+(?:have\s+|had\s+|['’]ve\s+)?(?:said|say|told us|mention(?:ed)?|asked|ask|wrote|wondered|wonder)\b|\bwhether\b/i;

/** True when the clause before `start` reports someone else's words, or the sentence is a question. */
export function isReportedOrQuestion(doc: TextDocument, start: number): boolean {
  if (REPORTED.test(doc.clausePrefix(start))) return true;
  const sentence = doc.sentenceAt(start);
  return doc.text.charCodeAt(sentence.end - 1) === 63; // '?'
}

/**
 * How long the problem lasts, as a claim for a time ("may continue to see issues over the next
 * hour"): the span of the sentence's {@link PROBLEM_LASTS} phrase, or `undefined`.
 */
export function problemLasting(
  doc: TextDocument,
  sentenceStart: number,
  sentenceEnd: number,
  timeStart: number,
): Span | undefined {
  const sentence = doc.text.slice(sentenceStart, sentenceEnd);
  const m = PROBLEM_LASTS.exec(sentence);
  if (m === null) return undefined;
  const start = sentenceStart + m.index;
  return start < timeStart || start > timeStart ? { start, end: start + m[0].length } : undefined;
}

/**
 * The recovery word in the sentence closest to the time expression, on either side, skipping
 * words that name another thing ("restore jobs", "paid as normal", "return the funds"), or
 * `undefined`. Offsets are into `doc.text`.
 */
export function nearestRecoveryTerm(
  doc: TextDocument,
  sentenceStart: number,
  sentenceEnd: number,
  timeStart: number,
  timeEnd: number,
): Span | undefined {
  const sentence = doc.text.slice(sentenceStart, sentenceEnd);
  let best: Span | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  eachMatch(RECOVERY_TERM, sentence, (r) => {
    const start = sentenceStart + r.index;
    const end = start + r[0].length;
    if (start >= timeStart && end <= timeEnd) return;
    // "restore jobs", "recovery codes", "delivered out of order", "paid as normal": not a recovery.
    if (NOT_THE_CLAIM_AFTER.test(doc.text.slice(end, end + 24))) return;
    // "please return the books within 3 weeks": the reader's errand, not a recovery.
    if (
      /^return/i.test(r[0]) &&
      /\b(?:please|kindly|you\s+(?:must|should|can|may))\s+$/i.test(
        doc.text.slice(Math.max(sentenceStart, start - 16), start),
      )
    )
      return;
    // "may take until the 9th to return the funds": money handed back, not a recovery.
    if (
      /^return/i.test(r[0]) &&
      /^\s+(?:the\s+|your\s+|any\s+)?(?:funds|money|payments?|deposits?|refunds?|charges?|amounts?)\b/i.test(
        doc.text.slice(end, end + 24),
      )
    )
      return;
    if (/^normal$/i.test(r[0]) && /\bas\s+$/i.test(doc.text.slice(Math.max(sentenceStart, start - 4), start)))
      return;
    const distance = end <= timeStart ? timeStart - end : start - timeEnd;
    if (distance >= 0 && distance < bestDistance) {
      bestDistance = distance;
      best = { start, end };
    }
  });
  return best;
}

/** True when nothing but punctuation comes before `offset` in its clause (or after the clause's last "and"). */
export function opensClause(doc: TextDocument, offset: number): boolean {
  return /^[\s\p{P}]*$/u.test(
    doc
      .clausePrefix(offset)
      .split(/\band\b/i)
      .pop() ?? '',
  );
}

// "the fix should be live", "a fix was in place": a recovery noun names what is promised; the
// claim is the recovery word after it in the same clause, when there is one.
const RECOVERY_NOUN = /^(?:fix(?:es)?|resolution|restoration|recovery|repairs?|resumption)$/i;

/** The claim of a recovery noun: the recovery word after it in its clause, else the noun itself. */
export function claimAfterNoun(doc: TextDocument, noun: Span): Span {
  if (!RECOVERY_NOUN.test(doc.text.slice(noun.start, noun.end))) return noun;
  const rest = doc.text.slice(noun.end, doc.clauseAt(noun.start).end);
  RECOVERY_TERM.lastIndex = 0;
  const next = RECOVERY_TERM.exec(rest);
  RECOVERY_TERM.lastIndex = 0;
  return next === null ? noun : { start: noun.end + next.index, end: noun.end + next.index + next[0].length };
}

/**
 * True when the claim is what the team watches and the time, in the same clause, is how long it
 * watches: "We will keep monitoring the fix over the next few hours", "The fix will be
 * monitored for the next hour". Monitoring after a fix for a stated period is what the runbook
 * asks for. A claim of its own after the watched word in that clause ("monitoring the fix and
 * expect it within the hour") still counts; a watch word that is the subject ("Tracking
 * resumes at 8am") is no watcher.
 */
export function watchedInClause(doc: TextDocument, claim: Span, timeStart: number, timeEnd: number): boolean {
  const text = doc.text;
  const clause = doc.clauseAt(claim.start);
  let timeClause = doc.clauseAt(timeStart);
  // "For the next hour, we will watch the fix": a time alone before a comma leads the next clause.
  if (opensClause(doc, timeStart) && /^[\s\p{P}]*$/u.test(text.slice(timeEnd, timeClause.end)))
    timeClause = doc.clauseAt(timeClause.end);
  if (clause.start !== timeClause.start) return false;
  const rest = text.slice(claim.end, clause.end);
  const lead = text.slice(clause.start, claim.start);
  // "Tracking restarts at 8am", "Monitoring resumes tomorrow": the watch word is the subject
  // that recovers (parcel tracking, a monitoring service), not someone watching.
  const subject = /^[\s\p{P}]*(?:track|monitor|watch)\w*\s+$/iu.test(lead);
  const watched = (!subject && WATCHING_OBJECT.test(lead)) || WATCHED_AFTER.test(rest);
  return watched && !OWN_CLAIM.test(rest);
}
