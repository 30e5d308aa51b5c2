/**
 * @module lint/lint-message
 * Runs the rules over a draft and returns diagnostics sorted by position; applies fixes.
 */
import { describeValue } from '../errors';
import {
  createLintConfigSchema,
  type LintConfig,
  lintConfigSchema,
  resolveLintConfig,
  toLintProblems,
} from './config';
import type { Rule, RuleContext, RuleReport } from './define-rule';
import {
  LintConfigError,
  LintContextError,
  LintTextTooLongError,
  lintProblem,
  MAX_LINT_TEXT_LENGTH,
  RuleReportError,
} from './errors';
import { resolveFacts } from './facts';
import { type FoldedText, foldForMatching, originalSpan } from './fold';
import { compilePhrases } from './phrases';
import { activeLintRules, isPluginRule } from './plugins';
import { TextDocument } from './text';
import { compileTopicPhrases, detectTopicsIn, type TopicMatch, type TopicPhrases } from './topics';
import type { Diagnostic, LintContext, LintSeverity, ResolvedFacts, RuleLevel } from './types';

interface CompiledConfig {
  config: LintConfig | undefined;
  levels: Map<string, RuleLevel>;
  options: Map<string, unknown>;
  phrases: Map<string, RegExp>;
  topics: TopicPhrases | undefined;
}

const NO_CONFIG = {};
const compiledConfigs = new WeakMap<readonly Rule[], WeakMap<object, CompiledConfig>>();

// Validated and compiled once per (rule list, config object), then reused for every draft.
function compileConfig(rules: readonly Rule[], config: LintConfig | undefined): CompiledConfig {
  let byConfig = compiledConfigs.get(rules);
  if (byConfig === undefined) {
    byConfig = new WeakMap();
    compiledConfigs.set(rules, byConfig);
  }
  const key = config ?? NO_CONFIG;
  const cached = byConfig.get(key);
  if (cached !== undefined) return cached;
  let parsed: LintConfig | undefined;
  if (config !== undefined) {
    const schema = rules === activeLintRules() ? lintConfigSchema : createLintConfigSchema(rules);
    const result = schema.safeParse(config);
    if (!result.success) throw new LintConfigError(toLintProblems(result.error.issues, config));
    parsed = resolveLintConfig(result.data, schema);
  }
  const compiled: CompiledConfig = {
    config: parsed,
    levels: new Map(),
    options: new Map(),
    phrases: new Map(),
    topics: compileTopicPhrases(parsed?.topics),
  };
  for (const rule of rules) {
    const setting = parsed?.rules?.[rule.id];
    // A registered plugin's rule runs only when a config turns it on (ESLint's rule).
    if (setting === undefined && isPluginRule(rule)) compiled.levels.set(rule.id, 'off');
    if (typeof setting === 'string') compiled.levels.set(rule.id, setting);
    else if (setting !== undefined) {
      compiled.levels.set(rule.id, setting[0]);
      if (setting.length > 1) compiled.options.set(rule.id, setting[1]);
    }
    if (!compiled.options.has(rule.id)) compiled.options.set(rule.id, rule.defaultOptions);
    const extra = parsed?.phrases?.[rule.id];
    const re = extra === undefined ? undefined : compilePhrases(extra);
    if (re !== undefined) compiled.phrases.set(rule.id, re);
  }
  byConfig.set(key, compiled);
  return compiled;
}

