/**
 * @module publish
 * Publishing the one current status update, lint facts from the incident state, and the
 * cross-audience consistency check.
 */

export type {
  ConsistencyFact,
  ConsistencyMessage,
  ConsistencyOptions,
  ConsistencyReference,
  ConsistencyReport,
  Inconsistency,
  WrittenTimeContext,
} from './consistency';
export { checkConsistency, resolveWrittenTime } from './consistency';
export type { LintFactsClock, ReplyLintInput, StateLintFacts } from './lint-facts';
export { audienceTimeZone, draftLintContext, lintFactsFromState, replyLintContext } from './lint-facts';
export type { ReleaseDiagnostic } from './lint-release';
export { lintReleaseMessages } from './lint-release';
export type {
  BlockedCode,
  BlockedReason,
  PublishBlockedInput,
  PublishDraftOptions,
  PublishOutcome,
  UpdatePublishedInput,
} from './publish';
export { previewStatusUpdate, publish } from './publish';
export type { ReleaseContradiction } from './release-consistency';
export { releaseContradictions } from './release-consistency';
export type { NoteReleasedInput, ReleaseNoteOptions, ReleaseNoteOutcome } from './release-note';
export { releaseNote } from './release-note';
