/**
 * @module lint/rules/no-fix-time-promise
 * No promised fix or recovery time unless the incident lead approved exactly that promise.
 */
import { findClockTimes, findRelativeTime, resolveClockTime } from '../clock';
import { defineRule } from '../define-rule';
import type { TopicMatch } from '../topics';
import type { ResolvedFacts } from '../types';

const MINUTE = 60_000;

/** `no-fix-time-promise`: see the rule's `docs.description`. */
export const noFixTimePromise = defineRule({
  id: 'no-fix-time-promise',
  defaultSeverity: 'error',
  docs: {
    description:
      'No promised fix or recovery time or duration ("back in 10 minutes", "fixed by noon", "within the hour", "resolved shortly") unless the incident lead approved that time.',
  },
  check(ctx) {
    for (const match of ctx.topics()) {
      if (match.topic !== 'fixTime') continue;
      const approved = ctx.facts.approvedFixTime;
      if (approved !== undefined && matchesApproved(match, approved, ctx.facts, ctx.timeZone)) continue;
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

// An approved promise may be restated as its clock time, or as a duration that lands on it.
function matchesApproved(
  match: TopicMatch,
  approved: Date,
  facts: ResolvedFacts,
  timeZone: string | undefined,
): boolean {
  const clock = findClockTimes(match.text)[0];
  if (clock !== undefined) {
    const at = resolveClockTime(clock, approved, timeZone);
    return at !== undefined && Math.abs(at.getTime() - approved.getTime()) < MINUTE;
  }
  const rel = findRelativeTime(match.text);
  if (rel === undefined || facts.now === undefined) return false;
  return Math.abs(facts.now.getTime() + rel.minutes * MINUTE - approved.getTime()) <= 5 * MINUTE;
}
