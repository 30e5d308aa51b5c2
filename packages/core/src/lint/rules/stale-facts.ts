/**
 * @module lint/rules/stale-facts
 * A draft written against an older facts version than the newest one repeats old facts.
 * Versions count as the incident log does: 0 at declaration, one more per confirmed change.
 */
import { defineRule } from '../define-rule';

/** `stale-facts`: see the rule's `docs.description`. */
export const staleFacts = defineRule({
  id: 'stale-facts',
  defaultSeverity: 'error',
  docs: {
    description:
      'The draft was written against an older facts version (`basedOnVersion`) than the newest (`facts.version`; both 0-based, as in the incident log); re-read the newest facts before sending.',
  },
  check(ctx) {
    const newest = ctx.facts.version;
    const based = ctx.basedOnVersion;
    if (newest === undefined || based === undefined || based >= newest) return;
    ctx.report({
      start: 0,
      end: ctx.text.length,
      message: `This draft is based on facts version ${based}, but version ${newest} is the newest; check the draft against it.`,
    });
  },
});
