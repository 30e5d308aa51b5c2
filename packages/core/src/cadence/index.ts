/**
 * @module cadence
 * Pure cadence rules: update rhythm, next-update due time, lateness, engineering checkpoints.
 */

export type { CheckpointReason, CheckpointStatus, OverdueStatus } from './cadence';
export { cadenceFor, checkpointDue, isOverdue, nextUpdateDue, planNextUpdateAt } from './cadence';
