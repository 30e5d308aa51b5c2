/**
 * @module lint/plugins
 * Host plugins, the ESLint way: a plugin is a namespace (`acme`) with rules (`acme/no-vendor-blame`)
 * and shareable configs (`acme/strict`). Registered once, they are honoured everywhere a draft is
 * checked: the runbook's `lint` section, `lintMessage`, `publish`, `preSendCheck` and the CLI.
 */
import { problem, ValidationError } from '../errors';
import { closestName } from '../text/closest';
import type { LintConfig } from './config';
import { defineRule, isDefinedRule, type Rule, type RuleDefinition } from './define-rule';
import { lintRules } from './rules/index';

/**
 * A lint plugin: rules and shareable configs under one namespace.
 *
 * @example
 * const acme: LintPlugin = definePlugin({
 *   meta: { name: 'acme' },
 *   rules: [noVendorBlame], // defineRule({ id: 'acme/no-vendor-blame', ... })
 *   configs: { strict: { rules: { 'acme/no-vendor-blame': 'error' } } },
 * });
 */
export interface LintPlugin {
  /** `name` is the namespace of every rule and config (kebab-case, no `/`). */
  readonly meta: { readonly name: string; readonly version?: string };
  /**
   * Rules; each id is `<name>/<rule>`. Off unless a config turns them on (ESLint's rule). Plain
   * definitions are passed through `defineRule`, so a plugin file needs no import of this package.
   */
  readonly rules?: readonly (Rule | RuleDefinition<unknown>)[];
  /** Shareable configs by short name; a runbook extends one as `<name>/<config>`. */
  readonly configs?: Readonly<Record<string, LintConfig>>;
}

const NAMESPACE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Checks and freezes a plugin: its name is kebab-case and every rule id and config sits under it.
 *
 * @param plugin the plugin
 * @returns the same plugin, frozen
 * @throws {ValidationError} (`input_invalid`) naming the bad path (`meta.name`, `rules.0.id`,
 *   `configs.strict`)
 * @example
 * definePlugin({ meta: { name: 'acme' }, configs: { recommended: { rules: { 'no-jargon': 'error' } } } });
 */
export function definePlugin(plugin: LintPlugin): LintPlugin {
  const name = plugin.meta?.name;
  const problems = [];
  if (typeof name !== 'string' || !NAMESPACE.test(name))
    problems.push(problem('meta.name', 'a kebab-case plugin name such as "acme"', JSON.stringify(name)));
  (plugin.rules ?? []).forEach((rule, i) => {
    if (!rule.id.startsWith(`${name}/`))
      problems.push(
        problem(`rules.${i}.id`, `a rule id of the form "${name}/<rule>"`, JSON.stringify(rule.id)),
      );
  });
  for (const key of Object.keys(plugin.configs ?? {}))
    if (!NAMESPACE.test(key))
      problems.push(
        problem(`configs.${key}`, 'a kebab-case config name such as "strict"', JSON.stringify(key)),
      );
  if (problems.length > 0) throw new ValidationError('lint plugin', problems);
  const rules = (plugin.rules ?? []).map((r) => (isDefinedRule(r) ? r : defineRule(r)));
  return Object.freeze({ ...plugin, rules: Object.freeze(rules) });
}

const plugins = new Map<string, LintPlugin>();
// The object each name was registered with, so registering it again is a no-op.
const registeredAs = new Map<string, LintPlugin>();
let active: readonly Rule[] = lintRules;
let byId: Map<string, Rule> | undefined;

/**
 * Registers a host plugin for every later lint: the runbook `lint` section may then configure
 * its rules (`acme/no-vendor-blame: error`) and extend its configs (`extends: [acme/strict]`),
 * and `lintMessage` (so `publish` and `preSendCheck`) runs the rules so configured.
 * Registering the same plugin object again is a no-op.
 *
 * @param plugin a plugin ({@link definePlugin} checks it again here)
 * @throws {ValidationError} (`input_invalid`) when a different plugin of that name is registered,
 *   or the plugin is malformed
 * @example
 * registerLintPlugin(acme);
 * parseRunbook(yamlText); // lint: { rules: { 'acme/no-vendor-blame': error } } now loads
 */
export function registerLintPlugin(plugin: LintPlugin): void {
  const name = plugin.meta?.name;
  const known = typeof name === 'string' ? registeredAs.get(name) : undefined;
  if (known === plugin) return;
  if (known !== undefined)
    throw new ValidationError('lint plugin', [
      problem('meta.name', `a plugin name not yet registered`, JSON.stringify(name)),
    ]);
  const checked = definePlugin(plugin);
  plugins.set(checked.meta.name, checked);
  registeredAs.set(checked.meta.name, plugin);
  active = Object.freeze([...lintRules, ...[...plugins.values()].flatMap((p) => (p.rules ?? []) as Rule[])]);
  byId = undefined;
}

/** The registered plugin of that namespace, if any. */
export function lintPlugin(name: string): LintPlugin | undefined {
  return plugins.get(name);
}

/**
 * The built-in rules followed by every registered plugin's rules. A new array (identity) after
 * each registration, the same one otherwise; `lintMessage` runs this list by default.
 *
 * @example
 * activeLintRules().some((r) => r.id === 'acme/no-vendor-blame'); // true once acme is registered
 */
export function activeLintRules(): readonly Rule[] {
  return active;
}

/** A rule of {@link activeLintRules} by id. */
export function activeLintRule(id: string): Rule | undefined {
  byId ??= new Map(active.map((r) => [r.id, r]));
  return byId.get(id);
}

/** True when `rule` came from a plugin (off unless configured), not from the built-in list. */
export function isPluginRule(rule: Rule): boolean {
  return rule.id.includes('/') && activeLintRule(rule.id) === rule;
}

/**
 * Why an id names no rule: for `acme/x`, that plugin `acme` is not registered (or has no such
 * rule); otherwise that it is no built-in rule. Used in load errors.
 */
export function unknownRuleReason(id: string): string {
  const slash = id.indexOf('/');
  const near = closestName(
    id,
    active.map((r) => r.id),
  );
  const hint = near === undefined ? '' : `; did you mean "${near}"?`;
  if (slash < 0) return `a built-in rule id ("${id}" is none${hint})`;
  const name = id.slice(0, slash);
  return plugins.has(name)
    ? `a rule of plugin "${name}" ("${id}" is none of its rules${hint})`
    : `a rule of a registered plugin: plugin "${name}" is not registered; register it with registerLintPlugin() in code, or load it with the CLI's --plugin flag or the runbook's lint.plugins`;
}
