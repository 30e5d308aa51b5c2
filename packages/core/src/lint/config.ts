/**
 * @module lint/config
 * The `lint` section of a runbook: rule levels and options, extra phrases, the jargon map.
 * Strict: a misspelt rule id or option fails with a path-named error, never silently.
 */
import { z } from 'zod';
import { explainZodIssues } from '../errors';
import type { Rule } from './define-rule';
import { LintConfigError, type LintProblem, lintProblemsFrom } from './errors';
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

/**
 * Converts zod issues into path-named problems with what was expected and found (one per path,
 * unions reduced to the branch that names the real problem; see `explainZodIssues`).
 *
 * @param issues - `error.issues` of a failed parse.
 * @param input - the parsed value, to say what was found.
 */
export function toLintProblems(issues: readonly z.core.$ZodIssue[], input?: unknown): LintProblem[] {
  return lintProblemsFrom(explainZodIssues(issues, input));
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
  if (!parsed.success) throw new LintConfigError(toLintProblems(parsed.error.issues, input));
  return parsed.data;
}
