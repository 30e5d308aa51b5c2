/**
 * @module lint/rules/no-cause-speculation
 * No guessed, hedged or blamed cause until the incident lead confirms the cause.
 */

import {
  CAUSE_ACTIVE,
  CAUSE_LOCATED,
  FAULTY_CHANGE,
  HEDGED_FAULT,
  IMPACT_AFTER_HEDGE,
  LOAD_BLAME,
  LOOKING_FOR_CAUSE,
  NO_CAUSE_NAMED,
  OWN_ACTION_BEFORE,
  PROVISIONAL_CAUSE,
} from '../causes';
import { defineRule, type RuleContext } from '../define-rule';
import {
  BECAUSE,
  CAUSE_CLAIM,
  CAUSE_CUE,
  CAUSE_HEDGE,
  CAUSE_NOUN,
  eachMatch,
  PROVIDER_BLAME,
} from '../phrases';
import type { Span } from '../text';
import { CAUSE_EVENT, VENDOR_BLAME } from '../vendors';

const GUESS = 'Do not guess the cause. Say what customers see and that the cause is not confirmed yet.';

// One finding per sentence is enough; `flagged` holds the sentences already reported.
function flag(ctx: RuleContext, flagged: Set<Span>, start: number, end: number, message: string): void {
  const { doc } = ctx;
  if (doc.isNotAClaim(start, end)) return;
  const sentence = doc.sentenceAt(start);
  if (flagged.has(sentence)) return;
  flagged.add(sentence);
  ctx.report({ start, end, message, suggestion: 'We have not confirmed the cause yet.' });
}

const STATED = `The cause is not confirmed yet, so do not state one. ${GUESS}`;
const AS_GUESS = (m: RegExpExecArray): string => `"${m[0]}" is a guess about the cause. ${GUESS}`;

/** One kind of cause claim: its pattern, the message, and when a match is not one after all. */
interface CauseCue {
  pattern: RegExp;
  message: (m: RegExpExecArray) => string;
  /** True when this match names no cause (the impact, the search for one, the writer's reason). */
  unless?: (ctx: RuleContext, m: RegExpExecArray) => boolean;
}

// A hedge counts only with a cause cue in its clause, right after it ("it seems to be caused
// by") or in the clause just before ("we were upgrading the cluster, so there may have been
// errors"); "you may be experiencing", "customers might be affected" hedge the impact.
function hedgesTheImpact({ doc, text }: RuleContext, m: RegExpExecArray): boolean {
  const end = m.index + m[0].length;
  if (IMPACT_AFTER_HEDGE.test(text.slice(end, end + 60))) return true;
  const clause = doc.clauseAt(m.index);
  const sentence = doc.sentenceAt(m.index);
  const scope = text.slice(
    Math.max(sentence.start, clause.start - 60),
    Math.max(clause.end, Math.min(sentence.end, m.index + 60)),
  );
  return !CAUSE_CUE.test(scope);
}

// Checked in this order; the first finding in a sentence is the one reported.
const CAUSE_CUES: readonly CauseCue[] = [
  {
    pattern: CAUSE_HEDGE,
    message: (m) => `"${m[0]}" marks a guess about the cause. ${GUESS}`,
    unless: hedgesTheImpact,
  },
  // "due to a technical issue", "because of the outage": the incident itself, no cause named.
  {
    pattern: CAUSE_CLAIM,
    message: () => STATED,
    unless: ({ text }, m) =>
      NO_CAUSE_NAMED.test(text.slice(m.index + m[0].length, m.index + m[0].length + 80)),
  },
  // "investigating possible causes" looks for a cause and names none.
  {
    pattern: PROVISIONAL_CAUSE,
    message: AS_GUESS,
    unless: ({ doc }, m) => LOOKING_FOR_CAUSE.test(doc.clausePrefix(m.index)),
  },
  { pattern: HEDGED_FAULT, message: AS_GUESS },
  { pattern: CAUSE_LOCATED, message: () => STATED },
  { pattern: CAUSE_ACTIVE, message: () => STATED },
  { pattern: FAULTY_CHANGE, message: () => STATED },
  { pattern: LOAD_BLAME, message: () => STATED },
  // "I removed the label because ...": the writer's reason for an action, not a cause.
  {
    pattern: BECAUSE,
    message: () => STATED,
    unless: ({ doc, text }, m) =>
      OWN_ACTION_BEFORE.test(text.slice(doc.sentenceAt(m.index).start, m.index)) ||
      !CAUSE_NOUN.test(text.slice(m.index, doc.clauseAt(m.index + m[0].length + 1).end)),
  },
  {
    pattern: PROVIDER_BLAME,
    message: () => `Do not blame a provider or partner before the cause is confirmed. ${GUESS}`,
  },
  {
    pattern: VENDOR_BLAME,
    message: () => `Do not blame a named provider before the cause is confirmed. ${GUESS}`,
  },
  { pattern: CAUSE_EVENT, message: () => STATED },
];

/** `no-cause-speculation`: see the rule's `docs.description`. */
export const noCauseSpeculation = defineRule({
  id: 'no-cause-speculation',
  defaultSeverity: 'error',
  docs: {
    description:
      'While the cause is unconfirmed, no hedged guesses ("probably", "we suspect"), causal claims ("due to") or blaming a provider; naming the confirmed cause is fine.',
  },
  acceptsPhrases: true,
  check(ctx) {
    if (ctx.facts.causeConfirmed) return;
    const flagged = new Set<Span>();
    for (const { pattern, message, unless } of CAUSE_CUES) {
      ctx.doc.eachMatch(pattern, (m) => {
        if (unless?.(ctx, m)) return;
        flag(ctx, flagged, m.index, m.index + m[0].length, message(m));
      });
    }
    if (ctx.extraPhrases !== undefined) {
      eachMatch(ctx.extraPhrases, ctx.text, (m) => {
        flag(ctx, flagged, m.index, m.index + m[0].length, `"${m[0]}" guesses at the cause. ${GUESS}`);
      });
    }
  },
});
