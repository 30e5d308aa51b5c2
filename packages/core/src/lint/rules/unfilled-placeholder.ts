/**
 * @module lint/rules/unfilled-placeholder
 * Template leftovers ({{x}}, [CUSTOMER], <name>, TBD, XX:XX) never reach a customer.
 */
import { defineRule, type RuleContext } from '../define-rule';
import { eachMatch, PLACEHOLDER, STATUS_TAG } from '../phrases';

function report(ctx: RuleContext, start: number, end: number): void {
  ctx.report({
    start,
    end,
    message: `"${ctx.text.slice(start, end)}" is a placeholder; fill it in before sending.`,
  });
}

/** `unfilled-placeholder`: see the rule's `docs.description`. */
export const unfilledPlaceholder = defineRule({
  id: 'unfilled-placeholder',
  defaultSeverity: 'error',
  docs: {
    description:
      'Template placeholders left in the text: `{{x}}`, `{x}`, `[CUSTOMER NAME]`, `<name>`, `TBD`, `XX:XX`.',
  },
  acceptsPhrases: true,
  check(ctx) {
    eachMatch(PLACEHOLDER, ctx.text, (m) => {
      // "[Update] Checkout ..." is a heading the writer chose, not a template slot.
      if (!STATUS_TAG.test(m[0])) report(ctx, m.index, m.index + m[0].length);
    });
    if (ctx.extraPhrases !== undefined)
      eachMatch(ctx.extraPhrases, ctx.text, (m) => report(ctx, m.index, m.index + m[0].length));
  },
});
