/**
 * @module runbook/yaml
 * Reading a YAML input file (a runbook, a drill scenario) with the `yaml` package: a syntax error
 * becomes one problem naming its line and column, so each caller throws its own typed error.
 */
import { LineCounter, parse as parseYaml, YAMLParseError } from 'yaml';
import { describeValue, type Problem, problem } from '../errors';

/** Result of {@link readYaml}: the parsed data, or the syntax problem. */
export type YamlReadResult = { ok: true; data: unknown } | { ok: false; problems: Problem[] };

/**
 * Parses YAML text (a superset of JSON). Only syntax is checked here; the caller validates the
 * data with its zod schema.
 *
 * A syntax error reads `line L, column C: <yaml's message>` (no code frame). The position is
 * the `yaml` package's, except that an error found at the end of the text (an unclosed `[` or
 * quote) points just after the last character written, not at a line past the end of the file.
 *
 * @param text - the file's contents.
 * @returns `{ ok: true, data }`, or `{ ok: false, problems }` with one problem at path
 *   `line L, column C` (1-based), expecting `valid YAML` and holding yaml's message in
 *   `received`; a non-string input is one problem at the root.
 * @throws whatever `yaml` throws that is not a `YAMLParseError` (never for text input).
 * @example
 * readYaml('a: [1, 2\n'); // { ok: false, problems: [{ path: 'line 1, column 9', message: 'line 1, column 9: Flow sequence … end with a ]', … }] }
 * @internal
 */
export function readYaml(text: string): YamlReadResult {
  if (typeof text !== 'string') {
    return { ok: false, problems: [problem('', 'YAML or JSON text (a string)', describeValue(text))] };
  }
  const lineCounter = new LineCounter();
  try {
    return { ok: true, data: parseYaml(text, { prettyErrors: false, lineCounter }) };
  } catch (error) {
    if (!(error instanceof YAMLParseError)) throw error;
    // At the end of the text, point after the last character written rather than past the end.
    const { line, col } = lineCounter.linePos(Math.min(error.pos[0], text.trimEnd().length));
    const where = `line ${line}, column ${col}`;
    const said = error.message
      .split('\n')[0]!
      .replace(/ at line \d+, column \d+:?$/, '')
      .trim();
    return {
      ok: false,
      problems: [{ path: where, expected: 'valid YAML', received: said, message: `${where}: ${said}` }],
    };
  }
}
