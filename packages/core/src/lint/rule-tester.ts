/**
 * @module lint/rule-tester
 * Tests a lint rule against drafts that must pass and drafts that must be flagged, with
 * facts. Framework-agnostic: throws a readable error, or registers cases with `describe`/`it`.
 */
import { IncidentCommsError, problem, problemsFromZod, ValidationError } from '../errors';
import type { Rule } from './define-rule';
import { applyFixes, lintMessage } from './lint-message';
import type { Diagnostic, LintContext, LintSeverity } from './types';

/** One draft to lint. `context` is merged over the tester's default context. */
export interface RuleTestCase {
  text: string;
  /** Overrides of the default context (`{ kind: 'update', audience: 'customer' }`). */
  context?: Partial<LintContext>;
  /** Rule options; validated with the rule's `optionsSchema`. */
  options?: unknown;
  /** Name shown in failures and test titles; defaults to the text. */
  name?: string;
}

/** What one expected diagnostic must look like; every given field is compared. */
export interface ExpectedDiagnostic {
  /** Exact message, or a pattern it must match. */
  message?: string | RegExp;
  severity?: LintSeverity;
  /** The flagged text, `text.slice(start, end)`. */
  text?: string;
  line?: number;
  column?: number;
  suggestion?: string;
}

/** A draft the rule must flag. */
export interface InvalidRuleTestCase extends RuleTestCase {
  /** How many diagnostics, or what each one (in position order) must look like. */
  errors: number | readonly ExpectedDiagnostic[];
  /** The text after applying the rule's fixes; `null` asserts there is no fix. */
  output?: string | null;
}

/** Options of {@link RuleTester}. */
export interface RuleTesterOptions {
  /** Default context for every case. */
  context?: Partial<LintContext>;
  /** A test framework's `describe`; with `it`, every case becomes its own test. */
  describe?: (name: string, fn: () => void) => void;
  /** A test framework's `it`/`test`. */
  it?: (name: string, fn: () => void) => void;
}

/**
 * A rule test failed. `failures` lists each mismatch in plain words.
 *
 * @example
 * try { tester.run(rule, cases); } catch (e) { if (e instanceof RuleTesterError) console.log(e.failures); }
 */
export class RuleTesterError extends IncidentCommsError {
  /** Stable code for hosts to branch on. */
  declare readonly code: 'rule_test_failed';
  readonly failures: readonly string[];
  constructor(ruleId: string, failures: readonly string[]) {
    super(
      'rule_test_failed',
      `Rule ${ruleId} failed ${failures.length} case(s):\n${failures.map((f) => `  - ${f}`).join('\n')}`,
    );
    this.failures = failures;
  }
}

const DEFAULT_CONTEXT: LintContext = { kind: 'update', audience: 'customer' };

/**
 * Runs a rule (a host's own or a built-in) over drafts that must be clean and drafts that
 * must be flagged, the way ESLint's RuleTester does, with facts in the context.
 *
 * @example
 * new RuleTester({ context: { audience: 'customer' } }).run(noCodename, {
 *   valid: ['The new checkout is failing for some customers.'],
 *   invalid: [{ text: 'Falcon is failing.', errors: [{ text: 'Falcon' }] }],
 * });
 */
export class RuleTester {
  private readonly context: LintContext;
  private readonly describe: RuleTesterOptions['describe'];
  private readonly it: RuleTesterOptions['it'];

  /** @param options default context, and optionally a framework's `describe`/`it`. */
  constructor(options: RuleTesterOptions = {}) {
    this.context = { ...DEFAULT_CONTEXT, ...options.context };
    this.describe = options.describe;
    this.it = options.it;
  }

