/**
 * @module lint/rules/no-premature-resolution
 * No "fixed", "resolved", "restored" or "back to normal" before recovery is confirmed.
 */
import { defineRule, type RuleContext } from '../define-rule';
import { HEDGED_RECOVERY } from '../fix-time';
import { eachMatch, FORECAST_BEFORE, RESOLUTION_CLAIM } from '../phrases';
import type { Span } from '../text';

// One claim per sentence; `flagged` holds the sentences already reported.
function consider(ctx: RuleContext, flagged: Set<Span>, start: number, end: number, phrase: string): void {
  const { doc, text } = ctx;
  const sentence = doc.sentenceAt(start);
  if (flagged.has(sentence)) return;
  if (doc.isNotAClaim(start, end) || doc.isAboutPastIncident(start)) return;
  // "will be restored", "should be back": a forecast (no-fix-time-promise judges those).
  if (FORECAST_BEFORE.test(text.slice(Math.max(sentence.start, start - 30), start))) return;
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
      'No "fixed", "resolved", "restored", "back to normal" or "all systems operational" before the incident lead confirms recovery. Quotes, negations, forecasts and past incidents do not count.',
  },
  acceptsPhrases: true,
  check(ctx) {
    if (ctx.facts.recoveryConfirmed) return;
    const flagged = new Set<Span>();
    ctx.doc.eachMatch(RESOLUTION_CLAIM, (m) => consider(ctx, flagged, m.index, m.index + m[0].length, m[0]));
    // "ought to be up again", "most requests look healthy again": hedged or partial, still a claim.
    ctx.doc.eachMatch(HEDGED_RECOVERY, (m) => consider(ctx, flagged, m.index, m.index + m[0].length, m[0]));
    if (ctx.extraPhrases !== undefined) {
      eachMatch(ctx.extraPhrases, ctx.text, (m) =>
        consider(ctx, flagged, m.index, m.index + m[0].length, m[0]),
      );
    }
  },
});
