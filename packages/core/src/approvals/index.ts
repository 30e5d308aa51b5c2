/**
 * @module approvals
 * Approval gates: what a draft needs approved, by whom, and the approval requests to append.
 */

export type { ApprovalGate, GateState, GateStatus, TextSpan } from './gates';
export {
  draftTexts,
  FACTS_GATE,
  gateStatuses,
  isGateGranted,
  isResolutionDraft,
  RESOLUTION_GATE,
  requiredApprovals,
  roleWords,
} from './gates';
export type { ApprovalRequestedInput } from './request';
export { requestApprovals } from './request';