  /**
   * Lints every case with only `rule` enabled.
   *
   * @throws {RuleTesterError} (`rule_test_failed`) listing every mismatch, when no `it` was
   *   given; with `it`, each case's test throws its own error.
   * @throws {TypeError} when a case's options fail the rule's options schema.
   */
  run(
    rule: Rule,
    cases: { valid: readonly (string | RuleTestCase)[]; invalid: readonly InvalidRuleTestCase[] },
  ): void {
    const all: { title: string; check: () => string[] }[] = [
      ...cases.valid.map((c, i) => {
        const tc = typeof c === 'string' ? { text: c } : c;
        return { title: `valid[${i}] ${tc.name ?? tc.text}`, check: () => this.checkValid(rule, tc) };
      }),
      ...cases.invalid.map((c, i) => ({
        title: `invalid[${i}] ${c.name ?? c.text}`,
        check: () => this.checkInvalid(rule, c),
      })),
    ];
    const it = this.it;
    if (it !== undefined) {
      const register = () => {
        for (const c of all) {
          it(c.title, () => {
            const failures = c.check();
            if (failures.length > 0)
              throw new RuleTesterError(
                rule.id,
                failures.map((f) => `${c.title}: ${f}`),
              );
          });
        }
      };
      if (this.describe !== undefined) this.describe(rule.id, register);
      else register();
      return;
    }
    const failures = all.flatMap((c) => c.check().map((f) => `${c.title}: ${f}`));
    if (failures.length > 0) throw new RuleTesterError(rule.id, failures);
  }

  private lint(rule: Rule, tc: RuleTestCase): Diagnostic[] {
    let subject = rule;
    if (tc.options !== undefined) {
      if (rule.optionsSchema === undefined) {
        throw new ValidationError(`options of rule ${rule.id}`, [
          problem('options', `no options (rule ${rule.id} takes none)`, JSON.stringify(tc.options)),
        ]);
      }
      const parsed = rule.optionsSchema.safeParse(tc.options);
      if (!parsed.success) {
        throw new ValidationError(
          `options of rule ${rule.id}`,
          problemsFromZod(parsed.error, tc.options, 'options'),
        );
      }
      subject = { ...rule, defaultOptions: parsed.data };
    }
    return lintMessage(tc.text, { ...this.context, ...tc.context }, [subject]);
  }

  private checkValid(rule: Rule, tc: RuleTestCase): string[] {
    const ds = this.lint(rule, tc);
    return ds.length === 0 ? [] : [`expected no diagnostics, got ${describeAll(tc.text, ds)}`];
  }

  private checkInvalid(rule: Rule, tc: InvalidRuleTestCase): string[] {
    const ds = this.lint(rule, tc);
    const failures: string[] = [];
    const expected = tc.errors;
    const count = typeof expected === 'number' ? expected : expected.length;
    if (count < 1) failures.push('an invalid case must expect at least one diagnostic');
    if (ds.length !== count) {
      failures.push(`expected ${count} diagnostic(s), got ${ds.length}: ${describeAll(tc.text, ds)}`);
    }
    if (typeof expected !== 'number') {
      expected.forEach((e, i) => {
        const d = ds[i];
        if (d === undefined) return;
        const flagged = tc.text.slice(d.start, d.end);
        const mismatch = (field: string, want: unknown, got: unknown) =>
          failures.push(
            `diagnostic ${i}: expected ${field} ${JSON.stringify(want)}, got ${JSON.stringify(got)}`,
          );
        if (typeof e.message === 'string' && e.message !== d.message)
          mismatch('message', e.message, d.message);
        if (e.message instanceof RegExp && !e.message.test(d.message))
          mismatch('message matching', String(e.message), d.message);
        if (e.severity !== undefined && e.severity !== d.severity)
          mismatch('severity', e.severity, d.severity);
        if (e.text !== undefined && e.text !== flagged) mismatch('text', e.text, flagged);
        if (e.line !== undefined && e.line !== d.line) mismatch('line', e.line, d.line);
        if (e.column !== undefined && e.column !== d.column) mismatch('column', e.column, d.column);
        if (e.suggestion !== undefined && e.suggestion !== d.suggestion)
          mismatch('suggestion', e.suggestion, d.suggestion);
      });
    }
    if (tc.output !== undefined) {
      const hasFix = ds.some((d) => d.fix !== undefined);
      if (tc.output === null) {
        if (hasFix) failures.push(`expected no fix, got output ${JSON.stringify(applyFixes(tc.text, ds))}`);
      } else {
        const output = applyFixes(tc.text, ds);
        if (output !== tc.output)
          failures.push(`expected output ${JSON.stringify(tc.output)}, got ${JSON.stringify(output)}`);
      }
    }
    return failures;
  }
}

function describeAll(text: string, ds: readonly Diagnostic[]): string {
  if (ds.length === 0) return 'none';
  return ds.map((d) => `${d.severity} "${text.slice(d.start, d.end)}" (${d.message})`).join('; ');
}
