/**
 * @module lint/config
 * The `lint` section of a runbook: rule levels and options, shareable configs it extends, extra
 * phrases per rule and per approval topic, the jargon map, and the plugins the CLI loads.
 * Strict: a misspelt rule id or option fails with a path-named error, never silently.
 */
import { z } from 'zod';
import { explainZodIssues } from '../errors';
import type { TopicId } from '../vocabulary';
import type { Rule } from './define-rule';
import { LintConfigError, type LintProblem, lintProblemsFrom } from './errors';
import { activeLintRule, lintPlugin, unknownRuleReason } from './plugins';
import type { RuleLevel } from './types';

/** A rule's setting: a level, or `[level, options]` for rules with options. */
export type RuleSetting = RuleLevel | readonly [RuleLevel] | readonly [RuleLevel, Record<string, unknown>];

/**
 * The parsed lint section of a runbook.
 *
 * @example
 * const config: LintConfig = {
 *   extends: ['acme/strict'],
 *   rules: { 'no-jargon': 'off', 'sentence-length': ['warning', { maxWords: 25 }], 'acme/no-vendor-blame': 'error' },
 *   phrases: { 'no-vague-language': ['minor blip'] },
 *   topics: { dataLoss: ['wrong customer'] },
 *   jargon: { 'edge proxies': 'our network' },
 * };
 */
export interface LintConfig {
  /**
   * Plugin modules (a package name, or a path relative to the runbook file) the CLI imports and
   * registers before it reads this section. A host in code calls `registerLintPlugin` instead.
   */
  plugins?: string[];
  /** Shareable configs applied first, in order: `<plugin>/<config>`; this section's own settings win. */
  extends?: string[];
  /** Level (and options) per rule id; plugin rules as `<plugin>/<rule>`. */
  rules?: Record<string, RuleSetting>;
  /** Extra phrases per rule id, for rules that take phrases. */
  phrases?: Record<string, string[]>;
  /**
   * Extra phrases per approval topic (`security`, `dataLoss`, ... or a topic the runbook
   * declares): the draft then needs that topic's approver.
   */
  topics?: Record<string, string[]>;
  /** Internal term → plain alternative; an empty string removes a default term. */
  jargon?: Record<string, string>;
}

const level = z.enum(['off', 'warning', 'error']);
const phraseList = z.array(z.string().trim().min(1));
const settingSchemas = new WeakMap<Rule, z.ZodType>();

function settingSchema(rule: Rule): z.ZodType {
  let schema = settingSchemas.get(rule);
  if (schema === undefined) {
    schema =
      rule.optionsSchema === undefined
        ? z.union([level, z.tuple([level])])
        : z.union([level, z.tuple([level]), z.tuple([level, rule.optionsSchema])]);
    settingSchemas.set(rule, schema);
  }
  return schema;
}

type Lookup = (id: string) => Rule | undefined;

// Issues of an inner parse, re-rooted under `key` of the record being checked.
function forward(ctx: z.RefinementCtx, key: string, issues: readonly z.core.$ZodIssue[]): void {
  for (const issue of issues) ctx.addIssue({ ...issue, path: [key, ...issue.path] } as never);
}

function buildSchema(lookup: Lookup): z.ZodType<LintConfig> {
  const rules = z.record(z.string(), z.unknown()).transform((input, ctx) => {
    const out: Record<string, RuleSetting> = {};
    for (const [id, value] of Object.entries(input)) {
      const rule = lookup(id);
      if (rule === undefined) {
        ctx.addIssue({ code: 'custom', path: [id], message: `expected ${unknownRuleReason(id)}` });
        continue;
      }
      const parsed = settingSchema(rule).safeParse(value);
      if (parsed.success) out[id] = parsed.data as RuleSetting;
      else forward(ctx, id, parsed.error.issues);
    }
    return out;
  });
  const phrases = z.record(z.string(), z.unknown()).transform((input, ctx) => {
    const out: Record<string, string[]> = {};
    for (const [id, value] of Object.entries(input)) {
      const rule = lookup(id);
      if (rule === undefined || !rule.acceptsPhrases) {
        const why =
          rule === undefined ? unknownRuleReason(id) : `a rule that takes phrases ("${id}" takes none)`;
        ctx.addIssue({ code: 'custom', path: [id], message: `expected ${why}` });
        continue;
      }
      const parsed = phraseList.safeParse(value);
      if (parsed.success) out[id] = parsed.data;
      else forward(ctx, id, parsed.error.issues);
    }
    return out;
  });
  // Built-in topics, or the runbook's own (\`topics\`; the runbook check names undeclared ones).
  const topics = z.record(
    z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'expected a topic id in camelCase, e.g. "dataLoss"'),
    phraseList,
  );
  const extendsList = z.array(z.string()).superRefine((names, ctx) => {
    names.forEach((name, i) => {
      const why = unknownConfigReason(name);
      if (why !== undefined) ctx.addIssue({ code: 'custom', path: [i], message: `expected ${why}` });
    });
  });
  return z
    .object({
      plugins: z.array(z.string().trim().min(1)).optional(),
      extends: extendsList.optional(),
      rules: rules.optional(),
      phrases: phrases.optional(),
      topics: topics.optional(),
      jargon: z.record(z.string().trim().min(1), z.string()).optional(),
    })
    .strict() as unknown as z.ZodType<LintConfig>;
}

