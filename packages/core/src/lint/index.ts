/**
 * @module lint
 * The message linter: reads a draft against the runbook and the incident's confirmed facts
 * and answers like a code linter. Also home of the shared approval-topic detection.
 */

export type { LintConfig, RuleSetting } from './config';
export { createLintConfigSchema, lintConfigSchema, parseLintConfig, resolveLintConfig } from './config';
export { lintContextSchema, lintFactsSchema } from './context';
export type { Rule, RuleContext, RuleDefinition, RuleReport } from './define-rule';
export { defineRule, RULE_DOCS_URL } from './define-rule';
export type { LintProblem } from './errors';
export {
  LintConfigError,
  LintContextError,
  LintTextTooLongError,
  lintProblem,
  MAX_LINT_TEXT_LENGTH,
  RuleReportError,
} from './errors';
export { resolveFacts } from './facts';
export { applyFixes, lintMessage } from './lint-message';
export type { LintPlugin } from './plugins';
export { activeLintRules, definePlugin, registerLintPlugin } from './plugins';
export type { RuleId } from './rules/index';
export { lintRules, RULE_IDS } from './rules/index';
export type { Span } from './text';
export { countWords, splitSentences, TextDocument } from './text';
export type { TopicMatch, TopicPhrases } from './topics';
export { compileTopicPhrases, detectTopics } from './topics';
export type {
  Diagnostic,
  Fix,
  LintContext,
  LintFacts,
  LintSeverity,
  ResolvedFacts,
  RuleLevel,
} from './types';
