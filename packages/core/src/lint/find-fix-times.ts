/**
 * @module lint/find-fix-times
 * Reads when a time expression is a fix-time promise (topic `fixTime`): the claim it belongs
 * to, its tense and hedges, and what the time dates instead. `fix-time.ts` says what to look
 * for; `topics.ts` gathers every approval topic.
 */

import { findStatedFixTimes } from './find-stated-fix-times';
import {
  AUX_BEFORE_PARTICIPLE,
  COMES_BACK_ON,
  DATED_BY_TIME,
  DATED_NOUN,
  DAY_OPENERS,
  DID_NOT_HOLD,
  EFFORT_BEFORE,
  EFFORT_JUST_BEFORE,
  EFFORT_TOWARD,
  FIX_TIME_EXPR,
  FOLLOW_UP_WORK,
  HABITUAL,
  HEDGE_AFTER_TIME,
  MONEY_BACK_AFTER,
  NOT_BEFORE,
  PAST_NOT,
  PAST_SPAN,
  PEOPLE_SUBJECT,
  PEOPLE_SUBJECT_LEADS,
  PERSON_ACTION_AFTER,
  PLANNED_MAINTENANCE,
  READER_ACTION,
  ROUTINE,
  SCHEDULED_TO,
  SLOT_CONSEQUENCE,
  SLOT_UNDONE,
  STAFFED_SUBJECT,
  SUBJECT_CARRIED,
  WATCH_BEFORE,
  WITHDRAWN_BEFORE,
} from './fix-time';
import {
  claimAfterNoun,
  isReportedOrQuestion,
  nearestRecoveryTerm,
  opensClause,
  problemLasting,
  REPORTED,
  watchedInClause,
} from './fix-time-claims';
import {
  BACKLOG_BEFORE,
  BARE_HEDGE_BEFORE,
  BARE_HEDGED_RECOVERY,
  eachMatch,
  HEDGE_WORD,
  HEDGED_AFTER_NOUN,
  HEDGED_LASTING,
  HEDGED_RECOVERY_BEFORE,
  PAST_BEFORE,
  PERSON_BACK,
  PERSON_BACK_AFTER,
  PRESENT_RECOVERY,
  PROMISE_MODAL,
  UPDATE_WORD,
} from './phrases';
import type { TextDocument } from './text';
import type { TopicMatch } from './types';

export { isReportedOrQuestion } from './fix-time-claims';

/** Openers that give a lasting problem its end: "slow until 5pm", "errors for another hour". */
const ENDS_A_PROBLEM = new Set(['until', 'through', 'by', 'no', 'for', 'another']);
/** Openers a present-tense recovery takes as its schedule: "resumes at 15:00", "ships with the 4pm build". */
const PRESENT_SCHEDULE_OPENERS = new Set(['at', 'by', 'before', 'with', 'in', 'around']);

/**
 * The fix-time promises of a document (topic `fixTime`): every time expression a promise
 * carries, read against its claim, plus times stated outright (labels, slots, waits).
 *
 * @returns matches in text order; spans point into `doc.text`
 */
