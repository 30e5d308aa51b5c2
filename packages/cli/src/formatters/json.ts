/**
 * @module formatters/json
 * Machine-readable output: the diagnostics as data, one object per linted input.
 */
import type { LintResult } from './stylish';

/**
 * Formats results as JSON: `[{ file, errorCount, warningCount, diagnostics }]`.
 *
 * @param results - one entry per linted input.
 * @returns pretty-printed JSON with a trailing newline.
 */
export function formatJson(results: readonly LintResult[]): string {
  const data = results.map((r) => ({
    file: r.file,
    errorCount: r.diagnostics.filter((d) => d.severity === 'error').length,
    warningCount: r.diagnostics.filter((d) => d.severity === 'warning').length,
    diagnostics: r.diagnostics,
  }));
  return `${JSON.stringify(data, null, 2)}\n`;
}
