/**
 * @module lint/rules/no-vague-language
 * No statements that tell a customer nothing: "a situation", "some services", "may experience
 * issues", "issues with the app", "elevated error rates", "we continue to monitor".
 */
import { CUSTOMER_FACING_AUDIENCES } from '../../vocabulary';
import { defineRule, type RuleContext } from '../define-rule';
import { eachMatch } from '../phrases';
import type { Span, TextDocument } from '../text';
import {
  AFFECTS_PEOPLE,
  DEGRADED,
  DEGRADED_DETAIL,
  EMPTY_INVESTIGATION,
  GENERIC_NAMED,
  GENERIC_PROBLEM,
  HOLDING,
  METRIC_ONLY,
  PROGRESS,
  VAGUE,
} from '../vague';

const SAY_INSTEAD = 'Name what customers see instead, e.g. "Customers cannot sign in to the web app."';

// One finding per passage: the phrase lists overlap ("experiencing issues" is in two).
class Findings {
  private readonly spans: Span[] = [];
  constructor(private readonly ctx: RuleContext) {}
  add(start: number, end: number): void {
    if (this.spans.some((s) => s.start < end && start < s.end)) return;
    this.spans.push({ start, end });
    this.ctx.report({
      start,
      end,
      message: `"${this.ctx.text.slice(start, end)}" tells customers nothing they can use. ${SAY_INSTEAD}`,
    });
  }
}

/** `no-vague-language`: see the rule's `docs.description`. */
export const noVagueLanguage = defineRule({
  id: 'no-vague-language',
  defaultSeverity: 'error',
  docs: {
    description:
      'No statements that tell a customer nothing ("we are aware of a situation", "some users may experience issues", "issues with the app", "elevated error rates", "degraded performance" with no symptom, "we are looking into it" or "we continue to monitor" after the first message with no news), unless another sentence says what customers can or cannot do.',
  },
  appliesTo: { audiences: CUSTOMER_FACING_AUDIENCES },
  acceptsPhrases: true,
  check(ctx) {
    const { doc, text } = ctx;
    const found = new Findings(ctx);
    const claim = (m: RegExpExecArray) =>
      !doc.isQuoted(m.index, m.index + m[0].length) && !doc.isNegated(m.index);
    // Where the message says what customers can or cannot do or see.
    const impacts = doc.impactSpans();
    const namedElsewhere = (at: number) => {
      const own = doc.sentenceAt(at).start;
      return impacts.some((i) => doc.sentenceAt(i.start).start !== own);
    };
    // Vague subjects ("some services", "certain features") stay vague in their own sentence even
    // next to a symptom ("certain features are unavailable"); another sentence that names the
    // impact makes them a lead-in.
    for (const pattern of [VAGUE, DEGRADED])
      doc.eachMatch(pattern, (m) => {
        if (!claim(m) || namedElsewhere(m.index) || overlaps(impacts, m)) return;
        if (pattern === DEGRADED && DEGRADED_DETAIL.test(sentenceWithout(doc, m))) return;
        found.add(m.index, m.index + m[0].length);
      });
    // A problem word about a service ("issues with the app", "technical difficulties"), a problem
    // said to affect people ("an outage affecting customers in Texas") or a metric ("elevated
    // error rates") stands in for the impact unless the symptom is spelled out beside it
    // ("technical issues preventing sign-in", "delays following an IT outage") or in another
    // sentence. A closing message that reports recovery may call it "a technical issue".
    const progress = PROGRESS.test(text);
    if (ctx.kind !== 'resolved' || !progress)
      for (const pattern of [GENERIC_PROBLEM, GENERIC_NAMED, AFFECTS_PEOPLE, METRIC_ONLY])
        doc.eachMatch(pattern, (m) => {
          if (claim(m) && !namedElsewhere(m.index) && !spelledOutBeside(doc, m, impacts))
            found.add(m.index, m.index + m[0].length);
        });
    // "We are looking into it" and "we continue to monitor" help once; after the first message
    // they are empty unless the message also names the impact or reports progress.
    if (ctx.kind !== 'initial' && ctx.kind !== 'resolved' && impacts.length === 0 && !progress) {
      for (const pattern of [EMPTY_INVESTIGATION, HOLDING])
        doc.eachMatch(pattern, (m) => {
          if (!doc.isQuoted(m.index, m.index + m[0].length)) found.add(m.index, m.index + m[0].length);
        });
    }
    extraPhrases(ctx, found);
  },
});

// How far after a problem word its symptom may start and still be spelled out beside it.
const BESIDE_WORDS = 12;
// A symptom ending this close (UTF-16 units) before a problem word runs into it ("a syncing issue").
const ADJACENT = 3;
// A problem word that explains a symptom stated before it: "delays following an IT outage",
// "we can't deliver today because of a technical issue".
const EXPLAINS_BEFORE =
  /\b(?:because of|due to|following|after|caused by|from|owing to)\s+(?:[\w'’-]+\s+){0,3}$/i;

/** True when a symptom passage overlaps the match ("may experience issues requesting trips"). */
function overlaps(impacts: readonly Span[], m: RegExpExecArray): boolean {
  return impacts.some((i) => i.start < m.index + m[0].length && i.end > m.index);
}

/** The sentence around a match, without the match itself. */
function sentenceWithout(doc: TextDocument, m: RegExpExecArray): string {
  const s = doc.sentenceAt(m.index);
  return doc.text.slice(s.start, m.index) + doc.text.slice(m.index + m[0].length, s.end);
}

/**
 * True when a symptom is spelled out right beside the problem word: overlapping it, starting
 * within a few words after it, or stated before it when the problem word explains it.
 */
function spelledOutBeside(doc: TextDocument, m: RegExpExecArray, impacts: readonly Span[]): boolean {
  const start = m.index;
  const end = m.index + m[0].length;
  const sentence = doc.sentenceAt(start);
  const after = doc.text.slice(end, sentence.end).split(/\s+/, BESIDE_WORDS + 1);
  const reach = end + after.join(' ').length + 1;
  for (const i of impacts) {
    if (i.start < sentence.start || i.start >= sentence.end) continue;
    if (i.start < end && i.end > start - ADJACENT) return true;
    if (i.start >= end && i.start <= reach) return true;
    if (i.end <= start && EXPLAINS_BEFORE.test(doc.text.slice(sentence.start, start))) return true;
  }
  return false;
}

/** The runbook's own vague phrases, reported wherever they occur outside quotes. */
function extraPhrases(ctx: RuleContext, found: Findings): void {
  const { doc, text } = ctx;
  if (ctx.extraPhrases === undefined) return;
  eachMatch(ctx.extraPhrases, text, (m) => {
    if (!doc.isQuoted(m.index, m.index + m[0].length)) found.add(m.index, m.index + m[0].length);
  });
}
