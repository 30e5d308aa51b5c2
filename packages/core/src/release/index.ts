/**
 * @module release
 * The release, the unit of approval: every audience's message, its content hash, and the
 * approved release delivery accepts.
 */
export type { ReleaseRef } from './approved';
export { approvedRelease } from './approved';
export {
  approvedReleaseSchema,
  checkDeliverableRelease,
  refuseUndeliverable,
  releaseDeliveryMessages,
} from './deliverable';
export type { ReleaseEdit } from './draft';
export { editReleaseMessage, releaseDraft } from './draft';
export type { RecordedRelease, ReleaseContent, ReleaseMessage } from './release';
export {
  canonicalJson,
  isMessageFor,
  leftoverPlaceholder,
  PLACEHOLDER_PATTERN,
  recordedReleaseSchema,
  releaseHash,
  releaseHashSchema,
  releaseMessageSchema,
  releaseMessagesSchema,
  sortReleaseMessages,
} from './release';
