/**
 * @module lint/rules/no-vague-language
 * No statements that tell a customer nothing: "a situation", "some services", "may experience issues".
 */
import { CUSTOMER_FACING_AUDIENCES } from '../../vocabulary';
import { defineRule, type RuleContext } from '../define-rule';
import { DEGRADED, DEGRADED_DETAIL, EMPTY_INVESTIGATION, eachMatch, VAGUE } from '../phrases';

const SAY_INSTEAD = 'Name what customers see instead, e.g. "Customers cannot sign in to the web app."';

function report(ctx: RuleContext, start: number, end: number, severity?: 'warning'): void {
  ctx.report({
    start,
    end,
    message: `"${ctx.text.slice(start, end)}" tells customers nothing they can use. ${SAY_INSTEAD}`,
    ...(severity === undefined ? {} : { severity }),
  });
}

/** `no-vague-language`: see the rule's `docs.description`. */
export const noVagueLanguage = defineRule({
  id: 'no-vague-language',
  defaultSeverity: 'error',
  docs: {
    description:
      'No statements that tell a customer nothing ("we are aware of a situation", "some users may experience issues", "temporary disruption", "degraded performance" with no symptom, "we are looking into it" after the first message).',
  },
  appliesTo: { audiences: CUSTOMER_FACING_AUDIENCES },
  acceptsPhrases: true,
  check(ctx) {
    const { doc, text } = ctx;
    doc.eachMatch(VAGUE, (m) => {
      if (!doc.isQuoted(m.index, m.index + m[0].length) && !doc.isNegated(m.index))
        report(ctx, m.index, m.index + m[0].length);
    });
    doc.eachMatch(DEGRADED, (m) => {
      const s = doc.sentenceAt(m.index);
      const rest = text.slice(s.start, m.index) + text.slice(m.index + m[0].length, s.end);
      if (!DEGRADED_DETAIL.test(rest) && !doc.isQuoted(m.index, m.index + m[0].length))
        report(ctx, m.index, m.index + m[0].length);
    });
    // "We are looking into it" helps once; after that it is empty. When the message names the
    // impact elsewhere it is only a warning.
    if (ctx.kind !== 'initial') {
      doc.eachMatch(EMPTY_INVESTIGATION, (m) => {
        if (doc.isQuoted(m.index, m.index + m[0].length)) return;
        report(ctx, m.index, m.index + m[0].length, ctx.hasImpactStatement() ? 'warning' : undefined);
      });
    }
    if (ctx.extraPhrases !== undefined) {
      eachMatch(ctx.extraPhrases, text, (m) => {
        if (!doc.isQuoted(m.index, m.index + m[0].length)) report(ctx, m.index, m.index + m[0].length);
      });
    }
  },
});
