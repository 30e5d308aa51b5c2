/**
 * @module lint/rules/sentence-length
 * Short sentences survive being skimmed under pressure.
 */
import { z } from 'zod';
import { CUSTOMER_FACING_AUDIENCES } from '../../vocabulary';
import { defineRule } from '../define-rule';

/** `sentence-length`: see the rule's `docs.description`. */
export const sentenceLength = defineRule({
  id: 'sentence-length',
  defaultSeverity: 'warning',
  docs: {
    description: 'Sentences in customer messages stay under `maxWords` words (default 30); split long ones.',
  },
  appliesTo: { audiences: CUSTOMER_FACING_AUDIENCES },
  optionsSchema: z.object({ maxWords: z.number().int().positive().default(30) }).strict(),
  check(ctx) {
    const max = ctx.options.maxWords;
    for (const s of ctx.doc.sentences) {
      // N words need at least 2N - 1 characters: a shorter sentence cannot be too long.
      if (s.end - s.start < 2 * max + 1) continue;
      const words = ctx.doc.wordCount(s.start, s.end);
      if (words > ctx.options.maxWords) {
        ctx.report({
          start: s.start,
          end: s.end,
          message: `This sentence has ${words} words; split it so each sentence has one job (at most ${ctx.options.maxWords} words).`,
        });
      }
    }
  },
});
