/**
 * @module lint/rules/no-fix-time-promise
 * No promised fix or recovery time unless the incident lead approved exactly that promise.
 */
import { findClockTimes, findDayWord, readClockTime } from '../../time/index';
import { defineRule, type RuleContext } from '../define-rule';
import { eachMatch } from '../phrases';
import { findRelativeTime } from '../relative-time';
import type { TopicMatch } from '../topics';

const MINUTE = 60_000;

/** `no-fix-time-promise`: see the rule's `docs.description`. */
export const noFixTimePromise = defineRule({
  id: 'no-fix-time-promise',
  defaultSeverity: 'error',
  docs: {
    description:
      'No promised fix or recovery time or duration ("back in 10 minutes", "fixed by noon", "within the hour", "resolved shortly") unless the incident lead approved that time.',
  },
  acceptsPhrases: true,
  check(ctx) {
    // The runbook's own promise wording ("by close of business"): a promise unless negated,
    // quoted, hypothetical or reported. Only an approved fix time may be promised.
    if (ctx.extraPhrases !== undefined && ctx.facts.approvedFixTime === undefined)
      eachMatch(ctx.extraPhrases, ctx.text, (m) => {
        const end = m.index + m[0].length;
        if (ctx.doc.isNotAClaim(m.index, end)) return;
        if (ctx.topics().some((t) => t.topic === 'fixTime' && t.start < end && t.end > m.index)) return;
        ctx.report({
          start: m.index,
          end,
          message:
            'Do not promise when it will be fixed; the incident lead has not approved a fix time. Give the next update time instead.',
        });
      });
    for (const match of ctx.topics()) {
      if (match.topic !== 'fixTime') continue;
      const approved = ctx.facts.approvedFixTime;
      if (approved !== undefined && matchesApproved(ctx, match, approved)) continue;
      ctx.report({
        start: match.start,
        end: match.end,
        message:
          approved === undefined
            ? 'Do not promise when it will be fixed; the incident lead has not approved a fix time. Give the next update time instead.'
            : 'This promise does not match the fix time the incident lead approved; state the approved time or none.',
        suggestion: 'We will share the next update at <time> <zone>.',
      });
    }
  },
});

// An approved promise may be restated as its clock time, or as a duration that lands on it. A
// day word in the sentence ("by 10:30 AM ET tomorrow") names the day, counted from `now`.
function matchesApproved(ctx: RuleContext, match: TopicMatch, approved: Date): boolean {
  const { facts, timeZone } = ctx;
  const clock = findClockTimes(match.text)[0];
  if (clock !== undefined) {
    const sentence = ctx.doc.sentenceAt(match.start);
    const day = clock.day ?? findDayWord(ctx.text.slice(sentence.start, sentence.end));
    const withDay =
      day === undefined || facts.now === undefined ? { ...clock, day: undefined } : { ...clock, day };
    const at = readClockTime(
      withDay,
      withDay.day ? { now: facts.now, timeZone } : { due: approved, timeZone },
    )?.at;
    return at !== undefined && Math.abs(at.getTime() - approved.getTime()) < MINUTE;
  }
  const rel = findRelativeTime(match.text);
  if (rel === undefined || facts.now === undefined) return false;
  return Math.abs(facts.now.getTime() + rel.minutes * MINUTE - approved.getTime()) <= 5 * MINUTE;
}
