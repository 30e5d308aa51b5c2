/**
 * @module lint/rules/plain-impact
 * Customer-facing messages say what customers can or cannot do or see.
 */
import { CUSTOMER_FACING_AUDIENCES } from '../../vocabulary';
import { defineRule } from '../define-rule';

/** `plain-impact`: see the rule's `docs.description`. */
export const plainImpact = defineRule({
  id: 'plain-impact',
  defaultSeverity: 'error',
  docs: {
    description:
      'Customer-facing messages name the impact in plain words: what customers can or cannot do or see ("cannot sign in", "payments fail", "exports are delayed").',
  },
  appliesTo: { kinds: ['initial', 'update', 'workaround'], audiences: CUSTOMER_FACING_AUDIENCES },
  check(ctx) {
    if (ctx.hasImpactStatement()) return;
    const first = ctx.doc.sentences[0] ?? { start: 0, end: ctx.text.length };
    ctx.report({
      start: first.start,
      end: first.end,
      message: 'Say what customers can or cannot do or see right now.',
      suggestion: 'Customers cannot <action> in <product area>.',
    });
  },
});
