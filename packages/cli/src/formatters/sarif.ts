/**
 * @module formatters/sarif
 * SARIF 2.1.0 output, so lint results show up in code-scanning UIs (e.g. a CI check of templates).
 */
import type { LintResult } from './stylish';

/** Metadata of one rule as SARIF wants it. */
export interface SarifRule {
  id: string;
  description: string;
  /** A page documenting the rule; omitted from the log when absent. */
  helpUri?: string | undefined;
}

/** Optional tool metadata for {@link formatSarif}. */
export interface SarifOptions {
  /** The tool's home page (`tool.driver.informationUri`); omitted from the log when absent. */
  informationUri?: string | undefined;
}

function endPosition(text: string, end: number): { line: number; column: number } {
  const before = text.slice(0, end);
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

/**
 * Formats results as a SARIF 2.1.0 log with one run of the `incident-comms` tool.
 *
 * @param results - one entry per linted input; `file` becomes the artifact URI.
 * @param rules - rule metadata for `tool.driver.rules` (ids, descriptions, docs links).
 * @param version - the tool version to report.
 * @param options - `informationUri`, only when the tool has a real home page to link.
 * @returns pretty-printed JSON with a trailing newline.
 * @example
 * const sarif = JSON.parse(formatSarif([{ file: 'draft.txt', text, diagnostics }], rules, '0.1.0'));
 * sarif.runs[0].results[0].ruleId; // e.g. 'no-fix-time-promise'
 */
export function formatSarif(
  results: readonly LintResult[],
  rules: readonly SarifRule[],
  version: string,
  options: SarifOptions = {},
): string {
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'incident-comms',
            version,
            ...(options.informationUri ? { informationUri: options.informationUri } : {}),
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.description },
              ...(r.helpUri ? { helpUri: r.helpUri } : {}),
            })),
          },
        },
        results: results.flatMap((r) =>
          r.diagnostics.map((d) => {
            const end = endPosition(r.text, d.end);
            return {
              ruleId: d.ruleId,
              ...(ruleIndex.has(d.ruleId) ? { ruleIndex: ruleIndex.get(d.ruleId) } : {}),
              level: d.severity === 'error' ? 'error' : 'warning',
              message: { text: d.suggestion ? `${d.message} Suggestion: ${d.suggestion}` : d.message },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: r.file === '<stdin>' ? 'stdin' : r.file.replace(/\\/g, '/') },
                    region: {
                      startLine: d.line,
                      startColumn: d.column,
                      endLine: end.line,
                      endColumn: end.column,
                      snippet: { text: r.text.slice(d.start, d.end) },
                    },
                  },
                },
              ],
            };
          }),
        ),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
