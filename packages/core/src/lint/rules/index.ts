/**
 * @module lint/rules
 * The one list of built-in rules. Adding a rule is one file and one line here.
 */
import type { Rule } from '../define-rule';
import { messageLength } from './message-length';
import { nextUpdateTime } from './next-update-time';
import { noBoilerplateApology } from './no-boilerplate-apology';
import { noCauseSpeculation } from './no-cause-speculation';
import { noCompensationOffer } from './no-compensation-offer';
import { noDramaticLanguage } from './no-dramatic-language';
import { noFixTimePromise } from './no-fix-time-promise';
import { noJargon } from './no-jargon';
import { noPrematureResolution } from './no-premature-resolution';
import { noVagueLanguage } from './no-vague-language';
import { ownerNamed } from './owner-named';
import { plainImpact } from './plain-impact';
import { scopeAccuracy } from './scope-accuracy';
import { sentenceLength } from './sentence-length';
import { staleFacts } from './stale-facts';
import { unfilledPlaceholder } from './unfilled-placeholder';

/** Ids of the built-in rules; public API (runbooks configure rules by these ids). */
export const RULE_IDS = [
  'next-update-time',
  'no-cause-speculation',
  'no-fix-time-promise',
  'no-premature-resolution',
  'no-vague-language',
  'plain-impact',
  'scope-accuracy',
  'no-compensation-offer',
  'no-jargon',
  'no-boilerplate-apology',
  'no-dramatic-language',
  'message-length',
  'sentence-length',
  'unfilled-placeholder',
  'stale-facts',
  'owner-named',
] as const;
/** One of {@link RULE_IDS}. */
export type RuleId = (typeof RULE_IDS)[number];

/**
 * The built-in rules, in {@link RULE_IDS} order.
 *
 * @example
 * lintRules.map((r) => r.id).includes('no-jargon'); // true
 */
export const lintRules: readonly Rule[] = Object.freeze([
  nextUpdateTime,
  noCauseSpeculation,
  noFixTimePromise,
  noPrematureResolution,
  noVagueLanguage,
  plainImpact,
  scopeAccuracy,
  noCompensationOffer,
  noJargon,
  noBoilerplateApology,
  noDramaticLanguage,
  messageLength,
  sentenceLength,
  unfilledPlaceholder,
  staleFacts,
  ownerNamed,
] as Rule[]);
