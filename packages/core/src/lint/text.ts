/**
 * @module lint/text
 * Sentence and clause segmentation of a draft, quoted spans, and the meaning cues (negation,
 * hypotheticals, reported speech, past incidents) that keep rules from flagging keywords.
 */
import { impactSpans, namesImpact } from './impact';
import { eachMatch } from './phrases';
import { gateOf, openGates } from './triggers';

/** A half-open UTF-16 range `[start, end)` into a text. */
export interface Span {
  start: number;
  end: number;
}

// Sentence ends: one or more terminators, then optional closing quotes/brackets, then space or end.
const SENTENCE_END = /[.!?]+["'”’)\]]*(?=\s|$)|\n+/g;
// Words before a period that do not end a sentence.
const ABBREVIATION =
  /(?:\b(?:e\.g|i\.e|vs|approx|incl|Dr|Mr|Ms|Mrs|St|No|U\.S|Inc|Ltd|Co)|\b[ap]\.m|\b[A-Z])\.$/;
const MERIDIEM = /\b[ap]\.m\.$/i;
const ZONE_WORD =
  /^\s*\(?(?:UTC|GMT|ET|EST|EDT|PT|PST|PDT|CT|CST|CDT|MT|MST|MDT|CET|CEST|BST|IST|JST|AEST|AEDT)\b/;
const NEXT_IS_CAPITAL = /^\s+["'“‘(]?[A-Z0-9]/;
// Clause delimiters: punctuation, brackets of a heading such as "[Update]" (not the colon or comma inside "9:30" or "1,000") and a few
// conjunctions that start a new proposition.
const CLAUSE_BREAK =
  /[;()[\]\u2014\u2013]|,(?!\d)|:(?!\d)|\s-\s|\b(?:but|so|while|whereas|although|though|however|which|because|and then|yet)\b/gi;
const QUOTED =
  /"[^"\n]{1,200}"|“[^”\n]{1,200}”|‘[^’\n]{1,120}’|(?<![\p{L}\p{N}])'[^'\n]{1,80}'(?![\p{L}\p{N}])/gu;

const NEGATION =
  /\b(?:not|no|never|none|nothing|neither|nor|cannot|without|yet to|unable to|no longer|ruled out)\b|n['’]t\b/i;
const HYPOTHETICAL =
  /\b(?:if|whether|once(?! (?:again|more)\b)|until|unless|when|before|as soon as|in case|expect(?:s|ing)? to|hope(?:s)? to|aim(?:ing)? to|(?:working|trying|plan(?:ning)?|need) to|to (?:get|have|make|bring|keep))\b/i;
// Someone else's claim relayed: "customers said", "the provider says", "according to AWS".
const REPORTED =
  /\b(?:(?:you|they|customers?|users?) (?:said|say|told us|mention(?:ed)?|report(?:ed|s)?|asked|ask|wrote)|(?:provider|vendor|partner|supplier|status page|team|engineers?)s? (?:says?|said|reports?|reported|(?:is |are )?reporting|tells? us|told us|(?:has |have )?confirm(?:s|ed)?)|according to)\b/i;
// A named party relaying a claim: "Stripe says", "AWS reported" (case-sensitive: a name).
const RELAYED =
  /\b(?!We\b|I\b)[A-Z][\w-]*(?: [A-Z0-9][\w-]*)* (?:says|said|reports|reported|confirms|confirmed|tells us|told us)\b/;
const PAST_INCIDENT =
  /\b(?:last (?:week|month|night|year|time|weekend)|yesterday|previous|prior|earlier (?:this (?:week|month))|(?:a|one|two|three|four|five|\d+) (?:days?|weeks?|months?) ago|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|past (?:incident|outage)s?)\b/i;
const PRESENT_MARKER = /\b(?:now|currently|today|this (?:incident|issue|morning|afternoon|evening))\b/i;

/**
 * A draft split into sentences and clauses once, so every rule shares one segmentation.
 * Offsets are UTF-16 code units into `text`.
 *
 * @example
 * const doc = new TextDocument('Checkout fails. Next update by 9:30 AM ET.');
 * doc.sentences.length; // 2
 */
export class TextDocument {
  /** The linted text, unchanged. */
  readonly text: string;
  private spans: Span[] | undefined;
  private gatesOpen: Uint8Array | undefined;
  private clauseBreaks: number[] | undefined;
  private quotes: Span[] | undefined;
  private lineStarts: number[] | undefined;
  private impacts: Span[] | undefined;
  private impactNamed: boolean | undefined;
  private impactStarts: Set<number> | undefined;

  // Everything below is computed on first use: a rule that needs no sentences pays for none.
  constructor(text: string) {
    this.text = text;
  }

  /** Sentence spans, trimmed of surrounding whitespace, in order. */
  get sentences(): readonly Span[] {
    this.spans ??= splitSentences(this.text);
    return this.spans;
  }

  /**
   * False when `pattern` cannot match this text: it is a gated phrase pattern and none of its
   * trigger words occur (one scan per document finds them all). True otherwise.
   *
   * @example
   * new TextDocument('Checkout is down.').mayMatch(DRAMATIC); // false
   */
  mayMatch(pattern: RegExp): boolean {
    const gate = gateOf(pattern);
    if (gate === undefined) return true;
    this.gatesOpen ??= openGates(this.text);
    return this.gatesOpen[gate] === 1;
  }

  /**
   * Calls `fn` for every match of the global `pattern` in the text, skipping the scan when
   * {@link mayMatch} says it cannot match.
   */
  eachMatch(pattern: RegExp, fn: (m: RegExpExecArray) => void): void {
    if (this.mayMatch(pattern)) eachMatch(pattern, this.text, fn);
  }

  /** The sentence containing `offset` (the last one when `offset` is past the end). */
  sentenceAt(offset: number): Span {
    const s = this.sentences;
    // Binary search: the first sentence ending after `offset` (rules ask once per match).
    let lo = 0;
    let hi = s.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (s[mid]!.end <= offset) lo = mid + 1;
      else hi = mid;
    }
    return s[lo] ?? s[s.length - 1] ?? { start: 0, end: this.text.length };
  }

  /** The clause containing `offset`: the sentence cut at commas, semicolons and a few conjunctions. */
  clauseAt(offset: number): Span {
    const sentence = this.sentenceAt(offset);
    if (this.clauseBreaks === undefined) {
      this.clauseBreaks = [];
      CLAUSE_BREAK.lastIndex = 0;
      for (let m = CLAUSE_BREAK.exec(this.text); m !== null; m = CLAUSE_BREAK.exec(this.text)) {
        this.clauseBreaks.push(m.index);
      }
    }
    // The last break at or before `offset` and the first after it, by binary search.
    const breaks = this.clauseBreaks;
    const after = firstAbove(breaks, offset);
    const before = after > 0 ? breaks[after - 1]! : -1;
    const next = after < breaks.length ? breaks[after]! : Number.POSITIVE_INFINITY;
    return {
      start: Math.max(before, sentence.start),
      end: Math.min(next, sentence.end),
    };
  }

  /** Text of the clause containing `start`, from the clause start up to `start`. */
  clausePrefix(start: number): string {
    const clause = this.clauseAt(start);
    return this.text.slice(clause.start, start);
  }

  /** True when `[start, end)` lies inside quotation marks (someone else's words). */
  isQuoted(start: number, end: number): boolean {
    if (this.quotes === undefined) {
      this.quotes = [];
      if (/["“‘']/.test(this.text)) {
        QUOTED.lastIndex = 0;
        for (let m = QUOTED.exec(this.text); m !== null; m = QUOTED.exec(this.text)) {
          this.quotes.push({ start: m.index, end: m.index + m[0].length });
        }
      }
    }
    // Quotes do not overlap: only the last one starting at or before `start` can contain it.
    const q = this.quotes;
    let lo = 0;
    let hi = q.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (q[mid]!.start <= start) lo = mid + 1;
      else hi = mid;
    }
    const candidate = q[lo - 1];
    return candidate !== undefined && end <= candidate.end;
  }

  /** True when the clause before `start` negates what follows ("we have not confirmed ..."). */
  isNegated(start: number): boolean {
    return NEGATION.test(this.clausePrefix(start));
  }

  /**
   * True when the clause before `start` makes what follows hypothetical, conditional or an
   * intent ("once it is fixed", "working to get it running again"), or reports someone
   * else's words ("you said it was fixed"), or the sentence is a question.
   */
  isHypothetical(start: number): boolean {
    const prefix = this.clausePrefix(start);
    if (HYPOTHETICAL.test(prefix) || REPORTED.test(prefix) || RELAYED.test(prefix)) return true;
    const sentence = this.sentenceAt(start);
    return this.text.charCodeAt(sentence.end - 1) === 63; // '?'
  }

  /**
   * True when the sentence around `start` talks about an earlier incident ("last week's
   * outage, which was resolved on Thursday") and the clause itself has no present marker.
   */
  isAboutPastIncident(start: number): boolean {
    const sentence = this.sentenceAt(start);
    if (!PAST_INCIDENT.test(this.text.slice(sentence.start, sentence.end))) return false;
    const clause = this.clauseAt(start);
    return !PRESENT_MARKER.test(this.text.slice(clause.start, clause.end));
  }

  /**
   * The passages that say what customers can or cannot do or see ("cannot sign in", "payments
   * are declined"; `impactSpans` in `impact.ts`), in order. One scan per draft, shared by every
   * rule that asks (`plain-impact`, `no-vague-language`, a host's own rule).
   *
   * @example
   * new TextDocument('We are looking into it. Customers cannot sign in.').impactSpans(); // [{ start: 34, end: 40 }]
   */
  impactSpans(): readonly Span[] {
    this.impacts ??= impactSpans(this.text);
    return this.impacts;
  }

  /**
   * True when some passage names the impact ({@link impactSpans} is not empty). Stops at the
   * first one, so a rule that only needs the answer does not pay for the full scan.
   *
   * @example
   * new TextDocument('Customers cannot sign in.').namesImpact(); // true
   */
  namesImpact(): boolean {
    this.impactNamed ??= this.impacts === undefined ? namesImpact(this.text) : this.impacts.length > 0;
    return this.impactNamed;
  }

  /**
   * The start offsets of the sentences that name the impact ({@link impactSpans}).
   *
   * @example
   * new TextDocument('We are looking into it. Customers cannot sign in.').impactSentenceStarts(); // Set { 24 }
   */
  impactSentenceStarts(): ReadonlySet<number> {
    this.impactStarts ??= new Set(this.impactSpans().map((s) => this.sentenceAt(s.start).start));
    return this.impactStarts;
  }

  /** True when `[start, end)` is quoted, negated, hypothetical or reported: not the writer's own claim. */
  isNotAClaim(start: number, end: number): boolean {
    return this.isQuoted(start, end) || this.isNegated(start) || this.isHypothetical(start);
  }

  /** 1-based line and column of `offset`. */
  lineColumn(offset: number): { line: number; column: number } {
    if (this.lineStarts === undefined) {
      this.lineStarts = [0];
      for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) {
        this.lineStarts.push(i + 1);
      }
    }
    const line = firstAbove(this.lineStarts, offset) - 1;
    return { line: line + 1, column: offset - this.lineStarts[line]! + 1 };
  }

  /** Number of words in `[start, end)`; the whole text by default. */
  wordCount(start = 0, end = this.text.length): number {
    return countWords(this.text, start, end);
  }
}

/** Index of the first entry of the ascending `list` greater than `value` (`list.length` when none). */
function firstAbove(list: readonly number[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Longest sentence span, in UTF-16 code units. Longer runs without a sentence end (a pasted
 * log, a list without full stops) are cut at a space, so the per-sentence work of every rule is
 * bounded and lint cost stays linear in the text length.
 */
export const MAX_SENTENCE_LENGTH = 1000;

/**
 * Splits text into trimmed sentence spans. Periods in `a.m.`, `e.g.`, decimals and URLs do
 * not end a sentence; `a.m.` does when a capitalised word that is not a zone label follows.
 *
 * @example
 * splitSentences('We post by 9 a.m. If it fails, retry.').length; // 2
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m !== null; m = SENTENCE_END.exec(text)) {
    const end = m.index + m[0].length;
    if (m[0][0] === '.' && m[0].length === 1) {
      const before = text.slice(Math.max(start, m.index - 6), end);
      if (ABBREVIATION.test(before)) {
        const after = text.slice(end, end + 8);
        const endsAnyway = MERIDIEM.test(before) && NEXT_IS_CAPITAL.test(after) && !ZONE_WORD.test(after);
        if (!endsAnyway) continue;
      }
    }
    pushTrimmed(text, start, m[0][0] === '\n' ? m.index : end, spans);
    start = end;
  }
  pushTrimmed(text, start, text.length, spans);
  return spans;
}

function pushTrimmed(text: string, start: number, end: number, spans: Span[]): void {
  let s = start;
  let e = end;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  // Over-long runs are cut at the last space before the limit (or at the limit when none).
  while (e - s > MAX_SENTENCE_LENGTH) {
    let cut = s + MAX_SENTENCE_LENGTH;
    while (cut > s + MAX_SENTENCE_LENGTH / 2 && !isSpace(text.charCodeAt(cut))) cut--;
    if (!isSpace(text.charCodeAt(cut))) cut = s + MAX_SENTENCE_LENGTH;
    let pieceEnd = cut;
    while (pieceEnd > s && isSpace(text.charCodeAt(pieceEnd - 1))) pieceEnd--;
    if (pieceEnd > s) spans.push({ start: s, end: pieceEnd });
    s = cut;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
  }
  if (e > s) spans.push({ start: s, end: e });
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 160;
}

/**
 * Counts words (letters/digits with inner apostrophes or hyphens), in `[start, end)` of `text`
 * (the whole text by default).
 *
 * @example
 * countWords("Sign-in isn't working."); // 3
 */
export function countWords(text: string, start = 0, end = text.length): number {
  // A char loop with a class table: several times faster than a Unicode regex on the hot path.
  let n = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const k = c < 128 ? ASCII_CLASS[c]! : NON_WORD_ABOVE_ASCII.has(c) ? OTHER : WORD;
    if (k === WORD) {
      if (!inWord) n++;
      inWord = true;
    } else if (k !== JOINER || !inWord) inWord = false;
  }
  return n;
}

const OTHER = 0;
const WORD = 1;
const JOINER = 2; // ' and - inside a word
// Above ASCII every character is a word character (’ too) except dashes, curly double quotes and NBSP.
const NON_WORD_ABOVE_ASCII = new Set([8212, 8211, 8220, 8221, 160]);
const ASCII_CLASS = (() => {
  const table = new Uint8Array(128);
  for (let c = 48; c <= 57; c++) table[c] = WORD;
  for (let c = 65; c <= 90; c++) table[c] = WORD;
  for (let c = 97; c <= 122; c++) table[c] = WORD;
  table[39] = JOINER;
  table[45] = JOINER;
  return table;
})();
