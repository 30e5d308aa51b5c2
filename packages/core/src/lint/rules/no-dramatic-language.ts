/**
 * @module lint/rules/no-dramatic-language
 * Calm is specific: no "unprecedented", "catastrophic" or stacked exclamation marks.
 */
import { CUSTOMER_FACING_AUDIENCES } from '../../vocabulary';
import { defineRule, type RuleContext } from '../define-rule';
import { DRAMATIC, eachMatch, STACKED_EXCLAMATION } from '../phrases';

// A capital mid-sentence makes the word a name ("the Meltdown vulnerability"), not drama.
const NAME = /^\p{Lu}\p{Ll}/u;
// After the word: praise or thanks ("massive thanks to the team"), not a word about the incident.
const THANKS_AFTER = /^\s+(?:thanks|thank you|shout-?out|appreciation|kudos|gratitude)\b/i;

/** A built-in dramatic word that is a name or praise, not drama. */
function notDrama(ctx: RuleContext, start: number, end: number): boolean {
  const { doc, text } = ctx;
  if (NAME.test(text.slice(start, end)) && doc.sentenceAt(start).start !== start) return true;
  return THANKS_AFTER.test(text.slice(end, end + 24));
}

function word(ctx: RuleContext, start: number, end: number): void {
  const { doc } = ctx;
  if (doc.isQuoted(start, end) || doc.isNegated(start)) return;
  ctx.report({
    start,
    end,
    message: `"${ctx.text.slice(start, end)}" is dramatic; describe the impact in plain, calm words.`,
  });
}

/** `no-dramatic-language`: see the rule's `docs.description`. */
export const noDramaticLanguage = defineRule({
  id: 'no-dramatic-language',
  defaultSeverity: 'warning',
  docs: {
    description:
      'Dramatic words ("unprecedented", "catastrophic", "massive") and stacked exclamation marks make customers more nervous, not better informed.',
  },
  appliesTo: { audiences: CUSTOMER_FACING_AUDIENCES },
  acceptsPhrases: true,
  check(ctx) {
    const { doc, text } = ctx;
    doc.eachMatch(DRAMATIC, (m) => {
      if (!notDrama(ctx, m.index, m.index + m[0].length)) word(ctx, m.index, m.index + m[0].length);
    });
    if (ctx.extraPhrases !== undefined)
      eachMatch(ctx.extraPhrases, text, (m) => word(ctx, m.index, m.index + m[0].length));
    if (text.includes('!!'))
      eachMatch(STACKED_EXCLAMATION, text, (m) => {
        if (doc.isQuoted(m.index, m.index + m[0].length)) return;
        ctx.report({
          start: m.index,
          end: m.index + m[0].length,
          message: 'Stacked exclamation marks sound alarmed; end the sentence with a full stop.',
          fix: { start: m.index, end: m.index + m[0].length, replacement: '.' },
        });
      });
  },
});
