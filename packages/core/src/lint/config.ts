/**
 * @module lint/config
 * The `lint` section of a runbook: rule levels and options, extra phrases, the jargon map.
 * Strict: a misspelt rule id or option fails with a path-named error, never silently.
 */
import { z } from 'zod';
import type { Rule } from './define-rule';
import { LintConfigError, type LintProblem } from './errors';
import { lintRules } from './rules/index';
import type { RuleLevel } from './types';

/** A rule's setting: a level, or `[level, options]` for rules with options. */
export type RuleSetting = RuleLevel | readonly [RuleLevel] | readonly [RuleLevel, Record<string, unknown>];

/**
 * The parsed lint section of a runbook.
 *
 * @example
 * const config: LintConfig = {
 *   rules: { 'no-jargon': 'off', 'sentence-length': ['warning', { maxWords: 25 }] },
 *   phrases: { 'no-vague-language': ['minor blip'] },
 *   jargon: { 'edge proxies': 'our network' },
 * };
 */
export interface LintConfig {
  /** Level (and options) per rule id. */
  rules?: Record<string, RuleSetting>;
  /** Extra phrases per rule id, for rules that take phrases. */
  phrases?: Record<string, string[]>;
  /** Internal term → plain alternative; an empty string removes a default term. */
  jargon?: Record<string, string>;
}

const level = z.enum(['off', 'warning', 'error']);

/**
 * Builds the zod schema of the lint section for a rule list (the built-ins plus a host's
 * own rules). Objects are strict, so unknown rule ids, phrase lists and options fail.
 *
 * @param rules the rules that may be configured
 * @example
 * createLintConfigSchema([...lintRules, myRule]).parse({ rules: { 'acme/my-rule': 'error' } });
 */
export function createLintConfigSchema(rules: readonly Rule[]): z.ZodType<LintConfig> {
  const ruleShape: Record<string, z.ZodType> = {};
  const phraseShape: Record<string, z.ZodType> = {};
  for (const rule of rules) {
    ruleShape[rule.id] = (
      rule.optionsSchema === undefined
        ? z.union([level, z.tuple([level])])
        : z.union([level, z.tuple([level]), z.tuple([level, rule.optionsSchema])])
    ).optional();
    if (rule.acceptsPhrases) phraseShape[rule.id] = z.array(z.string().trim().min(1)).optional();
  }
  return z
    .object({
      rules: z.object(ruleShape).strict().optional(),
      phrases: z.object(phraseShape).strict().optional(),
      jargon: z.record(z.string().trim().min(1), z.string()).optional(),
    })
    .strict() as unknown as z.ZodType<LintConfig>;
}

/**
 * Schema of the lint section for the built-in rules; the runbook schema embeds it.
 *
 * @example
 * lintConfigSchema.safeParse({ rules: { 'no-jargon': 'off' } }).success; // true
 * lintConfigSchema.safeParse({ rules: { 'no-jargn': 'off' } }).success; // false
 */
export const lintConfigSchema: z.ZodType<LintConfig> = createLintConfigSchema(lintRules);

type Issue = z.core.$ZodIssue;

// A union failure lists every branch's issues; the branch that got furthest names the real problem.
function flatten(issue: Issue, prefix: readonly PropertyKey[], out: LintProblem[]): void {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const depth = (branch: readonly Issue[]) => Math.max(...branch.map((i) => i.path.length));
    const best = [...issue.errors].sort((a, b) => depth(b) - depth(a))[0]!;
    if (depth(best) > 0) {
      for (const inner of best) flatten(inner, path, out);
      return;
    }
  }
  const keys = issue.code === 'unrecognized_keys' ? ` (${issue.keys.join(', ')})` : '';
  out.push({
    path: path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    message: `${issue.message}${keys}`,
  });
}

/** Converts zod issues into path-named problems. */
export function toLintProblems(issues: readonly Issue[]): LintProblem[] {
  const out: LintProblem[] = [];
  for (const issue of issues) flatten(issue, [], out);
  return out;
}

/**
 * Parses the lint section of a runbook.
 *
 * @param input the raw `lint` object (from YAML or JSON)
 * @param rules the configurable rules; defaults to the built-ins
 * @returns the config with option defaults filled in
 * @throws {LintConfigError} (`lint_config_invalid`) naming each bad path, e.g.
 *   `rules.no-jargn` for a misspelt rule id or `rules.sentence-length.1.maxWord` for a
 *   misspelt option.
 * @example
 * parseLintConfig({ rules: { 'sentence-length': ['warning', { maxWords: 25 }] } });
 */
export function parseLintConfig(input: unknown, rules: readonly Rule[] = lintRules): LintConfig {
  const schema = rules === lintRules ? lintConfigSchema : createLintConfigSchema(rules);
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new LintConfigError(toLintProblems(parsed.error.issues));
  return parsed.data;
}
