/**
 * @module runbook/yaml
 * Reading a YAML input file (a runbook, a drill scenario) with the `yaml` package: a syntax
 * error, an unknown tag, an unresolved alias or an alias bomb becomes one problem naming its
 * line and column, so each caller throws its own typed error. Nothing is printed.
 */
import { isAlias, LineCounter, parseDocument, visit, YAMLParseError } from 'yaml';
import { describeValue, type Problem, problem } from '../errors';

/** Result of {@link readYaml}: the parsed data, or the syntax problem. */
export type YamlReadResult = { ok: true; data: unknown } | { ok: false; problems: Problem[] };

/** The most alias expansions one file may make (a runbook needs a handful; bombs need millions). */
export const MAX_YAML_ALIASES = 100;

function at(text: string, lineCounter: LineCounter, offset: number, expected: string, said: string): Problem {
  // At the end of the text, point after the last character written rather than past the end.
  const { line, col } = lineCounter.linePos(Math.min(offset, text.trimEnd().length));
  const where = `line ${line}, column ${col}`;
  return { path: where, expected, received: said, message: `${where}: expected ${expected}, got ${said}` };
}

const firstLine = (message: string) =>
  message
    .split('\n')[0]!
    .replace(/ at line \d+, column \d+:?$/, '')
    .trim();

/**
 * Parses YAML text (a superset of JSON). Only syntax is checked here; the caller validates the
 * data with its zod schema.
 *
 * Refused, each as one problem at `line L, column C` (1-based): a syntax error (`valid YAML`,
 * with yaml's message), a tag the core schema does not know (`!foo`: `no custom tags`), an alias
 * whose anchor is not set before it (`*c`), and a file whose aliases expand more than
 * {@link MAX_YAML_ALIASES} times (an alias bomb). The `yaml` package's warnings are not printed.
 *
 * @param text - the file's contents.
 * @returns `{ ok: true, data }`, or `{ ok: false, problems }`; a non-string input is one
 *   problem at the root.
 * @example
 * readYaml('a: [1, 2\n'); // { ok: false, problems: [{ path: 'line 1, column 9', … }] }
 * readYaml('a: [*c]'); // { ok: false, problems: [{ path: 'line 1, column 5', expected: 'an alias whose anchor (&c) is set before it', … }] }
 * @internal
 */
export function readYaml(text: string): YamlReadResult {
  if (typeof text !== 'string') {
    return { ok: false, problems: [problem('', 'YAML or JSON text (a string)', describeValue(text))] };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: false, lineCounter, logLevel: 'silent' });
  const error = doc.errors[0];
  if (error) {
    const { line, col } = lineCounter.linePos(Math.min(error.pos[0], text.trimEnd().length));
    const where = `line ${line}, column ${col}`;
    const said = firstLine(error.message);
    return {
      ok: false,
      problems: [{ path: where, expected: 'valid YAML', received: said, message: `${where}: ${said}` }],
    };
  }
  const tag = doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (tag) {
    const said = JSON.stringify(firstLine(tag.message).replace(/^Unresolved tag: /, ''));
    return {
      ok: false,
      problems: [at(text, lineCounter, tag.pos[0], 'no custom tags (plain YAML values)', said)],
    };
  }
  let unresolved: Problem | undefined;
  visit(doc, {
    Alias(_, node) {
      if (unresolved || !isAlias(node) || node.resolve(doc)) return;
      unresolved = at(
        text,
        lineCounter,
        node.range?.[0] ?? 0,
        `an alias whose anchor (&${node.source}) is set before it`,
        `*${node.source}`,
      );
    },
  });
  if (unresolved) return { ok: false, problems: [unresolved] };
  try {
    return { ok: true, data: doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) };
  } catch (thrown) {
    if (!(thrown instanceof ReferenceError || thrown instanceof YAMLParseError)) throw thrown;
    return {
      ok: false,
      problems: [
        problem(
          '',
          `YAML whose aliases expand at most ${MAX_YAML_ALIASES} times (anchors reused this often look like an alias bomb)`,
          JSON.stringify(firstLine(thrown.message)),
        ),
      ],
    };
  }
}