/**
 * Lints a draft the way an experienced communication owner reads it: against the runbook's
 * lint settings and the incident's confirmed facts.
 *
 * @param text the draft, plain text
 * @param context message kind and audience, plus optional facts, `now`, `timeZone`,
 *   `nextUpdateDue`, `basedOnVersion` and the parsed runbook `config` (see {@link LintContext})
 * @param rules the rules to run; defaults to the built-in rules plus every registered plugin's
 *   rules (`activeLintRules()`; a plugin rule runs once the config sets its level). Pass
 *   `[...lintRules, myRule]` to run a host's own rules without registering a plugin.
 * @returns diagnostics sorted by position (then rule id); an empty array for a clean draft.
 *   Configured levels always win over a rule's own severities; `off` silences a rule.
 * @throws {LintContextError} (`lint_context_invalid`) when `text` is not a string, or the context
 *   is missing or invalid (see `resolveFacts`: strict keys, typed facts, instants with a zone),
 *   naming each path, what was expected and what was found
 * @throws {LintTextTooLongError} (`lint_text_too_long`) when `text` is longer than
 *   {@link MAX_LINT_TEXT_LENGTH} (262,144 UTF-16 code units); cost is linear up to there
 * @throws {LintConfigError} (`lint_config_invalid`) for an invalid `config`
 * @throws {RuleReportError} (`rule_report_invalid`) when a rule reports a span outside the text
 * @example
 * lintMessage('Checkout is failing for some customers. It should be fixed in 10 minutes.', {
 *   kind: 'update', audience: 'customer', facts: { scope: 'some' },
 * }).map((d) => `${d.severity} ${d.ruleId}`);
 * // ['error next-update-time', 'error no-fix-time-promise'] (sorted by position)
 */
