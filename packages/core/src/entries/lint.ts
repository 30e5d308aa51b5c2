/**
 * @module @incident-comms/core/lint
 * The message linter alone, for hosts that only check drafts (an editor plugin, a CI step):
 * `lintMessage`, the rules, their configuration, formatters and the rule API.
 */

export * from '../lint/index';
