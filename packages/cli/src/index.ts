/**
 * @module @incident-comms/cli
 * Programmatic access to the `incident-comms` command line and its lint formatters.
 */

export { formatJson } from './formatters/json';
export { formatSarif, type SarifOptions, type SarifRule } from './formatters/sarif';
export { formatStylish, type LintResult } from './formatters/stylish';
export type { CliIO } from './io';
export { CliFileError, CliInputError, decodeText } from './io';
export { CLI_VERSION, runCli, STDIN_HINT } from './program';
