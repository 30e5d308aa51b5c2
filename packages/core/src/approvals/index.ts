/**
 * @module approvals
 * Approval gates: what a draft needs approved, by whom, and the approval requests to append.
 */
export {
  FACTS_GATE,
  gateStatuses,
  isGateGranted,
  isResolutionDraft,
  RESOLUTION_GATE,
  requiredApprovals,
  roleWords,
} from './gates';
export type { ApprovalGate, GateState, GateStatus, TextSpan } from './gates';
export { recordedDraft, requestApprovals } from './request';
export type { ApprovalRequestedInput } from './request';
