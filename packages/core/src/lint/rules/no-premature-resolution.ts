/**
 * @module lint/rules/no-premature-resolution
 * No "fixed", "resolved", "restored" or "back to normal" before recovery is confirmed.
 */
import { defineRule, type RuleContext } from '../define-rule';
import { HEDGED_RECOVERY } from '../fix-time';
import { eachMatch, FORECAST_BEFORE, RESOLUTION_CLAIM } from '../phrases';
import {
  BELIEVED_RECOVERY,
  EXPECTED_BEFORE,
  EXPECTED_RECOVERY,
  FORECAST_AFTER,
  HABIT_BEFORE,
  IN_PROGRESS_BEFORE,
  INTENT_BEFORE,
  OTHER_INCIDENT,
  PARTIAL_AFTER,
  PARTIAL_BEFORE,
  PURPOSE_BEFORE,
  SOON_AFTER,
} from '../recovery';
import type { Span } from '../text';

/**
 * True when the recovery word at `[start, end)` is no claim that recovery happened: an intent,
 * work in progress, a purpose, a habit, a forecast, or a recovery stated as partial.
 */
function isNoRecoveryClaim(ctx: RuleContext, start: number, end: number): boolean {
  const { doc, text } = ctx;
  const sentence = doc.sentenceAt(start);
  const before = text.slice(Math.max(sentence.start, start - 60), start);
  const after = text.slice(end, Math.min(sentence.end, end + 80));
  if (EXPECTED_BEFORE.test(before)) return FORECAST_AFTER.test(after);
  if (SOON_AFTER.test(after)) return true;
  // "will be restored", "should be back soon": a forecast (no-fix-time-promise judges those).
  if (FORECAST_BEFORE.test(before.slice(-30))) return true;
  if (INTENT_BEFORE.test(before) || IN_PROGRESS_BEFORE.test(before)) return true;
  const clause = doc.clauseAt(start);
  const clauseBefore = text.slice(clause.start, start);
  if (PURPOSE_BEFORE.test(clauseBefore) || HABIT_BEFORE.test(text.slice(sentence.start, start))) return true;
  return PARTIAL_AFTER.test(after) || PARTIAL_BEFORE.test(clauseBefore);
}

// One claim per sentence; `flagged` holds the sentences already reported.
function consider(ctx: RuleContext, flagged: Set<Span>, start: number, end: number, phrase: string): void {
  const { doc, text } = ctx;
  const sentence = doc.sentenceAt(start);
  if (flagged.has(sentence)) return;
  if (doc.isNotAClaim(start, end)) return;
  if (doc.isAboutPastIncident(start) && OTHER_INCIDENT.test(text.slice(sentence.start, sentence.end))) return;
  if (isNoRecoveryClaim(ctx, start, end)) return;
  flagged.add(sentence);
  ctx.report({
    start,
    end,
    message: `Do not say "${phrase}" until the incident lead confirms recovery and the customer-facing symptom is checked.`,
    suggestion: 'Say what the team is doing now and when the next update is.',
  });
}

/** `no-premature-resolution`: see the rule's `docs.description`. */
export const noPrematureResolution = defineRule({
  id: 'no-premature-resolution',
  defaultSeverity: 'error',
  docs: {
    description:
      'No "fixed", "resolved", "restored", "back to normal" or "all systems operational" before the incident lead confirms recovery, hedged ("we think it is stable", "should be resolved") or not. Quotes, negations, intents, forecasts, partial recovery stated as partial and past incidents do not count.',
  },
  acceptsPhrases: true,
  check(ctx) {
    if (ctx.facts.recoveryConfirmed) return;
    const flagged = new Set<Span>();
    ctx.doc.eachMatch(RESOLUTION_CLAIM, (m) => consider(ctx, flagged, m.index, m.index + m[0].length, m[0]));
    // "ought to be up again", "most requests look healthy again", "we think systems are stable":
    // hedged or partial, still a claim.
    ctx.doc.eachMatch(HEDGED_RECOVERY, (m) => consider(ctx, flagged, m.index, m.index + m[0].length, m[0]));
    ctx.doc.eachMatch(BELIEVED_RECOVERY, (m) => consider(ctx, flagged, m.index, m.index + m[0].length, m[0]));
    // "everything should be working normally now": expected, not confirmed (a time after makes it a forecast).
    ctx.doc.eachMatch(EXPECTED_RECOVERY, (m) => {
      const end = m.index + m[0].length;
      const sentence = ctx.doc.sentenceAt(m.index);
      if (!FORECAST_AFTER.test(ctx.text.slice(end, sentence.end))) consider(ctx, flagged, m.index, end, m[0]);
    });
    if (ctx.extraPhrases !== undefined) {
      eachMatch(ctx.extraPhrases, ctx.text, (m) =>
        consider(ctx, flagged, m.index, m.index + m[0].length, m[0]),
      );
    }
  },
});
