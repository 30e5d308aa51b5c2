/**
 * @module lint/rules/no-vague-language
 * No statements that tell a customer nothing: "a situation", "some services", "may experience
 * issues", "issues with the app", "elevated error rates", "we continue to monitor".
 */
import { CUSTOMER_FACING_AUDIENCES } from '../../vocabulary';
import { defineRule, type RuleContext } from '../define-rule';
import { GENERIC_PROBLEM, HOLDING, METRIC_ONLY, PROGRESS } from '../impact';
import { DEGRADED, DEGRADED_DETAIL, EMPTY_INVESTIGATION, eachMatch, VAGUE } from '../phrases';
import type { Span } from '../text';

const SAY_INSTEAD = 'Name what customers see instead, e.g. "Customers cannot sign in to the web app."';

// One finding per passage: the phrase lists overlap ("experiencing issues" is in two).
class Findings {
  private readonly spans: Span[] = [];
  constructor(private readonly ctx: RuleContext) {}
  add(start: number, end: number): void {
    if (this.spans.some((s) => s.start < end && start < s.end)) return;
    this.spans.push({ start, end });
    this.ctx.report({
      start,
      end,
      message: `"${this.ctx.text.slice(start, end)}" tells customers nothing they can use. ${SAY_INSTEAD}`,
    });
  }
}

/** `no-vague-language`: see the rule's `docs.description`. */
export const noVagueLanguage = defineRule({
  id: 'no-vague-language',
  defaultSeverity: 'error',
  docs: {
    description:
      'No statements that tell a customer nothing ("we are aware of a situation", "some users may experience issues", "issues with the app", "elevated error rates", "degraded performance" with no symptom, "we are looking into it" or "we continue to monitor" after the first message with no news), unless another sentence says what customers can or cannot do.',
  },
  appliesTo: { audiences: CUSTOMER_FACING_AUDIENCES },
  acceptsPhrases: true,
  check(ctx) {
    const { doc, text } = ctx;
    const found = new Findings(ctx);
    // Sentences that say what customers can or cannot do or see.
    const impactAt = doc.impactSentenceStarts();
    // A vague lead-in next to a sentence that names the impact is clean: the message as a whole
    // tells customers something they can use.
    const namedElsewhere = (at: number) => {
      const own = doc.sentenceAt(at).start;
      for (const s of impactAt) if (s !== own) return true;
      return false;
    };
    const claim = (m: RegExpExecArray) =>
      !doc.isQuoted(m.index, m.index + m[0].length) && !doc.isNegated(m.index);
    doc.eachMatch(VAGUE, (m) => {
      if (claim(m) && !namedElsewhere(m.index)) found.add(m.index, m.index + m[0].length);
    });
    doc.eachMatch(DEGRADED, (m) => {
      const s = doc.sentenceAt(m.index);
      const rest = text.slice(s.start, m.index) + text.slice(m.index + m[0].length, s.end);
      if (!DEGRADED_DETAIL.test(rest) && claim(m) && !namedElsewhere(m.index))
        found.add(m.index, m.index + m[0].length);
    });
    // A problem word about a service ("issues with the app") or a metric ("elevated error
    // rates") stands in for the impact when no sentence names it; "issues logging in" names it.
    if (impactAt.size === 0) {
      for (const pattern of [GENERIC_PROBLEM, METRIC_ONLY])
        doc.eachMatch(pattern, (m) => {
          if (claim(m)) found.add(m.index, m.index + m[0].length);
        });
    }
    // "We are looking into it" and "we continue to monitor" help once; after the first message
    // they are empty unless the message also names the impact or reports progress.
    if (ctx.kind !== 'initial' && impactAt.size === 0) {
      doc.eachMatch(EMPTY_INVESTIGATION, (m) => {
        if (!doc.isQuoted(m.index, m.index + m[0].length)) found.add(m.index, m.index + m[0].length);
      });
      if (!PROGRESS.test(text))
        doc.eachMatch(HOLDING, (m) => {
          if (!doc.isQuoted(m.index, m.index + m[0].length)) found.add(m.index, m.index + m[0].length);
        });
    }
    if (ctx.extraPhrases !== undefined) {
      eachMatch(ctx.extraPhrases, text, (m) => {
        if (!doc.isQuoted(m.index, m.index + m[0].length)) found.add(m.index, m.index + m[0].length);
      });
    }
  },
});
