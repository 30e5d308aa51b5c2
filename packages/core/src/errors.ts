/**
 * @module errors
 * Typed errors with stable `code` strings. Hosts branch on `code`, never on message text.
 */
import type { z } from 'zod';

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

/** Base class of every error this library throws. */
export class IncidentCommsError extends Error {
  /** Stable machine-readable error code. */
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}

/** Builds a {@link Problem} and its one-line message. */
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

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (Array.isArray(value)) return 'a list';
  return 'an object';
}

function valueAt(input: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let cur: unknown = input;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

// zod messages read "Invalid input: expected number, received string" or our own
// "expected a positive number of minutes"; keep only what was expected.
function expectedFrom(message: string): string {
  const m = /^(?:Invalid input: )?expected (.*?)(?:, received .*)?$/i.exec(message);
  return m ? m[1]! : message;
}

/**
 * Converts a zod error into path-named {@link Problem}s, reading the offending value from the
 * original input so every problem says what was found.
 */
export function problemsFromZod(error: z.ZodError, input: unknown, prefix = ''): Problem[] {
  return error.issues.map((issue) => {
    const fullPath = [...(prefix ? [prefix] : []), ...issue.path.map((p) => String(p))];
    const path = formatPath(fullPath);
    const found = valueAt(input, issue.path);
    if (issue.code === 'invalid_type' && found === undefined) return problem(path, 'required');
    if (issue.code === 'unrecognized_keys') {
      return problem(
        path,
        `no unknown keys (${issue.message})`,
        issue.keys.map((k) => JSON.stringify(k)).join(', '),
      );
    }
    return problem(path, expectedFrom(issue.message), describeValue(found));
  });
}

/** Joins problems into an error message: a headline and one line per problem. */
export function formatProblems(headline: string, problems: readonly Problem[]): string {
  return [headline, ...problems.map((p) => `  - ${p.message}`)].join('\n');
}

/**
 * Thrown by `defineRunbook`/`loadRunbook` when a runbook is invalid. Lists every problem at
 * once (schema and semantic), each with its path, what was expected and what was found.
 */
export class RunbookError extends IncidentCommsError {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[], source?: string) {
    super('runbook_invalid', formatProblems(`Invalid runbook${source ? ` ${source}` : ''}:`, problems));
    this.problems = problems;
  }
}

/** Thrown when input handed to a public function fails validation (`input_invalid`). */
export class ValidationError extends IncidentCommsError {
  readonly problems: readonly Problem[];
  constructor(what: string, problems: readonly Problem[]) {
    super('input_invalid', formatProblems(`Invalid ${what}:`, problems));
    this.problems = problems;
  }
}

/**
 * Thrown by `applyEvent` when an event breaks a rule of the practice (`event_rejected`).
 * `rule` names the rule, e.g. `owner-required-before-publish`. State is never changed.
 */
export class EventRejectedError extends IncidentCommsError {
  readonly rule: string;
  readonly eventType: string;
  constructor(rule: string, eventType: string, message: string) {
    super('event_rejected', `${eventType} rejected (${rule}): ${message}`);
    this.rule = rule;
    this.eventType = eventType;
  }
}

/**
 * Thrown when someone who does not hold the approving role (nor its backup while the primary
 * is unavailable) tries to grant or deny an approval (`approval_not_authorized`).
 */
export class NotAuthorizedError extends IncidentCommsError {
  readonly actor: string;
  readonly role: string;
  constructor(actor: string, role: string, message: string) {
    super('approval_not_authorized', message);
    this.actor = actor;
    this.role = role;
  }
}