export function findFixTimes(doc: TextDocument): TopicMatch[] {
  const text = doc.text;
  const out: TopicMatch[] = [];
  eachMatch(FIX_TIME_EXPR, text, (m) => {
    const timeStart = m.index;
    const timeEnd = timeStart + m[0].length;
    const sentence = doc.sentenceAt(timeStart);
    // "next update in 30 minutes", "share more by noon": an update time, not a fix time. Only
    // the time's own clause counts: in "Update: it will be fixed in 10 minutes" or "Good news
    // - it will be back by noon" the lead-in is a heading, not what the time is about.
    // (The sentence is checked first: the clause is inside it, and cheaper to skip.)
    if (
      UPDATE_WORD.test(text.slice(Math.max(sentence.start, timeStart - 40), timeStart)) &&
      UPDATE_WORD.test(text.slice(Math.max(doc.clauseAt(timeStart).start, timeStart - 40), timeStart))
    )
      return;
    // "we will keep monitoring for the next hour": how long the team watches, not when it is fixed.
    if (WATCH_BEFORE.test(text.slice(Math.max(sentence.start, timeStart - 40), timeStart))) return;
    // A time that opens its clause ("Checkout was restored at 9 AM; by noon payments should be
    // back") is about the claim after it, not the nearest one before.
    const leads = opensClause(doc, timeStart);
    const after = leads ? nearestRecoveryTerm(doc, timeEnd, sentence.end, timeStart, timeEnd) : undefined;
    // "... and within the hour we will post an update": the time leads an update, not the claim before.
    if (leads && after === undefined && UPDATE_WORD.test(text.slice(timeEnd, doc.clauseAt(timeStart).end)))
      return;
    let recoveryNear = after ?? nearestRecoveryTerm(doc, sentence.start, sentence.end, timeStart, timeEnd);
    // "Expect failures for the next two hours" lasts; "expect delays today" only dates them.
    const lastingOf = () => {
      const lasting = problemLasting(doc, sentence.start, sentence.end, timeStart);
      return lasting && (m[1] !== undefined || !/^expect/i.test(text.slice(lasting.start, lasting.end)))
        ? lasting
        : undefined;
    };
    // "You may see errors for another 20 minutes while the fix rolls out": the problem that
    // lasts, right before the time in its clause, is the claim; not the recovery after it.
    if (recoveryNear !== undefined && recoveryNear.start >= timeEnd) {
      const lasting = lastingOf();
      if (
        lasting &&
        lasting.end <= timeStart &&
        !/^\s+to\b/i.test(text.slice(lasting.end, lasting.end + 4)) &&
        doc.clauseAt(lasting.start).start === doc.clauseAt(timeStart).start
      )
        recoveryNear = undefined;
    }
    const lastingNear = recoveryNear === undefined ? lastingOf() : undefined;
    const nearest = recoveryNear ?? lastingNear;
    // The time's first word: "by", "until", "for", "at", "no" (later than), "within", ...
    const first = /^\w+/.exec(m[0])![0].toLowerCase();
    const opener = first === 'till' ? 'until' : first;
    // "will be unavailable from 18:00", "will be slow tonight": when the problem starts or
    // happens; only an end ("until 5pm", "for another hour") dates a problem that lasts.
    if (
      recoveryNear === undefined &&
      lastingNear !== undefined &&
      m[1] === undefined &&
      !ENDS_A_PROBLEM.has(opener)
    )
      return;
    if (nearest === undefined) {
      // "errors may persist until 5pm", "logins might stay slow until this evening".
      const hedge = opener === 'until' ? HEDGED_LASTING.exec(text.slice(sentence.start, timeStart)) : null;
      if (
        hedge === null ||
        doc.isQuoted(timeStart, timeEnd) ||
        isReportedOrQuestion(doc, timeStart) ||
        MONEY_BACK_AFTER.test(text.slice(timeEnd, sentence.end)) ||
        FOLLOW_UP_WORK.test(text.slice(sentence.start, sentence.end))
      )
        return;
      const start = sentence.start + hedge.index;
      if (!out.some((o) => o.start < timeEnd && start < o.end))
        out.push({ topic: 'fixTime', start, end: timeEnd, text: text.slice(start, timeEnd) });
      return;
    }
    // The time placed before its claim ("By noon the fix should be live", "Within the hour, the
    // fix was live"): the claim runs on to its clause's end, and its tense is read there.
    const timeFirst = nearest.start >= timeEnd;
    const recovery = timeFirst ? claimAfterNoun(doc, nearest) : nearest;
    const claimRest = timeFirst ? text.slice(recovery.end, doc.clauseAt(recovery.start).end) : '';
    if (timeFirst) {
      // "By 5 PM we will post an update on the fix": an update time, with the update word between.
      const between = text.slice(timeEnd, recovery.start);
      if (UPDATE_WORD.test(between) || REPORTED.test(between)) return;
      const claim = text.slice(timeEnd, recovery.end) + claimRest;
      if (PAST_BEFORE.test(claim) && !PROMISE_MODAL.test(claim)) return;
    }
    if (watchedInClause(doc, recovery, timeStart, timeEnd)) return;
    // "error rates returned to normal within ten minutes", "the service recovered shortly
    // after": a recovery verb in the past tense with its subject before it tells history.
    if (
      recovery.end <= timeStart &&
      opener !== 'by' &&
      opener !== 'before' &&
      opener !== 'no' &&
      !HEDGE_AFTER_TIME.test(text.slice(timeEnd, timeEnd + 32)) &&
      /^\w+ed(?:\s+(?:to\s+normal|again|back|up|online))?$/i.test(text.slice(recovery.start, recovery.end)) &&
      // Adverbs or the object in between ("returned to baseline within", "fixed the checkout
      // bug shortly before"), not a verb of its own ("the repaired build rolls out at 9:30").
      !/\b(?:is|are|will|['’]ll|should|can|may|might|goes|rolls|ships|lands|deploys|comes|starts|resumes|returns|reopens)\b/i.test(
        text.slice(recovery.end, timeStart),
      ) &&
      timeStart - recovery.end <= 48 &&
      !AUX_BEFORE_PARTICIPLE.test(text.slice(Math.max(sentence.start, recovery.start - 32), recovery.start))
    )
      return;
    const start = Math.min(recovery.start, timeStart);
    const end = Math.max(recovery.end, timeEnd);
    const before = text.slice(sentence.start, start);
    // "we will be back": a person coming back; "we will be back up by 3pm" is the service.
    if (
      /^back$/i.test(text.slice(recovery.start, recovery.end)) &&
      (PERSON_BACK.test(text.slice(sentence.start, recovery.start)) ||
        PERSON_BACK_AFTER.test(text.slice(recovery.end, recovery.end + 24)))
    )
      return;
    // "our London team will be back online at 9am", "chat support will return at 10:00",
    // "Sarah is back at 2pm and will pick up your ticket": people, not the service.
    if (
      /^(?:back|available|return|online)/i.test(text.slice(recovery.start, recovery.end)) &&
      (PEOPLE_SUBJECT.test(text.slice(Math.max(sentence.start, recovery.start - 40), recovery.start)) ||
        (PEOPLE_SUBJECT_LEADS.test(text.slice(sentence.start, recovery.start)) &&
          SUBJECT_CARRIED.test(text.slice(sentence.start, recovery.start))) ||
        PERSON_ACTION_AFTER.test(text.slice(Math.max(recovery.end, timeEnd), sentence.end)))
    )
      return;
    // "Earlier we estimated recovery by 14:00 UTC": an estimate given before, not one given now.
    if (WITHDRAWN_BEFORE.test(text.slice(sentence.start, timeStart))) return;
    // "A fix was scheduled for 15:00, but ...", "the fix originally scheduled for 14:00 has been
    // postponed": a slot that is history or undone.
    if (!timeFirst && SLOT_UNDONE.test(text.slice(recovery.end, timeStart))) return;
    if (/^\s*(?:,\s*)?(?:was|were|has been|had been)\b/i.test(text.slice(timeEnd, timeEnd + 16))) return;
    const sentenceText = text.slice(sentence.start, sentence.end);
    if (ROUTINE.test(sentenceText) || PLANNED_MAINTENANCE.test(sentenceText)) return;
    if (DID_NOT_HOLD.test(text.slice(timeEnd, sentence.end))) return;
    // "bank transfers normally take hours": a routine length ("usually takes 3 hours, so expect
    // service back then" still promises).
    if (
      /^tak\w*\s+(?:[a-z]+\s+)?(?:hours|days|weeks)$/i.test(m[0]) &&
      HABITUAL.test(text.slice(sentence.start, sentence.end))
    )
      return;
    // "the form takes about 10 minutes to complete": how long a task usually takes.
    if (
      /^takes\b/i.test(m[0]) &&
      recovery.start >= timeEnd &&
      /^(?:complete|finish|done|install|restart|process)/i.test(text.slice(recovery.start, recovery.end)) &&
      !PROMISE_MODAL.test(text.slice(sentence.start, sentence.end))
    )
      return;
    if (DATED_NOUN.test(text.slice(Math.max(sentence.start, timeStart - 24), timeStart))) return;
    // In "was resolved for most and should resume shortly" the past tense belongs to the first
    // verb: after an "and" that starts a promise, only that part counts.
    const clausePrefix = doc.clausePrefix(recovery.start);
    const tail = clausePrefix.split(/\band\b/i).pop() ?? '';
    if (PAST_BEFORE.test(PROMISE_MODAL.test(tail) ? tail : clausePrefix)) return;
    // "over the subsequent two hours", "for the past hour": a span behind, not ahead. Only a
    // span (group 1) can look back: the "past" of "by half past four" is part of a clock time.
    if (m[1] !== undefined && PAST_SPAN.test(m[1])) return;
    // "working through the night": effort, not when it ends.
    if (
      (opener === 'through' || opener === 'throughout' || opener === 'over') &&
      EFFORT_BEFORE.test(text.slice(sentence.start, timeStart))
    )
      return;
    const inherentlyFuture = m[1] !== undefined;
    const claimText = before + text.slice(start, end) + claimRest;
    // "scheduled for 3pm" names the slot of what comes before it ("the fix is scheduled for
    // 3pm"); before its claim it names something else ("payouts scheduled for 3pm will be processed").
    // A slot with what it brings about still promises: "failover is planned for 12:45, after
    // which the API will be available", "a technician is booked for Thursday to repair the line".
    const brings = timeFirst && SLOT_CONSEQUENCE.test(text.slice(timeEnd, recovery.start));
    if (timeFirst && opener === 'for' && !brings) return;
    // "payouts due at 5pm will be paid as normal", "orders placed by noon will ship": the time
    // dates the thing named before it, not the recovery after it.
    if (
      timeFirst &&
      !brings &&
      DATED_BY_TIME.test(text.slice(Math.max(sentence.start, timeStart - 64), timeStart))
    )
      return;
    // "Deliveries for tomorrow will be processed", "reservations for tonight should be available":
    // the time names which things, not when they recover.
    if (
      timeFirst &&
      /\b[a-z]+s\s+for\s+$/i.test(text.slice(Math.max(sentence.start, timeStart - 32), timeStart))
    )
      return;
    if (!inherentlyFuture && !PROMISE_MODAL.test(claimText)) {
      // Without a forecast word, only a claim followed by a deadline can promise: "may be back by
      // noon", "working to restore it by noon", "the fix is scheduled for 3pm", "you may see
      // errors until 3 PM". A time before its claim, or one that dates the problem ("customers
      // may see errors today", "orders placed before 9am may be delayed"), does not.
      const deadline = opener === 'by' || opener === 'before' || opener === 'no' || opener === 'for';
      const hedged =
        recoveryNear !== undefined &&
        (HEDGED_RECOVERY_BEFORE.test(
          text.slice(Math.max(sentence.start, recovery.start - 48), recovery.start),
        ) ||
          (recovery.end <= timeStart && HEDGED_AFTER_NOUN.test(text.slice(recovery.end, timeStart))) ||
          (recovery.end <= timeStart && HEDGE_AFTER_TIME.test(text.slice(timeEnd, timeEnd + 32))) ||
          (BARE_HEDGE_BEFORE.test(
            text.slice(Math.max(sentence.start, recovery.start - 24), recovery.start),
          ) &&
            (BARE_HEDGED_RECOVERY.test(text.slice(recovery.start, recovery.end)) ||
              (/^(?:clear|drain)/i.test(text.slice(recovery.start, recovery.end)) &&
                BACKLOG_BEFORE.test(
                  text.slice(Math.max(sentence.start, recovery.start - 48), recovery.start),
                )))));
      const dayPart = DAY_OPENERS.has(opener);
      // "may not be back until 5pm", "won't be fixed until tomorrow": not before that time.
      const notUntil =
        opener === 'until' &&
        recoveryNear !== undefined &&
        NOT_BEFORE.test(text.slice(Math.max(sentence.start, recovery.start - 40), recovery.start)) &&
        !PAST_NOT.test(text.slice(Math.max(sentence.start, recovery.start - 40), recovery.start)) &&
        // "please do not retry until the 9th": an instruction, not a forecast.
        !/\b(?:do\s+not|don['’]t|please)\b/i.test(
          text.slice(Math.max(sentence.start, recovery.start - 40), recovery.start),
        );
      // Not advice to the reader ("may need to retry payments made this morning").
      const effortBefore = EFFORT_JUST_BEFORE.exec(
        text.slice(Math.max(sentence.start, recovery.start - 48), recovery.start),
      );
      const recoveryWord = text.slice(recovery.start, recovery.end);
      const effortJustBefore =
        effortBefore !== null &&
        !READER_ACTION.test(recoveryWord) &&
        // "working to restore the orders placed ..." is fine; "while we restored service" is history.
        (!/ed$/i.test(recoveryWord) || /\b(?:have|get|bring)\b/i.test(effortBefore[0]));
      // "errors may persist until 5pm", "recovery may take until tomorrow morning".
      const lastsUntil =
        opener === 'until' &&
        (lastingNear !== undefined
          ? HEDGE_WORD.test(text.slice(Math.max(sentence.start, lastingNear.start - 24), lastingNear.end))
          : HEDGED_LASTING.test(text.slice(sentence.start, timeStart)));
      const promised =
        lastsUntil ||
        brings ||
        (!timeFirst &&
          ((deadline && (hedged || EFFORT_TOWARD.test(claimText) || opener === 'for')) ||
            ((dayPart || opener === 'at' || opener === 'around') && hedged) ||
            (dayPart &&
              effortJustBefore &&
              timeStart - recovery.end <= 40 &&
              !/\b(?:which|that|who|whose|were|was|had|has)\b/i.test(text.slice(recovery.end, timeStart))) ||
            notUntil ||
            ((deadline || opener === 'at') && SCHEDULED_TO.test(claimText)) ||
            ((PRESENT_SCHEDULE_OPENERS.has(opener) ||
              dayPart ||
              // "Bookings reopen on Monday" (not "the feature goes live on December 9").
              (opener === 'on' && COMES_BACK_ON.test(text.slice(sentence.start, timeEnd)))) &&
              PRESENT_RECOVERY.test(text.slice(sentence.start, timeStart)) &&
              !STAFFED_SUBJECT.test(text.slice(sentence.start, recovery.start)) &&
              !HABITUAL.test(text.slice(sentence.start, sentence.end)))));
      if (!promised) return;
    }
    // "won't be up for another 24 hours": a negated recovery with a length of time still promises one.
    const lasting = opener === 'for' || opener === 'another' || opener === 'until' || opener === 'through';
    if (
      doc.isQuoted(start, end) ||
      (!lasting &&
        doc.isNegated(recovery.start) &&
        // "take no more than an hour to fix": the "no" is the time's own.
        !(recovery.start >= timeEnd && /\bnot?\s+(?:more|longer|later)\s+than\b/i.test(m[0]))) ||
      isReportedOrQuestion(doc, start)
    )
      return;
    if (FOLLOW_UP_WORK.test(text.slice(sentence.start, sentence.end))) return;
    // "by 11:00 UTC tomorrow": one promise, not two.
    if (out.some((o) => o.start < end && start < o.end)) return;
    out.push({ topic: 'fixTime', start, end, text: text.slice(start, end) });
  });
  findStatedFixTimes(doc, out);
  return out;
}
