/**
 * @module lint
 * The message linter: reads a draft against the runbook and the incident's confirmed facts
 * and answers like a code linter. Also home of the shared approval-topic detection.
 */

export type { LintConfig, RuleSetting } from './config';
export { createLintConfigSchema, lintConfigSchema, parseLintConfig } from './config';
export { lintContextSchema, lintFactsSchema } from './context';
export type { Rule, RuleContext, RuleDefinition, RuleReport } from './define-rule';
export { defineRule, RULE_DOCS_URL } from './define-rule';
export type { LintProblem } from './errors';
export { LintConfigError, LintContextError, lintProblem, RuleReportError } from './errors';
export { resolveFacts } from './facts';
export { applyFixes, lintMessage } from './lint-message';
export type { RuleId } from './rules/index';
export { lintRules, RULE_IDS } from './rules/index';
export type { Span } from './text';
export { countWords, splitSentences, TextDocument } from './text';
export type { TopicMatch } from './topics';
export { detectTopics } from './topics';
export type {
  Diagnostic,
  Fix,
  LintContext,
  LintFacts,
  LintSeverity,
  ResolvedFacts,
  RuleLevel,
} from './types';
