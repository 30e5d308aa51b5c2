/**
 * @module lint/errors
 * Typed errors of the linter, all {@link IncidentCommsError}s. Hosts branch on `code`, never on
 * message text.
 */
import { type ExplainedIssue, IncidentCommsError } from '../errors';

/** One thing wrong in a lint input, named by its path (e.g. `rules.no-jargon.1.ignore`). */
export interface LintProblem {
  /** Path from the root of the input, e.g. `['rules', 'no-jargn']`. */
  path: readonly (string | number)[];
  /** What the path must hold, in plain words (`one of "off", "warning", "error"`), or `required`. */
  expected: string;
  /** What was found there (a short rendering), or `undefined` when missing. */
  received?: string | undefined;
  /** One readable phrase: `expected …, got …` (or `required`). */
  message: string;
}

/**
 * Builds a {@link LintProblem}.
 *
 * @example
 * lintProblem(['facts', 'scope'], 'one of "none", "few"', '"lots"').message; // 'expected one of "none", "few", got "lots"'
 */
export function lintProblem(
  path: readonly (string | number)[],
  expected: string,
  received?: string,
): LintProblem {
  const message = received === undefined ? expected : `expected ${expected}, got ${received}`;
  return { path, expected, received, message };
}

/** Converts explained zod issues (see `explainZodIssues`) into lint problems. */
export function lintProblemsFrom(explained: readonly ExplainedIssue[]): LintProblem[] {
  return explained.map((e) => lintProblem(e.path, e.expected, e.received));
}

function describe(problems: readonly LintProblem[]): string {
  return problems.map((p) => `${p.path.length > 0 ? p.path.join('.') : '(root)'}: ${p.message}`).join('; ');
}

/**
 * The lint section of a runbook is invalid: an unknown rule id, a misspelt option, a bad
 * severity. Thrown by `parseLintConfig` and by `lintMessage` when handed an unparsed config.
 *
 * @example
 * try { parseLintConfig({ rules: { 'no-jargn': 'off' } }); }
 * catch (e) { if (e instanceof LintConfigError) console.log(e.code, e.problems[0]?.path); }
 */
export class LintConfigError extends IncidentCommsError {
  /** Stable code for hosts to branch on. */
  declare readonly code: 'lint_config_invalid';
  /** Every problem found, each with its path. */
  readonly problems: readonly LintProblem[];
  constructor(problems: readonly LintProblem[]) {
    super('lint_config_invalid', `Invalid lint configuration: ${describe(problems)}`);
    this.problems = problems;
  }
}

/**
 * The text or context handed to `lintMessage` is invalid: a missing context, an unknown kind
 * or audience, a misspelt or mistyped fact, an instant without a zone, an unknown IANA time zone.
 *
 * @example
 * try { lintMessage('Hi', { kind: 'update', audience: 'customer', timeZone: 'Mars/Base' }); }
 * catch (e) { if (e instanceof LintContextError) console.log(e.code); } // 'lint_context_invalid'
 */
export class LintContextError extends IncidentCommsError {
  /** Stable code for hosts to branch on. */
  declare readonly code: 'lint_context_invalid';
  /** Every problem found, each with its path. */
  readonly problems: readonly LintProblem[];
  constructor(problems: readonly LintProblem[]) {
    super('lint_context_invalid', `Invalid lint context: ${describe(problems)}`);
    this.problems = problems;
  }
}

/**
 * A rule reported something the linter cannot place (`rule_report_invalid`): a span or fix
 * outside the text, or a report after its check returned. A bug in that rule (a host's own,
 * usually), never in the draft; `ruleId` names the rule.
 *
 * @example
 * try { lintMessage(text, context, [...lintRules, myRule]); }
 * catch (e) { if (e instanceof RuleReportError) console.log(e.ruleId); }
 */
export class RuleReportError extends IncidentCommsError {
  /** Stable code for hosts to branch on. */
  declare readonly code: 'rule_report_invalid';
  /** The rule that reported, or `undefined` for a report made outside any rule's check. */
  readonly ruleId: string | undefined;
  constructor(ruleId: string | undefined, message: string) {
    super('rule_report_invalid', message);
    this.ruleId = ruleId;
  }
}

/**
 * The draft is longer than {@link MAX_LINT_TEXT_LENGTH} (`lint_text_too_long`): lint refuses it
 * rather than spend seconds on it, so one pasted log cannot stall a host's lint endpoint. No
 * status message comes near the limit; split or trim the text.
 *
 * @example
 * try { lintMessage('x'.repeat(MAX_LINT_TEXT_LENGTH + 1), { kind: 'update', audience: 'customer' }); }
 * catch (e) { if (e instanceof LintTextTooLongError) console.log(e.limit, e.length); }
 */
export class LintTextTooLongError extends IncidentCommsError {
  /** Stable code for hosts to branch on. */
  declare readonly code: 'lint_text_too_long';
  /** The limit, in UTF-16 code units ({@link MAX_LINT_TEXT_LENGTH}). */
  readonly limit: number;
  /** The refused text's length, in UTF-16 code units. */
  readonly length: number;
  constructor(length: number, limit = MAX_LINT_TEXT_LENGTH) {
    super(
      'lint_text_too_long',
      `Invalid lint input: text is ${length} characters long; lintMessage accepts at most MAX_LINT_TEXT_LENGTH = ${limit} (UTF-16 code units)`,
    );
    this.limit = limit;
    this.length = length;
  }
}

/**
 * Longest text `lintMessage` accepts: 262,144 UTF-16 code units (256 KiB of plain ASCII, some
 * fifty times the longest outage update a person writes). Lint cost is linear in the text
 * length, but the worst case is steep: a draft in which every sentence gives an update time
 * makes every sentence go through the date parser, and 1 MiB of such lines took over a second
 * on a loaded two-core machine. At this limit the worst case stays near a quarter of a second,
 * so no lint endpoint can be held for long; longer input is refused with
 * {@link LintTextTooLongError} before any work is done.
 */
export const MAX_LINT_TEXT_LENGTH = 262_144;
