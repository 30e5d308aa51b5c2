/**
 * @module lint/errors
 * Typed errors of the linter. Hosts branch on `code`, never on message text.
 */

/** One thing wrong in a lint input, named by its path (e.g. `rules.no-jargon.1.ignore`). */
export interface LintProblem {
  /** Path from the root of the input, e.g. `['rules', 'no-jargn']`. */
  path: readonly (string | number)[];
  /** What is wrong, in plain words. */
  message: string;
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
export class LintConfigError extends Error {
  /** Stable code for hosts to branch on. */
  readonly code = 'lint_config_invalid' as const;
  /** Every problem found, each with its path. */
  readonly problems: readonly LintProblem[];
  constructor(problems: readonly LintProblem[]) {
    super(`Invalid lint configuration: ${describe(problems)}`);
    this.name = 'LintConfigError';
    this.problems = problems;
  }
}

/**
 * The context handed to `lintMessage` is invalid: an unknown kind or audience, an
 * unparseable instant, an unknown IANA time zone.
 *
 * @example
 * try { lintMessage('Hi', { kind: 'update', audience: 'customer', timeZone: 'Mars/Base' }); }
 * catch (e) { if (e instanceof LintContextError) console.log(e.code); } // 'lint_context_invalid'
 */
export class LintContextError extends Error {
  /** Stable code for hosts to branch on. */
  readonly code = 'lint_context_invalid' as const;
  /** Every problem found, each with its path. */
  readonly problems: readonly LintProblem[];
  constructor(problems: readonly LintProblem[]) {
    super(`Invalid lint context: ${describe(problems)}`);
    this.name = 'LintContextError';
    this.problems = problems;
  }
}
