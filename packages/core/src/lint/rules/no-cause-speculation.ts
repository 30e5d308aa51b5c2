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
    const { doc, text } = ctx;
    const flagged = new Set<Span>();
    const stated = `The cause is not confirmed yet, so do not state one. ${GUESS}`;
    doc.eachMatch(CAUSE_HEDGE, (m) => {
      const end = m.index + m[0].length;
      // "you may be experiencing", "customers might be affected": a hedge on the impact.
      if (IMPACT_AFTER_HEDGE.test(text.slice(end, end + 60))) return;
      const clause = doc.clauseAt(m.index);
      const sentence = doc.sentenceAt(m.index);
      // The cue may sit in the clause, right after it ("it seems to be caused by"), or in the
      // clause just before ("we were upgrading the cluster, so there may have been errors").
      const scope = text.slice(
        Math.max(sentence.start, clause.start - 60),
        Math.max(clause.end, Math.min(sentence.end, m.index + 60)),
      );
      if (CAUSE_CUE.test(scope))
        flag(
          ctx,
          flagged,
          m.index,
          m.index + m[0].length,
          `"${m[0]}" marks a guess about the cause. ${GUESS}`,
        );
    });
    doc.eachMatch(CAUSE_CLAIM, (m) => {
      const end = m.index + m[0].length;
      // "due to a technical issue", "because of the outage": the incident itself, no cause named.
      if (NO_CAUSE_NAMED.test(text.slice(end, end + 80))) return;
      flag(ctx, flagged, m.index, end, stated);
    });
    doc.eachMatch(PROVISIONAL_CAUSE, (m) => {
      // "investigating possible causes" looks for a cause and names none.
      if (LOOKING_FOR_CAUSE.test(doc.clausePrefix(m.index))) return;
      flag(ctx, flagged, m.index, m.index + m[0].length, `"${m[0]}" is a guess about the cause. ${GUESS}`);
    });
    doc.eachMatch(HEDGED_FAULT, (m) => {
      flag(ctx, flagged, m.index, m.index + m[0].length, `"${m[0]}" is a guess about the cause. ${GUESS}`);
    });
    doc.eachMatch(CAUSE_LOCATED, (m) => flag(ctx, flagged, m.index, m.index + m[0].length, stated));
    doc.eachMatch(CAUSE_ACTIVE, (m) => flag(ctx, flagged, m.index, m.index + m[0].length, stated));
    doc.eachMatch(FAULTY_CHANGE, (m) => flag(ctx, flagged, m.index, m.index + m[0].length, stated));
    doc.eachMatch(LOAD_BLAME, (m) => flag(ctx, flagged, m.index, m.index + m[0].length, stated));
    doc.eachMatch(BECAUSE, (m) => {
      // "I removed the label because ...": the writer's reason for an action, not a cause.
      if (OWN_ACTION_BEFORE.test(text.slice(doc.sentenceAt(m.index).start, m.index))) return;
      const clause = doc.clauseAt(m.index + m[0].length + 1);
      if (CAUSE_NOUN.test(text.slice(m.index, clause.end))) {
        flag(
          ctx,
          flagged,
          m.index,
          m.index + m[0].length,
          `The cause is not confirmed yet, so do not state one. ${GUESS}`,
        );
      }
    });
    doc.eachMatch(PROVIDER_BLAME, (m) => {
      flag(
        ctx,
        flagged,
        m.index,
        m.index + m[0].length,
        `Do not blame a provider or partner before the cause is confirmed. ${GUESS}`,
      );
    });
    doc.eachMatch(VENDOR_BLAME, (m) => {
      flag(
        ctx,
        flagged,
        m.index,
        m.index + m[0].length,
        `Do not blame a named provider before the cause is confirmed. ${GUESS}`,
      );
    });
    doc.eachMatch(CAUSE_EVENT, (m) => {
      flag(
        ctx,
        flagged,
        m.index,
        m.index + m[0].length,
        `The cause is not confirmed yet, so do not state one. ${GUESS}`,
      );
    });
    if (ctx.extraPhrases !== undefined) {
      eachMatch(ctx.extraPhrases, text, (m) => {
        flag(ctx, flagged, m.index, m.index + m[0].length, `"${m[0]}" guesses at the cause. ${GUESS}`);
      });
    }
  },
});
