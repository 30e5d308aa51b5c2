/**
 * @module lint/rules/no-compensation-offer
 * Credits, refunds, discounts and SLA remedies only after the named approver said yes.
 */
import { defineRule } from '../define-rule';
import { eachMatch } from '../phrases';

/** `no-compensation-offer`: see the rule's `docs.description`. */
export const noCompensationOffer = defineRule({
  id: 'no-compensation-offer',
  defaultSeverity: 'error',
  docs: {
    description:
      'No credits, refunds, discounts, "we will make it right on your bill", or SLA and contract remedies unless the named approver approved them.',
  },
  acceptsPhrases: true,
  check(ctx) {
    if (ctx.facts.compensationApproved) return;
    // The runbook's own offer wording ("goodwill gesture"), read like the built-in list.
    if (ctx.extraPhrases !== undefined)
      eachMatch(ctx.extraPhrases, ctx.text, (m) => {
        const end = m.index + m[0].length;
        if (ctx.doc.isNotAClaim(m.index, end)) return;
        ctx.report({
          start: m.index,
          end,
          message: `"${m[0]}" offers compensation; credits and refunds need the named approver's sign-off first.`,
        });
      });
    for (const match of ctx.topics()) {
      if (match.topic !== 'compensation' && match.topic !== 'contract') continue;
      // "No refund was issued" is not an offer (the approval gates still see the passage);
      // "this does not breach your SLA" is still a contract claim.
      if (match.topic === 'compensation' && ctx.doc.isNegated(match.start)) continue;
      ctx.report({
        start: match.start,
        end: match.end,
        message:
          match.topic === 'compensation'
            ? `"${match.text}" offers compensation; credits and refunds need the named approver's sign-off first.`
            : `"${match.text}" touches the contract or SLA; that needs the named approver's sign-off first.`,
        suggestion: 'I have passed your request to our account team, who will follow up.',
      });
    }
  },
});
