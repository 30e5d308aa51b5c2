/**
 * @module @incident-comms/cli
 * Programmatic access to the `incident-comms` command line and its lint formatters.
 */
export { CLI_VERSION, runCli } from './program';
export type { CliIO } from './io';
export { CliInputError } from './io';
export { formatJson } from './formatters/json';
export { formatSarif, type SarifRule } from './formatters/sarif';
export { formatStylish, type LintResult } from './formatters/stylish';
