/**
 * @module lint/rules/owner-named
 * The internal update names the one person who owns the next customer update.
 */
import { defineRule } from '../define-rule';
import { OWNER_NAMED } from '../phrases';

/** `owner-named`: see the rule's `docs.description`. */
export const ownerNamed = defineRule({
  id: 'owner-named',
  defaultSeverity: 'error',
  docs: {
    description:
      'Internal updates name who owns the next customer update ("Owner of the next update: Dana Ruiz").',
  },
  appliesTo: { audiences: ['internal'] },
  check(ctx) {
    OWNER_NAMED.lastIndex = 0;
    if (OWNER_NAMED.test(ctx.text)) return;
    ctx.report({
      start: 0,
      end: ctx.text.length,
      message:
        'Name the person who owns the next customer update, so nobody waits for someone else to speak.',
      suggestion: 'Owner of the next update: <name> (backup: <name>).',
    });
  },
});
