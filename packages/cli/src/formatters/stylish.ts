/**
 * @module formatters/stylish
 * ESLint-style "stylish" output: a file heading, one aligned row per diagnostic, a summary.
 */
import type { Diagnostic } from '@incident-comms/core';

/** One linted input: its display name and its diagnostics. */
export interface LintResult {
  /** File path or `<stdin>`. */
  file: string;
  /** The text that was linted (for SARIF snippets). */
  text: string;
  diagnostics: Diagnostic[];
}

const useColor = (): boolean => Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
const paint = (code: number, s: string) => (useColor() ? `\u001b[${code}m${s}\u001b[0m` : s);

/**
 * Formats results like ESLint's stylish formatter.
 *
 * @param results - one entry per linted input.
 * @returns the text to print (ends with a newline when non-empty; empty when there is nothing to report).
 * @example
 * formatStylish([{ file: 'draft.txt', text, diagnostics }]);
 * // draft.txt
 * //   1:20  error  Do not promise a fix time …  no-fix-time-promise
 */
export function formatStylish(results: readonly LintResult[]): string {
  let errors = 0;
  let warnings = 0;
  const out: string[] = [];
  for (const result of results) {
    if (result.diagnostics.length === 0) continue;
    out.push(paint(4, result.file));
    const rows = result.diagnostics.map(
      (d) => [`${d.line}:${d.column}`, d.severity, d.message, d.ruleId] as const,
    );
    const w0 = Math.max(...rows.map((r) => r[0].length));
    const w1 = Math.max(...rows.map((r) => r[1].length));
    for (const [pos, severity, message, rule] of rows) {
      if (severity === 'error') errors++;
      else warnings++;
      const sev = severity === 'error' ? paint(31, severity.padEnd(w1)) : paint(33, severity.padEnd(w1));
      out.push(`  ${paint(2, pos.padEnd(w0))}  ${sev}  ${message}  ${paint(2, rule)}`);
    }
    out.push('');
  }
  const total = errors + warnings;
  if (total === 0) return '';
  const summary = `\u2716 ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`;
  out.push(paint(errors > 0 ? 31 : 33, summary));
  return `${out.join('\n')}\n`;
}
