/**
 * @module errors/problem
 * A `Problem`: one thing wrong in user input, named by its path, with what was expected and found.
 */
/** One problem found in user input: where, what was expected, what was found. */
export interface Problem {
  /** Dotted path into the input, e.g. `roles.approver.backup` or `cadence.minutes.SEV1`. */
  path: string;
  /** Plain-words description of what the path must hold. */
  expected: string;
  /** What was found there (a short rendering of the value), or `undefined` when missing. */
  received?: string | undefined;
  /** One readable line: `path: expected …, got …`. */
  message: string;
}

/**
 * Builds a {@link Problem} and its one-line message (`path: expected X, got Y`; `(root)` for an
 * empty path).
 *
 * @example
 * problem('cadence.minutes.SEV1', 'a whole number of minutes', '"soon"').message;
 * // 'cadence.minutes.SEV1: expected a whole number of minutes, got "soon"'
 */
export function problem(path: string, expected: string, received?: string): Problem {
  const where = path === '' ? '(root)' : path;
  const message =
    received === undefined ? `${where}: ${expected}` : `${where}: expected ${expected}, got ${received}`;
  return { path, expected, received, message };
}

/** Joins a zod/JSON path into dotted form (`roles.approver.backup`, `events.3.at`). */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p) => String(p)).join('.');
}

/**
 * A short rendering of a found value for a problem's `received`: a quoted (cut) string, a
 * number, `nothing`, `an empty list`, `an object`.
 *
 * @example
 * describeValue('lots'); // '"lots"'
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid Date' : 'a Date';
  return Object.keys(value as object).length === 0 ? 'an empty object' : 'an object';
}

/**
 * Joins problems into an error message: a headline and one indented `- ` line per problem.
 *
 * @example
 * formatProblems('Invalid runbook:', [problem('roles', 'an object')]);
 * // 'Invalid runbook:\n  - roles: an object'
 */
export function formatProblems(headline: string, problems: readonly Problem[]): string {
  return [headline, ...problems.map((p) => `  - ${p.message}`)].join('\n');
}
