/**
 * @module lint/rules/stale-facts
 * A draft written against an older status version than the newest one repeats old facts.
 */
import { defineRule } from '../define-rule';

/** `stale-facts`: see the rule's `docs.description`. */
export const staleFacts = defineRule({
  id: 'stale-facts',
  defaultSeverity: 'error',
  docs: {
    description:
      'The draft was written against an older facts version (`basedOnVersion`) than the newest (`facts.version`); re-read the newest status before sending.',
  },
  check(ctx) {
    const newest = ctx.facts.version;
    const based = ctx.basedOnVersion;
    if (newest === undefined || based === undefined || based >= newest) return;
    ctx.report({
      start: 0,
      end: ctx.text.length,
      message: `This draft is based on status version ${based}, but version ${newest} is the newest; check the draft against it.`,
    });
  },
});
