/**
 * @module lint/find-stated-fix-times
 * Fix times stated outright, with no claim to read around a time expression: forecast labels
 * ("ETA ~ 15:30 UTC"), booked slots ("we've booked the fix deployment for 10:30"), waits ("it
 * may be 5pm before checkout is back"), the problem's end or length ("the outage ends at
 * 17:00", "expect another 45 minutes of disruption"). Part of `find-fix-times.ts`.
 */

import {
  DID_NOT_HOLD,
  DISRUPTION_AHEAD,
  ESTIMATE_GONE,
  ESTIMATE_STATED,
  FIX_AWAY,
  FIX_BOOKED,
  FIX_SCHEDULED,
  FIX_TARGETED,
  FOLLOW_UP_WORK,
  HABITUAL,
  OTHER_ETA_BEFORE,
  PLANNED_MAINTENANCE,
  PROBLEM_ENDS,
  READER_WAIT,
  ROUTINE,
  SLOT_CONSEQUENCE,
  SLOT_UNDONE,
  TIME_NEEDED,
  WAIT_BEFORE,
  WORK_BOOKED,
} from './fix-time';
import { isReportedOrQuestion, nearestRecoveryTerm } from './fix-time-claims';
import { PAST_BEFORE, UPDATE_WORD } from './phrases';
import type { TextDocument } from './text';
import type { TopicMatch } from './types';

/** A status-page heading before a sentence: "Update - ", "Monitoring: ", "Update 3 - ". */
const STATUS_HEADING =
  /^\s*(?:update|investigating|identified|monitoring|resolved|postmortem|status)\s*(?:[-–—:|]|\s\d)[^\w]*/i;

/**
 * Adds to `out` the fix times `doc` states outright (topic `fixTime`), skipping any that
 * overlap a match already in `out`: quoted, negated, reported, routine, planned, given up or
 * about something else is no promise.
 */
export function findStatedFixTimes(doc: TextDocument, out: TopicMatch[]): void {
  const text = doc.text;
  const stated = (m: RegExpExecArray) => {
    const start = m.index;
    const end = start + m[0].length;
    if (out.some((o) => o.start < end && start < o.end)) return;
    if (doc.isQuoted(start, end) || doc.isNegated(start) || isReportedOrQuestion(doc, start)) return;
    const sentence = doc.sentenceAt(start);
    // "the outage took just under four hours to fix", "it was another 2 hours before we
    // noticed": a length told as history.
    if (/\b(?:took|lasted|was|were|had\s+been)\s+(?:[\w'’-]+\s+){0,2}$/i.test(doc.clausePrefix(start)))
      return;
    const whole = text.slice(sentence.start, sentence.end);
    if (FOLLOW_UP_WORK.test(whole) || ROUTINE.test(whole) || HABITUAL.test(whole)) return;
    if (PLANNED_MAINTENANCE.test(whole) || DID_NOT_HOLD.test(text.slice(end, sentence.end))) return;
    // A status-page heading ("Update - ", "Monitoring: ") is not what the time is about.
    const before = text.slice(Math.max(sentence.start, start - 24), start).replace(STATUS_HEADING, '');
    if (OTHER_ETA_BEFORE.test(before) || UPDATE_WORD.test(before)) return;
    // "an ETA of 15:30 on every delivery": a label of each thing, not of the fix.
    if (
      /\ban\s+$/i.test(before) &&
      /^\s+(?:on|for)\s+(?:every|each|all|your)\b/i.test(text.slice(end, end + 20))
    )
      return;
    if (
      ESTIMATE_GONE.test(doc.clausePrefix(start)) ||
      SLOT_UNDONE.test(text.slice(end, doc.clauseAt(start).end))
    )
      return;
    if (/\s+before$/i.test(m[0])) {
      // "it may be 5pm before checkout is back" waits for a recovery; "before our next update" does not.
      const after = text.slice(end, sentence.end);
      const recovers =
        nearestRecoveryTerm(doc, end, sentence.end, start, end) !== undefined ||
        /\b(?:again|back|online|recovers?|works?|working|catch(?:es)?\s+up|clears?|settle\w*|on\s+track|normal)\b/i.test(
          after,
        );
      if (!recovers || UPDATE_WORD.test(after)) return;
    }
    out.push({ topic: 'fixTime', start, end, text: m[0] });
  };
  doc.eachMatch(ESTIMATE_STATED, stated);
  doc.eachMatch(FIX_SCHEDULED, stated);
  // "we had booked the rollback for 13:15", "we were pushing the fix at 5pm when...": a slot
  // that is history.
  const bookedBefore = (m: RegExpExecArray) =>
    /\b(?:had|was|were)\s+$/i.test(text.slice(Math.max(doc.sentenceAt(m.index).start, m.index - 8), m.index));
  doc.eachMatch(FIX_BOOKED, (m) => {
    // "we scheduled the restart for 2am and it went fine": history after the slot, too.
    const rest = text.slice(m.index + m[0].length, doc.sentenceAt(m.index).end);
    if (!bookedBefore(m) && !PAST_BEFORE.test(rest)) stated(m);
  });
  doc.eachMatch(WAIT_BEFORE, stated);
  doc.eachMatch(DISRUPTION_AHEAD, stated);
  doc.eachMatch(PROBLEM_ENDS, stated);
  doc.eachMatch(FIX_AWAY, stated);
  doc.eachMatch(FIX_TARGETED, stated);
  doc.eachMatch(READER_WAIT, stated);
  doc.eachMatch(TIME_NEEDED, stated);
  doc.eachMatch(WORK_BOOKED, (m) => {
    // Only with what the work brings about: "..., which will clear the SSL errors".
    const end = m.index + m[0].length;
    const sentenceEnd = doc.sentenceAt(m.index).end;
    const rest = text.slice(end, sentenceEnd);
    const recovers = nearestRecoveryTerm(doc, end, sentenceEnd, m.index, end) !== undefined;
    if (
      !bookedBefore(m) &&
      recovers &&
      SLOT_CONSEQUENCE.test(rest) &&
      !PAST_BEFORE.test(rest) &&
      !UPDATE_WORD.test(rest)
    )
      stated(m);
  });
}
