/**
 * @module lint/rules/no-boilerplate-apology
 * Stock apologies ("we apologize for any inconvenience") sound empty; say what changed for the customer.
 */
import { CUSTOMER_FACING_AUDIENCES } from '../../vocabulary';
import { defineRule, type RuleContext } from '../define-rule';
import { BOILERPLATE_APOLOGY, eachMatch } from '../phrases';
import { countWords } from '../text';

function consider(ctx: RuleContext, start: number, end: number): void {
  const { doc, text } = ctx;
  if (doc.isQuoted(start, end)) return;
  const sentences = doc.sentences;
  const i = sentences.indexOf(doc.sentenceAt(start));
  const s = sentences[i]!;
  const rest = text.slice(s.start, start) + text.slice(end, s.end);
  // When the sentence is the stock phrase (with at most a short lead-in such as "We sincerely"),
  // removing it is a safe fix.
  let fix: { start: number; end: number; replacement: string } | undefined;
  if (countWords(rest) <= 3 && sentences.length > 1) {
    const next = sentences[i + 1];
    const prev = sentences[i - 1];
    fix =
      next !== undefined
        ? { start: s.start, end: next.start, replacement: '' }
        : { start: prev!.end, end: s.end, replacement: '' };
  }
  ctx.report({
    start,
    end,
    message: 'A stock apology reads as empty. If you apologise, say for what, in one specific sentence.',
    suggestion: 'We are sorry that <what customers could not do>.',
    ...(fix === undefined ? {} : { fix }),
  });
}

/** `no-boilerplate-apology`: see the rule's `docs.description`. */
export const noBoilerplateApology = defineRule({
  id: 'no-boilerplate-apology',
  defaultSeverity: 'warning',
  docs: {
    description:
      'Stock apologies ("we apologize for any inconvenience this may have caused") read as empty; a specific sentence about what customers lost helps more.',
  },
  appliesTo: { audiences: CUSTOMER_FACING_AUDIENCES },
  acceptsPhrases: true,
  check(ctx) {
    ctx.doc.eachMatch(BOILERPLATE_APOLOGY, (m) => consider(ctx, m.index, m.index + m[0].length));
    if (ctx.extraPhrases !== undefined)
      eachMatch(ctx.extraPhrases, ctx.text, (m) => consider(ctx, m.index, m.index + m[0].length));
  },
});
