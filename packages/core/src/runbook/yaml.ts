/**
 * @module runbook/yaml
 * Reading a YAML input file (a runbook, a drill scenario) with the `yaml` package: a syntax error
 * becomes one problem naming its line and column, so each caller throws its own typed error.
 */
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { type Problem, problem } from '../errors';

/** Result of {@link readYaml}: the parsed data, or the syntax problem. */
export type YamlReadResult = { ok: true; data: unknown } | { ok: false; problems: Problem[] };

/**
 * Parses YAML text (a superset of JSON). Only syntax is checked here; the caller validates the
 * data with its zod schema.
 *
 * @param text - the file's contents.
 * @returns `{ ok: true, data }`, or `{ ok: false, problems }` with one problem at path
 *   `line L, column C` expecting `valid YAML (CODE)`.
 * @throws whatever `yaml` throws that is not a `YAMLParseError` (never for text input).
 * @example
 * readYaml('a: [1, 2'); // { ok: false, problems: [{ path: 'line 1, column 9', expected: 'valid YAML (…)', … }] }
 * @internal
 */
export function readYaml(text: string): YamlReadResult {
  try {
    return { ok: true, data: parseYaml(text, { prettyErrors: true }) };
  } catch (error) {
    if (!(error instanceof YAMLParseError)) throw error;
    const pos = error.linePos?.[0];
    const where = pos ? `line ${pos.line}, column ${pos.col}` : '';
    return {
      ok: false,
      problems: [problem(where, `valid YAML (${error.code})`, error.message.split('\n')[0])],
    };
  }
}
