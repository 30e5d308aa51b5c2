/**
 * @module errors/proto-keys
 * A key named `__proto__` in parsed JSON or YAML is an own property of its object, but schema
 * parsers skip it (assigning it would set the prototype): a runbook topic, a role or a segment
 * named so would vanish without a word. Inputs are checked for it first and refused by path.
 */
import { formatPath, type Problem, problem } from './problem';

/** How deep the walk goes; parsed inputs are far shallower. */
const MAX_DEPTH = 64;

/**
 * Every own `__proto__` key anywhere in `input` (objects and lists, walked to a depth of 64),
 * as problems at the key's path.
 *
 * @param input - a parsed JSON or YAML value.
 * @param prefix - path prefix of the problems, e.g. `event`.
 * @returns one problem per such key; `[]` when there is none.
 * @example
 * protoKeyProblems(JSON.parse('{"topics":{"__proto__":{}}}')); // [{ path: 'topics.__proto__', … }]
 */
export function protoKeyProblems(input: unknown, prefix = ''): Problem[] {
  const problems: Problem[] = [];
  const seen = new WeakSet<object>();
  const walk = (value: unknown, path: PropertyKey[]): void => {
    if (value === null || typeof value !== 'object' || seen.has(value) || path.length > MAX_DEPTH) return;
    seen.add(value);
    if (Object.hasOwn(value, '__proto__'))
      problems.push(
        problem(
          formatPath([...path, '__proto__']),
          'a key other than "__proto__" (a built-in object property; it would be dropped)',
          '"__proto__"',
        ),
      );
    for (const [key, child] of Object.entries(value)) walk(child, [...path, key]);
  };
  walk(input, prefix ? [prefix] : []);
  return problems;
}
