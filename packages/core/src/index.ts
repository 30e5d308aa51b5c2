/**
 * @module @incident-comms/core
 * The policy engine: pure functions over the runbook and the incident log, plus the one
 * stateful coordinator. Each area's barrel lists its exports by name.
 */
export * from './vocabulary';
export type { ApprovedMessage } from './message';
export * from './errors';
export * from './runbook/index';
export * from './severity';
export * from './incident/index';
export * from './time/index';
export * from './cadence/index';
export * from './lint/index';
export * from './approvals/index';
export * from './publish/index';
export * from './pre-send/index';
export * from './playbooks/index';
export * from './review/index';
export * from './drill/index';
export * from './runbook-page/index';
export * from './text/index';
export * from './delivery/index';
export * from './coordinator/index';