export function lintMessage(
  text: string,
  context: LintContext,
  rules: readonly Rule[] = activeLintRules(),
): Diagnostic[] {
  if (typeof text !== 'string')
    throw new LintContextError([lintProblem(['text'], 'the draft text as a string', describeValue(text))]);
  if (text.length > MAX_LINT_TEXT_LENGTH) throw new LintTextTooLongError(text.length);
  const facts = resolveFacts(context);
  const compiled = compileConfig(rules, context.config);
  const out: Diagnostic[] = [];
  const kind = context.kind;
  const audience = context.audience;
  // One context object for the whole draft, pointed at each rule in turn.
  // Rules read the folded text (fullwidth forms, look-alike letters, invisibles); diagnostics
  // are mapped back to the text as written.
  const folded = foldForMatching(text);
  const run = new RuleRun(context, facts, compiled, new TextDocument(folded.text), out);
  for (const rule of rules) {
    const level = compiled.levels.get(rule.id);
    if (level === 'off') continue;
    const applies = rule.appliesTo;
    if (applies.kinds !== undefined && !applies.kinds.includes(kind)) continue;
    if (applies.audiences !== undefined && !applies.audiences.includes(audience)) continue;
    run.start(rule, level);
    rule.check(run);
  }
  run.start(undefined, undefined);
  if (folded.toOriginal !== undefined) mapToOriginal(out, folded, text);
  out.sort(
    (a, b) => a.start - b.start || a.end - b.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
  return out;
}

// Moves every diagnostic (and its fix) from folded positions to the text as written.
function mapToOriginal(out: Diagnostic[], folded: FoldedText, text: string): void {
  const original = new TextDocument(text);
  for (const d of out) {
    const span = originalSpan(folded, d.start, d.end);
    d.start = span.start;
    d.end = span.end;
    const { line, column } = original.lineColumn(span.start);
    d.line = line;
    d.column = column;
    if (d.fix !== undefined)
      d.fix = { ...originalSpan(folded, d.fix.start, d.fix.end), replacement: d.fix.replacement };
  }
}

// What rules see of one draft. One instance per draft, pointed at each rule in turn by
// `start` (on the hot path: no per-rule allocation). Per-draft analysis (topics, impact) is
// computed at most once and shared by every rule.
class RuleRun implements RuleContext {
  readonly text: string;
  readonly kind: LintContext['kind'];
  readonly audience: LintContext['audience'];
  readonly timeZone: string | undefined;
  readonly basedOnVersion: number | undefined;
  readonly config: LintConfig | undefined;
  options: unknown;
  extraPhrases: RegExp | undefined;
  private rule: Rule | undefined;
  private configured: LintSeverity | undefined;
  private topicMatches: TopicMatch[] | undefined;
  constructor(
    context: LintContext,
    readonly facts: ResolvedFacts,
    private readonly compiled: CompiledConfig,
    readonly doc: TextDocument,
    private readonly out: Diagnostic[],
  ) {
    this.text = doc.text;
    this.kind = context.kind;
    this.audience = context.audience;
    this.timeZone = context.timeZone;
    this.basedOnVersion = context.basedOnVersion;
    this.config = compiled.config;
  }
  start(rule: Rule | undefined, configured: LintSeverity | undefined): void {
    this.rule = rule;
    this.configured = configured;
    this.options = rule === undefined ? undefined : this.compiled.options.get(rule.id);
    this.extraPhrases = rule === undefined ? undefined : this.compiled.phrases.get(rule.id);
  }
  topics(): readonly TopicMatch[] {
    this.topicMatches ??= detectTopicsIn(this.doc, this.compiled.topics);
    return this.topicMatches;
  }
  hasImpactStatement(): boolean {
    return this.doc.namesImpact();
  }
  report(r: RuleReport): void {
    // A report after the rule's check returned (e.g. from a stored callback) has no rule.
    if (this.rule === undefined)
      throw new RuleReportError(undefined, 'report() called outside a rule check (after check returned)');
    this.out.push(toDiagnostic(this.rule, r, this.configured, this.doc));
  }
}

function toDiagnostic(
  rule: Rule,
  r: RuleReport,
  configured: LintSeverity | undefined,
  doc: TextDocument,
): Diagnostic {
  const length = doc.text.length;
  if (!(r.start >= 0 && r.end >= r.start && r.end <= length)) {
    throw new RuleReportError(
      rule.id,
      `Rule ${rule.id} reported span [${r.start}, ${r.end}) outside the text (length ${length})`,
    );
  }
  if (r.fix !== undefined && !(r.fix.start >= 0 && r.fix.end >= r.fix.start && r.fix.end <= length)) {
    throw new RuleReportError(
      rule.id,
      `Rule ${rule.id} reported a fix span [${r.fix.start}, ${r.fix.end}) outside the text`,
    );
  }
  const severity: LintSeverity = configured ?? r.severity ?? rule.defaultSeverity;
  const { line, column } = doc.lineColumn(r.start);
  const d: Diagnostic = {
    ruleId: rule.id,
    severity,
    message: r.message,
    start: r.start,
    end: r.end,
    line,
    column,
  };
  if (r.suggestion !== undefined) d.suggestion = r.suggestion;
  if (r.fix !== undefined) d.fix = { start: r.fix.start, end: r.fix.end, replacement: r.fix.replacement };
  return d;
}

/**
 * Applies every diagnostic's `fix` to `text`. Fixes are applied left to right; a fix that
 * overlaps one already taken is skipped (lint again and re-apply to pick it up).
 *
 * @param text the text the diagnostics were computed for
 * @param diagnostics output of {@link lintMessage} for that text
 * @returns the rewritten text (the same string when nothing is fixable)
 * @example
 * const text = 'Checkout is failing for some customers!!! Next update by 9:30 AM ET.';
 * applyFixes(text, lintMessage(text, { kind: 'update', audience: 'customer' }));
 * // 'Checkout is failing for some customers. Next update by 9:30 AM ET.'
 */
export function applyFixes(text: string, diagnostics: readonly Diagnostic[]): string {
  const fixes = diagnostics
    .map((d) => d.fix)
    .filter((f): f is NonNullable<Diagnostic['fix']> => f !== undefined)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let cursor = 0;
  let lastStart = -1;
  for (const f of fixes) {
    if (f.start < cursor || f.start === lastStart) continue;
    out += text.slice(cursor, f.start) + f.replacement;
    cursor = f.end;
    lastStart = f.start;
  }
  return out + text.slice(cursor);
}
