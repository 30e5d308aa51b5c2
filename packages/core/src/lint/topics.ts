/**
 * @module lint/topics
 * Detects the approval topics a draft touches (security, data loss, legal, compensation,
 * contract/SLA, fix-time promises). One implementation, shared by the linter and the approval gates.
 */

import type { ApprovalTopic, TopicId } from '../vocabulary';
import { type LintConfig, resolveLintConfig } from './config';
import { findFixTimes, isReportedOrQuestion } from './find-fix-times';
import { foldForMatching, originalSpan } from './fold';
import {
  COMPENSATION,
  CONTRACT,
  compilePhrases,
  DATA_LOSS,
  eachMatch,
  LEGAL,
  REMEDY_FEATURE_AFTER,
  REMEDY_PAYMENT_BEFORE,
  SECURITY,
  STORE_CREDIT_PAYMENT_AFTER,
} from './phrases';
import { TextDocument } from './text';
import type { TopicMatch } from './types';

export type { TopicMatch } from './types';

const SIMPLE_TOPICS: readonly (readonly [ApprovalTopic, RegExp])[] = [
  ['security', SECURITY],
  ['dataLoss', DATA_LOSS],
  ['legal', LEGAL],
  ['compensation', COMPENSATION],
  ['contract', CONTRACT],
];

/** Extra phrases per approval topic (the runbook's `lint.topics`), compiled. */
export type TopicPhrases = ReadonlyMap<TopicId, RegExp>;

/**
 * Compiles the runbook's extra topic phrases (`lint.topics`); `undefined` when there are none.
 *
 * @example
 * compileTopicPhrases({ dataLoss: ['sent to the wrong customer'] })?.get('dataLoss');
 */
export function compileTopicPhrases(topics: LintConfig['topics']): TopicPhrases | undefined {
  if (topics === undefined) return undefined;
  const out = new Map<TopicId, RegExp>();
  for (const [topic, phrases] of Object.entries(topics) as [TopicId, string[]][]) {
    const re = compilePhrases(phrases);
    if (re !== undefined) out.set(topic, re);
  }
  return out.size > 0 ? out : undefined;
}

const fromConfig = new WeakMap<LintConfig, TopicPhrases | undefined>();

/**
 * Finds every passage that needs an approval before the draft may be sent: security,
 * data loss (including reassurances such as "your data is safe" or "no data was lost",
 * which are claims too), legal, compensation (credits, refunds, discounts, "we will make it
 * right on your bill"), contract/SLA, and `fixTime` (a promised fix or recovery time or
 * duration, not the next update time). Words in quotation marks, questions and reported
 * speech ("you asked about a refund") are someone else's words and do not count. A negated
 * fix time ("we cannot promise it will be fixed by noon") is not a promise; a negated
 * claim on the other topics ("no data was lost") still is one.
 *
 * Practice: security, data loss, legal, refunds and contract impact go through one named
 * approver; a fix-time promise only with the incident lead's approval.
 *
 * @param text the draft, plain text
 * @param config the runbook's parsed `lint` section: its `topics` (and those of the configs it
 *   extends) add phrases per topic, so the approval gates and the linter read the same list
 * @returns matches sorted by `start`; throws only for a config that fails to resolve
 * @example
 * detectTopics('We will add a service credit. It should be fixed in 10 minutes.')
 *   .map((m) => m.topic); // ['compensation', 'fixTime']
 */
export function detectTopics(text: string, config?: LintConfig): TopicMatch[] {
  let extra: TopicPhrases | undefined;
  if (config !== undefined) {
    if (!fromConfig.has(config))
      fromConfig.set(config, compileTopicPhrases(resolveLintConfig(config).topics));
    extra = fromConfig.get(config);
  }
  // Read the folded text (fullwidth forms, look-alike letters, invisibles) so a gate cannot be
  // slipped past with "ｒefund" or a Cyrillic letter; spans point at the text as written.
  const folded = foldForMatching(text);
  const matches = detectTopicsIn(new TextDocument(folded.text), extra);
  if (folded.toOriginal === undefined) return matches;
  return matches.map((m) => {
    const span = originalSpan(folded, m.start, m.end);
    return { ...m, ...span, text: text.slice(span.start, span.end) };
  });
}

/** {@link detectTopics} over an already segmented document (shared with the lint rules). */
export function detectTopicsIn(doc: TextDocument, extra?: TopicPhrases): TopicMatch[] {
  const out: TopicMatch[] = [];
  const text = doc.text;
  if (extra !== undefined) {
    for (const [topic, re] of extra) {
      eachMatch(re, text, (m) => {
        const start = m.index;
        const end = start + m[0].length;
        if (doc.isQuoted(start, end) || isReportedOrQuestion(doc, start)) return;
        out.push({ topic, start, end, text: m[0] });
      });
    }
  }
  // The runbook's own phrases are its word on those passages: a custom topic's "regulator" is
  // not also the built-in legal topic, so one passage waits for one approver.
  const ownSpans = out.slice();
  for (const [topic, re] of SIMPLE_TOPICS) {
    if (!doc.mayMatch(re)) continue;
    eachMatch(re, text, (m) => {
      const start = m.index;
      const end = start + m[0].length;
      if (doc.isQuoted(start, end) || isReportedOrQuestion(doc, start)) return;
      if (ownSpans.some((o) => o.start <= start && end <= o.end)) return;
      if (topic === 'compensation' && namesPaymentOrFeature(text, start, end)) return;
      out.push({ topic, start, end, text: m[0] });
    });
  }
  for (const match of findFixTimes(doc)) out.push(match);
  out.sort((a, b) => a.start - b.start || a.end - b.end);
  return out;
}

// "credit or debit card", "paying with store credit", "discount codes": a way to pay or a
// product feature that happens to use a remedy word; nobody is offered anything.
function namesPaymentOrFeature(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 40);
  if (REMEDY_FEATURE_AFTER.test(after)) return true;
  const before = text.slice(Math.max(0, start - 40), start);
  if (REMEDY_PAYMENT_BEFORE.test(before)) return true;
  return /\bstore\s+$/i.test(before) && STORE_CREDIT_PAYMENT_AFTER.test(after);
}
