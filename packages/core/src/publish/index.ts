/**
 * @module publish
 * Publishing the one current status update, lint facts from the incident state, and the
 * cross-audience consistency check.
 */
export { previewStatusUpdate, publish } from './publish';
export type {
  BlockedCode,
  BlockedReason,
  PublishBlockedInput,
  PublishDraftOptions,
  PublishOutcome,
  UpdatePublishedInput,
} from './publish';
export { audienceTimeZone, draftLintContext, lintFactsFromState } from './lint-facts';
export type { LintFactsClock, StateLintFacts } from './lint-facts';
export { checkConsistency } from './consistency';
export type {
  ConsistencyFact,
  ConsistencyMessage,
  ConsistencyOptions,
  ConsistencyReference,
  ConsistencyReport,
  Inconsistency,
} from './consistency';
