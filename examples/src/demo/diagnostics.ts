/**
 * @module demo/diagnostics
 * Prints lint diagnostics and publish refusals the way a code linter does: position, severity,
 * rule id and message, one per line, with a summary.
 */
import type { BlockedReason, Diagnostic } from '@incident-comms/core';

/**
 * Lint diagnostics as linter lines: `1:86  error    no-fix-time-promise  <message>`, errors
 * first, then a `✖ 2 problems (1 error, 1 warning)` summary.
 *
 * @example
 * formatDiagnostics([{ ruleId: 'no-cause-speculation', severity: 'error', message: '…', start: 3, end: 13, line: 1, column: 4 }]);
 * // ['1:4   error    no-cause-speculation  …', '✖ 1 problem (1 error, 0 warnings)']
 */
export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string[] {
  if (diagnostics.length === 0) return ['✔ no lint problems'];
  const sorted = [...diagnostics].sort(
    (a, b) =>
      Number(b.severity === 'error') - Number(a.severity === 'error') ||
      a.line - b.line ||
      a.column - b.column,
  );
  const pos = Math.max(...sorted.map((d) => `${d.line}:${d.column}`.length));
  const rule = Math.max(...sorted.map((d) => d.ruleId.length));
  const lines = sorted.map(
    (d) =>
      `${`${d.line}:${d.column}`.padEnd(pos)}  ${d.severity.padEnd(7)}  ${d.ruleId.padEnd(rule)}  ${d.message}`,
  );
  const errors = sorted.filter((d) => d.severity === 'error').length;
  const warnings = sorted.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(
    `✖ ${plural(sorted.length, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`,
  );
  return lines;
}

/**
 * The reasons `publish` refused a draft other than lint errors (those are in the diagnostics),
 * as `approval-missing  <message>` lines.
 *
 * @example
 * formatRefusals(result.reasons); // ['approval-missing  Every update goes out only after …']
 */
export function formatRefusals(reasons: readonly BlockedReason[]): string[] {
  const other = reasons.filter((r) => r.code !== 'lint-error');
  const width = Math.max(0, ...other.map((r) => r.code.length));
  return other.map((r) => `${r.code.padEnd(width)}  ${r.message}`);
}
