/**
 * @module lint/rules/no-vague-language
 * No statements that tell a customer nothing: "a situation", "some services", "may experience
 * issues", "issues with the app", "elevated error rates", "we continue to monitor".
 */
import { CUSTOMER_FACING_AUDIENCES } from '../../vocabulary';
import { defineRule, type RuleContext } from '../define-rule';
import { impactSpans, namesImpact } from '../impact';
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
    const { doc } = ctx;
    const found = new Findings(ctx);
    const reading = new VagueReading(doc);
    // Vague subjects ("some services", "certain features") stay vague in their own sentence even
    // next to a symptom ("certain features are unavailable"); another sentence that names the
    // impact makes them a lead-in.
    for (const pattern of [VAGUE, DEGRADED])
      doc.eachMatch(pattern, (m) => {
        if (!isClaim(doc, m) || reading.namedElsewhere(m.index) || extendsBeyond(reading.impacts(m.index), m))
          return;
        if (pattern === DEGRADED && DEGRADED_DETAIL.test(sentenceWithout(doc, m))) return;
        found.add(m.index, m.index + m[0].length);
      });
    // A problem word about a service ("issues with the app", "technical difficulties"), a problem
    // said to affect people ("an outage affecting customers in Texas") or a metric ("elevated
    // error rates") stands in for the impact unless the symptom is spelled out beside it
    // ("technical issues preventing sign-in", "delays following an IT outage") or in another
    // sentence. A closing message that reports recovery may call it "a technical issue".
    const closingNote = ctx.kind === 'resolved' && ctx.audience === 'customer' && reading.progress();
    if (!closingNote)
      for (const pattern of [GENERIC_PROBLEM, GENERIC_NAMED, AFFECTS_PEOPLE, METRIC_ONLY])
        doc.eachMatch(pattern, (m) => {
          if (
            isClaim(doc, m) &&
            !reading.namedElsewhere(m.index) &&
            !spelledOutBeside(doc, m, reading.impacts(m.index))
          )
            found.add(m.index, m.index + m[0].length);
        });
    // "We are looking into it" and "we continue to monitor" help once; after the first message
    // they are empty unless the message also names the impact or reports progress.
    if (ctx.kind !== 'initial' && ctx.kind !== 'resolved' && !doc.namesImpact() && !reading.progress()) {
      for (const pattern of [EMPTY_INVESTIGATION, HOLDING])
        doc.eachMatch(pattern, (m) => {
          if (!doc.isQuoted(m.index, m.index + m[0].length)) found.add(m.index, m.index + m[0].length);
        });
    }
    extraPhrases(ctx, found);
  },
});

// Quoted, negated or conditional ("if you are still seeing issues") wording is no claim.
function isClaim(doc: TextDocument, m: RegExpExecArray): boolean {
  return (
    !doc.isQuoted(m.index, m.index + m[0].length) &&
    !doc.isNegated(m.index) &&
    !CONDITION.test(doc.clausePrefix(m.index))
  );
}

/**
 * What one draft says around a candidate phrase, read on demand and remembered per sentence:
 * most drafts have no candidate, and a symptom in another sentence is usually found at once.
 * (A class, not closures in `check`, so a draft allocates no functions.)
 */
class VagueReading {
  private readonly inSentence = new Map<number, readonly Span[]>();
  private readonly outside = new Map<number, boolean>();
  private news: boolean | undefined;
  constructor(private readonly doc: TextDocument) {}

  /** The passages naming the impact in the sentence at `at` (absolute spans). */
  impacts(at: number): readonly Span[] {
    const { doc } = this;
    const s = doc.sentenceAt(at);
    let list = this.inSentence.get(s.start);
    if (list === undefined) {
      list = doc.namesImpact() ? impactSpans(doc.text.slice(s.start, s.end), s.start) : [];
      this.inSentence.set(s.start, list);
    }
    return list;
  }

  /** True when a sentence other than the one at `at` names the impact. */
  namedElsewhere(at: number): boolean {
    const { doc } = this;
    const s = doc.sentenceAt(at);
    let named = this.outside.get(s.start);
    if (named === undefined) {
      named =
        doc.namesImpact() && (namesImpact(doc.text.slice(0, s.start)) || namesImpact(doc.text.slice(s.end)));
      this.outside.set(s.start, named);
    }
    return named;
  }

  /** True when the draft reports progress that is not still pending. */
  progress(): boolean {
    if (this.news === undefined) {
      let news = false;
      const { doc } = this;
      doc.eachMatch(PROGRESS, (m) => {
        news ||= !PENDING.test(doc.clausePrefix(m.index));
      });
      this.news = news;
    }
    return this.news;
  }
}

// Before news in its clause, makes it news yet to come: "tell us when service is back up".
const PENDING = /\b(?:if|whether|unless|in case|when|once|until|as soon as)\b/i;
// A condition before a phrase in its clause: "if you are still seeing issues".
const CONDITION = /\b(?:if|whether|unless|in case)\b/i;
// How far after a problem word its symptom may start and still be spelled out beside it.
const BESIDE_WORDS = 12;
// A symptom ending this close (UTF-16 units) before a problem word runs into it ("a syncing issue").
const ADJACENT = 3;
// A problem word that explains a symptom stated before it: "delays following an IT outage",
// "we can't deliver today because of a technical issue".
const EXPLAINS_BEFORE =
  /\b(?:because of|due to|following|after|caused by|from|owing to)\s+(?:[\w'’-]+\s+){0,3}$/i;

/**
 * True when a symptom passage overlaps the match and says more than it ("may experience issues
 * requesting trips"); a hedge that is itself read as a symptom ("not fully functional") is not.
 */
function extendsBeyond(impacts: readonly Span[], m: RegExpExecArray): boolean {
  const end = m.index + m[0].length;
  return impacts.some((i) => i.start < end && i.end > m.index && (i.start < m.index || i.end > end));
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
