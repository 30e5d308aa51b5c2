/**
 * @module lint/rules/message-length
 * A customer update fits in about four short sentences.
 */
import { z } from 'zod';
import { CUSTOMER_FACING_AUDIENCES } from '../../vocabulary';
import { defineRule } from '../define-rule';

/** `message-length`: see the rule's `docs.description`. */
export const messageLength = defineRule({
  id: 'message-length',
  defaultSeverity: 'warning',
  docs: {
    description:
      'Customer updates stay short: at most `maxSentences` sentences (default 5) and `maxWords` words (default 90). Each sentence has one job.',
  },
  appliesTo: { audiences: CUSTOMER_FACING_AUDIENCES },
  optionsSchema: z
    .object({
      maxSentences: z.number().int().positive().default(5),
      maxWords: z.number().int().positive().default(90),
    })
    .strict(),
  check(ctx) {
    const { doc, options, text } = ctx;
    const sentences = doc.sentences;
    if (sentences.length > options.maxSentences) {
      const first = sentences[options.maxSentences]!;
      ctx.report({
        start: first.start,
        end: sentences[sentences.length - 1]!.end,
        message: `This message has ${sentences.length} sentences; keep customer updates to ${options.maxSentences} or fewer: problem, impact, what the team is doing, next update.`,
      });
      return;
    }
    // N words need at least 2N - 1 characters: a shorter message cannot be too long.
    if (text.length < 2 * options.maxWords + 1) return;
    const words = doc.wordCount();
    if (words > options.maxWords) {
      ctx.report({
        start: 0,
        end: text.length,
        message: `This message has ${words} words; keep customer updates under ${options.maxWords}.`,
      });
    }
  },
});
