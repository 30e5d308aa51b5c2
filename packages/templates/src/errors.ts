/**
 * @module errors
 * Typed errors of template compiling and rendering, with stable `code` strings.
 */
import { formatProblems, IncidentCommsError, type Problem } from '@incident-comms/core';

/** Stable codes of {@link TemplateVariableError}. */
export type TemplateVariableErrorCode =
  | 'template_variable_missing'
  | 'template_variable_unknown'
  | 'template_variable_invalid';

/**
 * Thrown when the variables handed to a template do not match its declared schema. Lists every
 * problem at once: `missing` names (code `template_variable_missing` whenever any is missing),
 * `unknown` extra names (code `template_variable_unknown` when nothing is missing) and values of
 * the wrong type (`template_variable_invalid`). A template is never rendered with a gap.
 */
export class TemplateVariableError extends IncidentCommsError {
  declare readonly code: TemplateVariableErrorCode;
  /** The template id, e.g. `update/customer`. */
  readonly templateId: string;
  /** Required variables that were not given, in the template's declaration order. */
  readonly missing: readonly string[];
  /** Given variables the template does not declare (often a misspelling). */
  readonly unknown: readonly string[];
  /** Values of the wrong type, path-named (`vars.unknowns.0`). */
  readonly problems: readonly Problem[];
  constructor(
    templateId: string,
    details: { missing: readonly string[]; unknown: readonly string[]; problems: readonly Problem[] },
  ) {
    const code: TemplateVariableErrorCode =
      details.missing.length > 0
        ? 'template_variable_missing'
        : details.unknown.length > 0
          ? 'template_variable_unknown'
          : 'template_variable_invalid';
    const lines: string[] = [];
    if (details.missing.length > 0) lines.push(`missing: ${details.missing.join(', ')}`);
    if (details.unknown.length > 0) lines.push(`unknown: ${details.unknown.join(', ')}`);
    const headline = `Template ${templateId} cannot be rendered (${lines.join('; ') || 'invalid values'}):`;
    super(code, formatProblems(headline, details.problems));
    this.templateId = templateId;
    this.missing = details.missing;
    this.unknown = details.unknown;
    this.problems = details.problems;
  }
}

/**
 * Thrown by `createTemplateSet` (and reported by the runbook check) when template sources do not
 * compile: Mustache syntax errors, unknown or misspelt variables, triple mustaches or partials,
 * a variable that may be absent used outside its own section. `code: 'template_invalid'`.
 */
export class TemplateInvalidError extends IncidentCommsError {
  /** Every problem, path-named like `templates.update/customer.body`. */
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    super('template_invalid', formatProblems('Invalid templates:', problems));
    this.problems = problems;
  }
}

/** Thrown when no template has the requested id (`template_not_found`). */
export class TemplateNotFoundError extends IncidentCommsError {
  readonly templateId: string;
  constructor(templateId: string, tried: readonly string[] = [templateId]) {
    super('template_not_found', `No template ${templateId} (tried ${tried.join(', ')})`);
    this.templateId = templateId;
  }
}
