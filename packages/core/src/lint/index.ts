/**
 * @module lint
 * The message linter: reads a draft against the runbook and the incident's confirmed facts
 * and answers like a code linter. Also home of the shared approval-topic detection.
 */
export { lintMessage, applyFixes } from './lint-message';
export type {
  Diagnostic,
  Fix,
  LintContext,
  LintFacts,
  LintSeverity,
  ResolvedFacts,
  RuleLevel,
} from './types';
export { resolveFacts } from './facts';
export { defineRule, RULE_DOCS_URL } from './define-rule';
export type { Rule, RuleContext, RuleDefinition, RuleReport } from './define-rule';
export { lintRules, RULE_IDS } from './rules/index';
export type { RuleId } from './rules/index';
export { lintConfigSchema, createLintConfigSchema, parseLintConfig } from './config';
export type { LintConfig, RuleSetting } from './config';
export { LintConfigError, LintContextError } from './errors';
export type { LintProblem } from './errors';
export { detectTopics } from './topics';
export type { TopicMatch } from './topics';
export { findClockTimes, resolveClockTime, ZONE_LABELS } from './clock';
export type { ClockMention } from './clock';
export { TextDocument, splitSentences, countWords } from './text';
export type { Span } from './text';
