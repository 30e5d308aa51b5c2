/**
 * @module lint/rules/scope-accuracy
 * Say exactly as many customers are affected as the incident lead confirmed: no "full
 * outage" for a partial one, no "only a few" while the scope is unknown or wide.
 */
import { defineRule } from '../define-rule';
import { SCOPE_MINIMISE, SCOPE_OVERCLAIM } from '../phrases';
import type { Span, TextDocument } from '../text';

// One finding per sentence: "nothing works for anyone" is one claim, not two.
function once(doc: TextDocument, flagged: Set<Span>, start: number): boolean {
  const sentence = doc.sentenceAt(start);
  if (flagged.has(sentence)) return false;
  flagged.add(sentence);
  return true;
}

/** `scope-accuracy`: see the rule's `docs.description`. */
export const scopeAccuracy = defineRule({
  id: 'scope-accuracy',
  defaultSeverity: 'error',
  docs: {
    description:
      'No "full outage", "all customers" or "completely down" unless every customer is confirmed affected; no minimising ("only a small group", "limited") while scope is unknown or wide.',
  },
  acceptsPhrases: true,
  check(ctx) {
    const { doc, facts } = ctx;
    const scope = facts.scope;
    const flagged = new Set<Span>();
    const flagEach = (pattern: RegExp, message: (phrase: string) => string): void =>
      doc.eachMatch(pattern, (m) => {
        const end = m.index + m[0].length;
        if (doc.isNotAClaim(m.index, end) || doc.isAboutPastIncident(m.index) || !once(doc, flagged, m.index))
          return;
        ctx.report({ start: m.index, end, message: message(m[0]) });
      });
    if (scope !== 'all') {
      flagEach(SCOPE_OVERCLAIM, (phrase) =>
        scope === 'unknown'
          ? `"${phrase}" claims everyone is affected, but the scope is not confirmed yet. Describe who is affected as far as it is known.`
          : `"${phrase}" overstates the impact: ${scope} customers are affected, not all. Name the affected feature and who is affected.`,
      );
    }
    // The runbook's extra phrases are overclaims ("the whole estate is down").
    if (scope !== 'all' && ctx.extraPhrases !== undefined)
      flagEach(
        ctx.extraPhrases,
        (phrase) =>
          `"${phrase}" claims more than the confirmed scope (${scope}). Name who is affected as far as it is confirmed.`,
      );
    if (scope === 'unknown' || scope === 'many' || scope === 'all') {
      flagEach(SCOPE_MINIMISE, (phrase) =>
        scope === 'unknown'
          ? `"${phrase}" minimises an impact that is not confirmed yet. Say the team is still checking who is affected.`
          : `"${phrase}" minimises the impact: ${scope} customers are affected.`,
      );
    }
  },
});
