/**
 * @module errors/explain-zod
 * Zod issues explained in plain words: one problem per path, never zod's own "Invalid input" text.
 */
import type { z } from 'zod';
import { plural } from '../text/plural';
import { describeValue, formatPath, type Problem, problem } from './problem';

function valueAt(input: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let cur: unknown = input;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

type ZodIssue = z.core.$ZodIssue;

/** One zod issue explained: where (path segments from the parsed value), what was expected, what was found. */
export interface ExplainedIssue {
  /** Path segments from the root of the parsed value, e.g. `['rules', 'no-jargon']`. */
  path: (string | number)[];
  /** Plain-words description of what the path must hold (never zod's own "Invalid …" text). */
  expected: string;
  /** What was found (a short rendering), or `undefined` when the value is missing. */
  received: string | undefined;
}

// How specific an explanation is, to keep one problem per path: the schema author's own words
// beat a description built from zod's structured data, which beats a generic fallback.
const AUTHORED = 3;
const STRUCTURED = 2;
const GENERIC = 1;

const ZOD_DEFAULT_MESSAGE = /^(?:Invalid|Too (?:small|big)|Unrecognized key)/;

const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: 'a text',
  number: 'a number',
  int: 'a whole number',
  bigint: 'a whole number',
  boolean: 'true or false',
  object: 'an object (a map of keys to values)',
  array: 'a list',
  tuple: 'a list',
  record: 'an object (a map of keys to values)',
  map: 'a map',
  set: 'a list of distinct values',
  date: 'a date',
  null: 'null',
  undefined: 'nothing',
  nan: 'not a number',
  symbol: 'a symbol',
  function: 'a function',
};

const FORMAT_WORDS: Readonly<Record<string, string>> = {
  email: 'an email address',
  url: 'a URL',
  datetime: 'an ISO-8601 date and time',
  date: 'an ISO-8601 date (YYYY-MM-DD)',
  time: 'an ISO-8601 time (HH:MM)',
  duration: 'an ISO-8601 duration',
  uuid: 'a UUID',
  guid: 'a GUID',
};

const MAX_LISTED = 8;

/** `one of "a", "b", "c"` (a single value reads `"a"`); long lists are cut short with a count. */
function oneOf(values: readonly unknown[]): string {
  const shown = values
    .slice(0, MAX_LISTED)
    .map((v) => (typeof v === 'string' ? JSON.stringify(v) : String(v)));
  if (values.length === 1) return shown[0]!;
  const rest = values.length > MAX_LISTED ? `, … (${values.length} in all)` : '';
  return `one of ${shown.join(', ')}${rest}`;
}

function bound(
  origin: string,
  limit: number | bigint,
  inclusive: boolean | undefined,
  exact: boolean | undefined,
  small: boolean,
): string {
  const n = Number(limit);
  if (origin === 'string') {
    if (exact) return `a text of exactly ${plural(n, 'character')}`;
    if (small && n === 1 && inclusive !== false) return 'a non-empty text';
    return `a text of ${small ? 'at least' : 'at most'} ${plural(n, 'character')}`;
  }
  if (origin === 'array' || origin === 'set') {
    if (exact) return `exactly ${plural(n, 'item')}`;
    if (small && n === 1 && inclusive !== false) return 'at least one item';
    return `${small ? 'at least' : 'at most'} ${plural(n, 'item')}`;
  }
  const what =
    origin === 'int' || origin === 'bigint' ? 'a whole number' : origin === 'date' ? 'a date' : 'a number';
  if (exact) return `${what} equal to ${n}`;
  if (small) return inclusive === false ? `${what} greater than ${n}` : `${what} of at least ${n}`;
  return inclusive === false ? `${what} less than ${n}` : `${what} of at most ${n}`;
}

/** What an issue expected, in plain words, and how specific that explanation is. */
function expectedOf(issue: ZodIssue): [string, number] {
  const message = issue.message;
  // The schema author's own words: "expected a positive number of minutes".
  const authored = /^expected (.+)$/is.exec(message);
  if (authored) return [authored[1]!, AUTHORED];
  if (message !== '' && !ZOD_DEFAULT_MESSAGE.test(message)) return [message, AUTHORED];
  switch (issue.code) {
    case 'invalid_type':
      return [TYPE_WORDS[issue.expected] ?? `a ${issue.expected}`, STRUCTURED];
    case 'invalid_value':
      return [oneOf(issue.values), STRUCTURED];
    case 'too_small':
      return [bound(issue.origin, issue.minimum, issue.inclusive, issue.exact, true), STRUCTURED];
    case 'too_big':
      return [bound(issue.origin, issue.maximum, issue.inclusive, issue.exact, false), STRUCTURED];
    case 'invalid_format': {
      if (issue.format === 'regex' && issue.pattern) return [`text matching ${issue.pattern}`, STRUCTURED];
      const words = FORMAT_WORDS[issue.format];
      return [words ?? `a valid ${issue.format}`, words ? STRUCTURED : GENERIC];
    }
    case 'not_multiple_of':
      return [`a multiple of ${issue.divisor}`, STRUCTURED];
    case 'invalid_key':
    case 'invalid_element': {
      const inner = issue.issues[0];
      return inner ? [expectedOf(inner)[0], STRUCTURED] : ['a valid value', GENERIC];
    }
    case 'invalid_union':
      if (issue.inclusive === false) return ['a value matching exactly one of the allowed shapes', GENERIC];
      return ['a valid value', GENERIC];
    default:
      return ['a valid value', GENERIC];
  }
}

