/**
 * @module publish
 * Publishing the one current status update, lint facts from the incident state, and the
 * cross-audience consistency check.
 */

export { checkConsistency } from './consistency';
export type {
  ConsistencyFact,
  ConsistencyMessage,
  ConsistencyOptions,
  ConsistencyReference,
  ConsistencyReport,
  Inconsistency,
} from './consistency-types';
export type { LintFactsClock, ReplyLintInput, StateLintFacts } from './lint-facts';
export { audienceTimeZone, draftLintContext, lintFactsFromState, replyLintContext } from './lint-facts';
export type { ReleaseDiagnostic } from './lint-release';
export { lintReleaseMessages } from './lint-release';
export { previewStatusUpdate, publish } from './publish';
export type {
  BlockedCode,
  BlockedReason,
  PublishBlockedInput,
  PublishDraftOptions,
  PublishOutcome,
  UpdatePublishedInput,
} from './publish-types';
export type { ReleaseContradiction } from './release-consistency';
export { releaseContradictions } from './release-consistency';
export type { NoteReleasedInput, ReleaseNoteOptions, ReleaseNoteOutcome } from './release-note';
export { releaseNote } from './release-note';
export { resolveWrittenTime, type WrittenTimeContext } from './stated-facts';
