/**
 * @module @incident-comms/core
 * The policy engine: pure functions over the runbook and the incident log, plus the one
 * stateful coordinator. Each area's barrel lists its exports by name.
 */

export * from './approvals/index';
export * from './cadence/index';
export * from './coordinator/index';
export * from './delivery/index';
export * from './desk/index';
export * from './drill/index';
export * from './errors';
export * from './incident/index';
export * from './lint/index';
export type { ApprovedMessage } from './message';
export * from './playbooks/index';
export * from './pre-send/index';
export * from './publish/index';
export * from './release/index';
export * from './review/index';
export * from './runbook/index';
export * from './runbook-page/index';
export * from './severity/index';
export * from './text/index';
export * from './time/index';
export * from './vocabulary';