function explain(
  issue: ZodIssue,
  prefix: readonly PropertyKey[],
  input: unknown,
  out: Array<ExplainedIssue & { rank: number }>,
): void {
  const full = [...prefix, ...issue.path];
  const path = full.map((p) => (typeof p === 'number' ? p : String(p)));
  const found = valueAt(input, full);
  if (issue.code === 'unrecognized_keys') {
    out.push({
      path,
      expected: 'no unknown keys',
      received: issue.keys.map((k) => JSON.stringify(k)).join(', '),
      rank: STRUCTURED,
    });
    return;
  }
  if (found === undefined && issue.code !== 'custom') {
    out.push({ path, expected: 'required', received: undefined, rank: STRUCTURED });
    return;
  }
  // A union whose author said what it expects ("an instant or a Date") keeps those words.
  if (issue.code === 'invalid_union' && /^expected /i.test(issue.message)) {
    out.push({ path, expected: issue.message.slice(9), received: describeValue(found), rank: AUTHORED });
    return;
  }
  if (issue.code === 'invalid_union' && issue.inclusive !== false) {
    // A discriminated union whose discriminator matched no branch: name the allowed values.
    if (issue.discriminator !== undefined && issue.options !== undefined && issue.options.length > 0) {
      const last = path[path.length - 1];
      const lead = last === issue.discriminator ? '' : `${JSON.stringify(issue.discriminator)} to be `;
      out.push({
        path,
        expected: `${lead}${oneOf(issue.options)}`,
        received: describeValue(found),
        rank: STRUCTURED,
      });
      return;
    }
    if (issue.errors.length > 0) {
      explainUnion(issue.errors, full, input, found, out);
      return;
    }
  }
  const [expected, rank] = expectedOf(issue);
  // A bad record key: what was found is the key itself, not the value under it.
  const received =
    issue.code === 'invalid_key' && path.length > 0
      ? JSON.stringify(String(path[path.length - 1]))
      : describeValue(found);
  out.push({ path, expected, received, rank });
}

// A union failure lists every branch's issues. The branch that got furthest into the value
// names the real problem; when every branch failed at the top, the branches whose type matched
// the value (an unknown option of a text) say more than those that wanted another type.
function explainUnion(
  branches: readonly (readonly ZodIssue[])[],
  at: readonly PropertyKey[],
  input: unknown,
  found: unknown,
  out: Array<ExplainedIssue & { rank: number }>,
): void {
  const depth = (branch: readonly ZodIssue[]) => Math.max(0, ...branch.map((i) => i.path.length));
  const deepest = Math.max(...branches.map(depth));
  if (deepest > 0) {
    const best = branches.find((b) => depth(b) === deepest)!;
    for (const inner of best) explain(inner, at, input, out);
    return;
  }
  const typeMatched = branches.filter((b) => b.some((i) => i.code !== 'invalid_type'));
  const chosen = typeMatched.length > 0 ? typeMatched : branches;
  const words = [...new Set(chosen.flatMap((b) => b.map((i) => expectedOf(i)[0])))];
  const path = at.map((p) => (typeof p === 'number' ? p : String(p)));
  out.push({ path, expected: words.join(' or '), received: describeValue(found), rank: STRUCTURED });
}

/**
 * Explains zod issues in plain words: one entry per path (the most specific explanation wins
 * when a value breaks several checks), unions reduced to the branch that names the real problem,
 * never zod's own "Invalid input" text. Shared by {@link problemsFromZod} and the lint errors.
 *
 * @param issues - `error.issues` of a failed `safeParse`.
 * @param input - the value that was parsed, to say what was found at each path.
 * @returns one {@link ExplainedIssue} per offending path, in the order zod reported them.
 * @example
 * explainZodIssues(z.object({ n: z.number() }).safeParse({ n: 'x' }).error!.issues, { n: 'x' });
 * // [{ path: ['n'], expected: 'a number', received: '"x"' }]
 */
export function explainZodIssues(issues: readonly ZodIssue[], input: unknown): ExplainedIssue[] {
  const all: Array<ExplainedIssue & { rank: number }> = [];
  for (const issue of issues) explain(issue, [], input, all);
  const byPath = new Map<string, ExplainedIssue & { rank: number }>();
  for (const e of all) {
    const key = formatPath(e.path);
    const seen = byPath.get(key);
    if (seen === undefined || e.rank > seen.rank) byPath.set(key, e);
  }
  return [...byPath.values()].map(({ path, expected, received }) => ({ path, expected, received }));
}

/**
 * Converts a zod error into path-named {@link Problem}s, reading the offending value from the
 * original input so every problem says what was found. One problem per path; a missing field
 * reads `path: required`; `expected` is plain words built from the issue (`one of "a", "b"`,
 * `a whole number`, `at least one item`), or the schema's own "expected …" message.
 *
 * @param error - the error of a failed `safeParse`.
 * @param input - the value that was parsed.
 * @param prefix - a path to put before every problem's path (e.g. `events.3`).
 * @example
 * problemsFromZod(z.enum(['a', 'b']).safeParse('c').error!, 'c')[0]!.message; // '(root): expected one of "a", "b", got "c"'
 */
export function problemsFromZod(error: z.ZodError, input: unknown, prefix = ''): Problem[] {
  return explainZodIssues(error.issues, input).map((e) => {
    const path = formatPath([...(prefix ? [prefix] : []), ...e.path]);
    return e.expected === 'required' ? problem(path, 'required') : problem(path, e.expected, e.received);
  });
}
