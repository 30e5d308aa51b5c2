/**
 * @module @incident-comms/core
 * The policy engine: pure functions over the runbook and the incident log, plus the one
 * stateful coordinator and the desk. Groups follow the life of a status update; each area's
 * barrel lists its exports by name. Hosts that use one boundary alone can import a subpath:
 * `@incident-comms/core/lint`, `/delivery`, `/testing`, `/node`.
 */

export * from './approvals/index';
// Deciding: when the next update is due, the pre-send check, publishing one version.
export * from './cadence/index';
// Running it: the clocked coordinator and the desk a host holds.
export * from './coordinator/index';
// Delivering: channels, the outbox and event store interfaces, delivery of a published version.
export * from './delivery/index';
export * from './desk/index';
export * from './drill/index';
export * from './errors';
// The incident log: events, the permission table and the fold into state.
export * from './incident/index';
// Drafting: the message linter and its rules, which approvals each draft needs, the release.
export * from './lint/index';
export type { ApprovedMessage } from './message';
export * from './playbooks/index';
export * from './pre-send/index';
export * from './publish/index';
export * from './release/index';
// Afterwards and beforehand: the review, drills, the runbook rendered as a page.
export * from './review/index';
// The runbook: roles, severities, cadence, approval policy, templates and lint settings, validated.
export * from './runbook/index';
export * from './runbook-page/index';
export * from './severity/index';
export * from './text/index';
export * from './time/index';
// The domain's words, typed errors, text and time helpers every layer shares.
export * from './vocabulary';
