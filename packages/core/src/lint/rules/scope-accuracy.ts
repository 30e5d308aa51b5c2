/**
 * @module lint/rules/scope-accuracy
 * Say exactly as many customers are affected as the incident lead confirmed: no "full
 * outage" for a partial one, no "only a few" while the scope is unknown or wide.
 */
import { defineRule, type RuleContext } from '../define-rule';
import { SCOPE_MINIMISE, SCOPE_OVERCLAIM } from '../phrases';
import {
  AFFECTED_AFTER,
  AFFECTED_BEFORE,
  CUT_OFF_FROM_ALL,
  FEELING_BEFORE,
  MILD_IMPACT,
  PARTIAL_PEOPLE,
  PARTIAL_SUBJECT,
  PLACE_AFTER,
  QUALIFIED_AFTER,
  RECOVERY_CLAUSE,
  REMAINDER,
  WIDE_SCOPE_DENIED,
} from '../scope';
import type { Span } from '../text';

type Reading = (ctx: RuleContext, start: number, end: number) => boolean;

// An overclaim that is no claim about who is affected: its subject is partial ("a number of
// servers are completely unavailable"), it is about recovery ("all users are now able to log
// in"), or "for everyone" follows a feeling ("frustration for everyone").
const notAnOverclaim: Reading = ({ doc, text }, start, end) => {
  const clause = doc.clauseAt(start);
  if (PARTIAL_SUBJECT.test(text.slice(clause.start, start))) return true;
  if (RECOVERY_CLAUSE.test(text.slice(clause.start, clause.end))) return true;
  // "every customer on the EU cluster", "everyone using single sign-on": a named subset.
  if (
    /(?:customers?|users?|accounts?|merchants?|tenants?|everyone|everybody|anyone)$/i.test(
      text.slice(start, end),
    ) &&
    QUALIFIED_AFTER.test(text.slice(end, end + 12))
  )
    return true;
  return /^for\b/i.test(text.slice(start, end)) && FEELING_BEFORE.test(text.slice(clause.start, start));
};

// A minimiser that is no claim about the incident's scope: what is left after recovery ("a
// few customers may still see errors"), or a place ("limited to the U.S.").
const notAMinimiser: Reading = ({ doc, text }, start, end) => {
  const sentence = doc.sentenceAt(start);
  if (REMAINDER.test(text.slice(sentence.start, sentence.end))) return true;
  return /limited to$/i.test(text.slice(start, end)) && PLACE_AFTER.test(text.slice(end, end + 20));
};

// A partial group the team acts on ("we are contacting some customers"), not the affected.
const notTheAffected: Reading = (ctx, start, end) => {
  const { doc, text } = ctx;
  const sentence = doc.sentenceAt(start);
  const affected =
    AFFECTED_BEFORE.test(text.slice(Math.max(sentence.start, start - 30), start)) ||
    AFFECTED_AFTER.test(text.slice(end, Math.min(sentence.end, end + 50)));
  return !affected || notAMinimiser(ctx, start, end);
};

const noReading: Reading = () => false;

/** `scope-accuracy`: see the rule's `docs.description`. */
export const scopeAccuracy = defineRule({
  id: 'scope-accuracy',
  defaultSeverity: 'error',
  docs: {
    description:
      'No "full outage", "all customers", "completely down" or "inaccessible to the internet" unless every customer is confirmed affected; no minimising ("only a small group", "limited", "it was not a nationwide outage") while scope is unknown or wide, and no "some users" or "some delays" when the confirmed impact is wide.',
  },
  acceptsPhrases: true,
  check(ctx) {
    const scope = ctx.facts.scope;
    const flagged = new Set<Span>();
    if (scope !== 'all') {
      flagEach(ctx, flagged, SCOPE_OVERCLAIM, notAnOverclaim, overclaim);
      flagEach(ctx, flagged, CUT_OFF_FROM_ALL, notAnOverclaim, overclaim);
      // The runbook's extra phrases are overclaims ("the whole estate is down").
      if (ctx.extraPhrases !== undefined) flagEach(ctx, flagged, ctx.extraPhrases, noReading, overclaimExtra);
    }
    if (scope === 'unknown' || scope === 'many' || scope === 'all') {
      flagEach(ctx, flagged, SCOPE_MINIMISE, notAMinimiser, minimise);
      flagEach(ctx, flagged, WIDE_SCOPE_DENIED, noReading, minimise);
    }
    // "Some users might see errors", "some delays": fine while the scope is unknown or partial,
    // an understatement once the incident lead confirmed a wide one.
    if (scope === 'many' || scope === 'all') {
      flagEach(ctx, flagged, PARTIAL_PEOPLE, notTheAffected, understated);
      flagEach(ctx, flagged, MILD_IMPACT, notAMinimiser, understated);
    }
  },
});

type Message = (phrase: string, scope: RuleContext['facts']['scope']) => string;

// Module functions, not closures in `check`: a draft allocates no functions.
const overclaim: Message = (phrase, scope) =>
  scope === 'unknown'
    ? `"${phrase}" claims everyone is affected, but the scope is not confirmed yet. Describe who is affected as far as it is known.`
    : `"${phrase}" overstates the impact: ${scope} customers are affected, not all. Name the affected feature and who is affected.`;
const overclaimExtra: Message = (phrase, scope) =>
  `"${phrase}" claims more than the confirmed scope (${scope}). Name who is affected as far as it is confirmed.`;
const minimise: Message = (phrase, scope) =>
  scope === 'unknown'
    ? `"${phrase}" minimises an impact that is not confirmed yet. Say the team is still checking who is affected.`
    : `"${phrase}" minimises the impact: ${scope} customers are affected.`;
const understated: Message = (phrase, scope) =>
  `"${phrase}" understates the impact: ${scope} customers are affected. Say so plainly.`;

// Reports each claim-shaped match of `pattern` that `skip` does not explain away, at most one
// per sentence ("nothing works for anyone" is one claim, not two).
function flagEach(
  ctx: RuleContext,
  flagged: Set<Span>,
  pattern: RegExp,
  skip: Reading,
  message: Message,
): void {
  const { doc } = ctx;
  doc.eachMatch(pattern, (m) => {
    const end = m.index + m[0].length;
    if (doc.isNotAClaim(m.index, end) || doc.isAboutPastIncident(m.index) || skip(ctx, m.index, end)) return;
    const sentence = doc.sentenceAt(m.index);
    if (flagged.has(sentence)) return;
    flagged.add(sentence);
    ctx.report({ start: m.index, end, message: message(m[0], ctx.facts.scope) });
  });
}