function unknownConfigReason(name: string): string | undefined {
  const slash = name.indexOf('/');
  if (slash < 0) return `a shareable config "<plugin>/<config>" ("${name}" names no plugin)`;
  const plugin = lintPlugin(name.slice(0, slash));
  if (plugin === undefined) return unknownRuleReason(name).replace('a rule of', 'a config of');
  if (plugin.configs?.[name.slice(slash + 1)] === undefined)
    return `a config of plugin "${plugin.meta.name}" ("${name}" is none of its configs)`;
  return undefined;
}

/**
 * Builds the zod schema of the lint section for a rule list (the built-ins plus a host's
 * own rules). Unknown rule ids, phrase lists and options fail, each at its own path.
 *
 * @param rules the rules that may be configured
 * @example
 * createLintConfigSchema([...lintRules, myRule]).parse({ rules: { 'acme/my-rule': 'error' } });
 */
export function createLintConfigSchema(rules: readonly Rule[]): z.ZodType<LintConfig> {
  const byId = new Map(rules.map((r) => [r.id, r]));
  return buildSchema((id) => byId.get(id));
}

/**
 * Schema of the lint section for the built-in rules and every registered plugin's rules (looked
 * up when a config is parsed, so a plugin registered later counts); the runbook schema embeds it.
 * A rule id of an unregistered plugin fails naming the plugin to register.
 *
 * @example
 * lintConfigSchema.safeParse({ rules: { 'no-jargon': 'off' } }).success; // true
 * lintConfigSchema.safeParse({ rules: { 'no-jargn': 'off' } }).success; // false
 */
export const lintConfigSchema: z.ZodType<LintConfig> = buildSchema(activeLintRule);

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
 * @param rules the configurable rules; defaults to the built-ins and registered plugins' rules
 * @returns the config with option defaults filled in
 * @throws {LintConfigError} (`lint_config_invalid`) naming each bad path, e.g.
 *   `rules.no-jargn` for a misspelt rule id or `rules.sentence-length.1.maxWord` for a
 *   misspelt option.
 * @example
 * parseLintConfig({ rules: { 'sentence-length': ['warning', { maxWords: 25 }] } });
 */
export function parseLintConfig(input: unknown, rules?: readonly Rule[]): LintConfig {
  const schema = rules === undefined ? lintConfigSchema : createLintConfigSchema(rules);
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new LintConfigError(toLintProblems(parsed.error.issues, input));
  return parsed.data;
}

/**
 * A parsed config with its `extends` applied: each shareable config (itself resolved, parsed with
 * `schema`) in order, then the config's own settings. Rules and jargon: the later setting wins;
 * phrases, topics and plugins: lists are joined. The result has no `extends`.
 *
 * @param config a parsed config
 * @param schema the schema that parsed it (fills option defaults in the extended configs)
 * @throws {LintConfigError} (`lint_config_invalid`) when an extended config is invalid or the
 *   configs extend each other in a cycle, at path `extends.<i>`
 * @example
 * resolveLintConfig({ extends: ['acme/strict'], rules: { 'no-jargon': 'off' } }).rules;
 */
export function resolveLintConfig(
  config: LintConfig,
  schema: z.ZodType<LintConfig> = lintConfigSchema,
): LintConfig {
  return resolve(config, schema, []);
}

function resolve(config: LintConfig, schema: z.ZodType<LintConfig>, seen: string[]): LintConfig {
  const parts: LintConfig[] = [];
  (config.extends ?? []).forEach((name, i) => {
    const slash = name.indexOf('/');
    const shared = lintPlugin(name.slice(0, slash))?.configs?.[name.slice(slash + 1)];
    const why = seen.includes(name)
      ? `no cycle of configs (${[...seen, name].join(' -> ')})`
      : unknownConfigReason(name);
    if (why !== undefined || shared === undefined)
      throw new LintConfigError(
        lintProblemsFrom([
          { path: ['extends', i], expected: why ?? 'a config', received: JSON.stringify(name) },
        ]),
      );
    const parsed = schema.safeParse(shared);
    if (!parsed.success)
      throw new LintConfigError(
        toLintProblems(parsed.error.issues, shared).map((p) => ({ ...p, path: ['extends', i, ...p.path] })),
      );
    parts.push(resolve(parsed.data, schema, [...seen, name]));
  });
  parts.push(config);
  const out: LintConfig = {};
  for (const part of parts) {
    if (part.rules) out.rules = { ...out.rules, ...part.rules };
    if (part.jargon) out.jargon = { ...out.jargon, ...part.jargon };
    if (part.plugins) out.plugins = [...(out.plugins ?? []), ...part.plugins];
    for (const [id, list] of Object.entries(part.phrases ?? {}))
      out.phrases = { ...out.phrases, [id]: [...(out.phrases?.[id] ?? []), ...list] };
    for (const [topic, list] of Object.entries(part.topics ?? {}) as [TopicId, string[]][])
      out.topics = { ...out.topics, [topic]: [...(out.topics?.[topic] ?? []), ...list] };
  }
  return out;
}
