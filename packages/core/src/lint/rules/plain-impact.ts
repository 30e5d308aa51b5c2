/**
 * @module lint/rules/plain-impact
 * Customer-facing messages say what customers can or cannot do or see.
 */
import { CUSTOMER_FACING_AUDIENCES } from '../../vocabulary';
import { defineRule } from '../define-rule';
import { DEGRADED, VAGUE } from '../vague';

/** `plain-impact`: see the rule's `docs.description`. */
export const plainImpact = defineRule({
  id: 'plain-impact',
  defaultSeverity: 'error',
  docs: {
    description:
      'Customer-facing messages name the impact in plain words: what customers can or cannot do or see ("cannot sign in", "payments fail", "exports are delayed"). An error in a first message or where vague wording stands in for the impact; a warning in a progress-only follow-up.',
  },
  appliesTo: { kinds: ['initial', 'update', 'workaround'], audiences: CUSTOMER_FACING_AUDIENCES },
  acceptsPhrases: true,
  check(ctx) {
    if (ctx.hasImpactStatement()) return;
    // The runbook's own symptom words ("orders stay pending") count as naming the impact.
    if (ctx.extraPhrases !== undefined && ctx.text.search(ctx.extraPhrases) >= 0) return;
    const { doc, text } = ctx;
    // A first message must name the impact; so must one whose only "impact" is vague wording.
    // A later update that only reports progress is a warning: the impact is in earlier posts,
    // but each update should still stand on its own.
    const vagueInstead =
      (doc.mayMatch(VAGUE) && text.search(VAGUE) >= 0) ||
      (doc.mayMatch(DEGRADED) && text.search(DEGRADED) >= 0);
    const severe = ctx.kind === 'initial' || vagueInstead;
    ctx.report({
      start: 0,
      end: ctx.text.length,
      ...(severe ? {} : { severity: 'warning' as const }),
      message: severe
        ? 'Say what customers can or cannot do or see right now.'
        : 'This update reports progress but not what customers see; restate the impact in one sentence so it stands on its own.',
      suggestion: 'Customers cannot <action> in <product area>.',
    });
  },
});
