/**
 * @module render-template
 * Rendering one compiled template strictly: the variables are validated against its schema
 * first, then subject, title and body render through the same path, escaped for the format.
 */
import { oneLine, type Problem, problem, problemsFromZod } from '@incident-comms/core';
import Mustache from 'mustache';
import {
  type CompiledTemplate,
  compiledTokens,
  type FieldTokens,
  type RenderedTemplate,
  type Spans,
  type TemplateField,
} from './compile';
import { TemplateVariableError } from './errors';
import { escaperFor, paragraphsToHtml, type TemplateFormat, tidyBody } from './escape';
import { suggestVariable } from './variables';

const escapedTokensOf = new WeakMap<CompiledTemplate, Map<TemplateFormat, FieldTokens>>();

function escapeTokens(tokens: Spans, escapeText: (value: string) => string): Spans {
  return tokens.map((token) => {
    if (token[0] === 'text') return [token[0], escapeText(token[1]), token[2], token[3]] as Spans[number];
    if ((token[0] === '#' || token[0] === '^') && Array.isArray(token[4])) {
      const copy = [...token] as unknown[];
      copy[4] = escapeTokens(token[4] as Spans, escapeText);
      return copy as Spans[number];
    }
    return token;
  }) as Spans;
}

function tokensFor(template: CompiledTemplate, format: TemplateFormat): FieldTokens {
  const raw = compiledTokens(template);
  if (!raw) throw new TypeError(`Template ${template.id} was not compiled by compileTemplate`);
  let byFormat = escapedTokensOf.get(template);
  if (!byFormat) {
    byFormat = new Map();
    escapedTokensOf.set(template, byFormat);
  }
  let tokens = byFormat.get(format);
  if (!tokens) {
    const escapeValue = escaperFor(format);
    tokens = {
      subject: escapeTokens(raw.subject, escapeValue),
      title: escapeTokens(raw.title, escapeValue),
      body: escapeTokens(raw.body, escapeValue),
    };
    byFormat.set(format, tokens);
  }
  return tokens;
}

/**
 * Validates `vars` against the template's schema: every missing required name, every unknown
 * extra name and every wrongly typed value, all at once.
 *
 * @returns the parsed values (strings trimmed; `null`/`undefined` optional values dropped).
 * @throws {TemplateVariableError} `template_variable_missing` / `template_variable_unknown` /
 *   `template_variable_invalid`, naming the template id and every name.
 */
export function validateVariables(template: CompiledTemplate, vars: unknown): Record<string, unknown> {
  if (vars === null || typeof vars !== 'object' || Array.isArray(vars)) {
    throw new TemplateVariableError(template.id, {
      missing: [...template.required],
      unknown: [],
      problems: [
        problem('vars', 'an object of template variables', Array.isArray(vars) ? 'a list' : String(vars)),
      ],
    });
  }
  const given = vars as Record<string, unknown>;
  const known = new Set<string>(template.variables);
  const unknown = Object.keys(given).filter((k) => !known.has(k));
  const present: Record<string, unknown> = {};
  for (const name of template.variables) {
    const value = given[name];
    if (value !== undefined && value !== null) present[name] = value;
  }
  const missing = template.required.filter((name) => !(name in present));
  const parsed = template.schema.safeParse(present);
  const problems: Problem[] = [
    ...missing.map((name) => problem(`vars.${name}`, 'required')),
    ...unknown.map((name) => {
      const hint = suggestVariable(name);
      return problem(
        `vars.${name}`,
        `only variables the template uses${hint && known.has(hint) ? ` (did you mean "${hint}"?)` : ''}`,
        'an unknown variable',
      );
    }),
  ];
  if (!parsed.success) {
    const typeProblems = problemsFromZod(parsed.error, present, 'vars').filter(
      (p) => !missing.some((name) => p.path === `vars.${name}`),
    );
    problems.push(...typeProblems);
    if (missing.length === 0 && unknown.length === 0 && typeProblems.length === 0) {
      problems.push(problem('vars', 'values matching the template schema', parsed.error.message));
    }
  }
  if (problems.length > 0) throw new TemplateVariableError(template.id, { missing, unknown, problems });
  return parsed.data as Record<string, unknown>;
}

function renderValidated(
  template: CompiledTemplate,
  data: Record<string, unknown>,
  format: TemplateFormat,
): RenderedTemplate {
  const tokens = tokensFor(template, format);
  const escapeValue = escaperFor(format);
  const config = { escape: (value: unknown) => escapeValue(String(value)) };
  const writer = new Mustache.Writer();
  const context = new Mustache.Context(data);
  const renderField = (field: TemplateField) =>
    writer.renderTokens(
      tokens[field] as unknown as string[][],
      context,
      undefined,
      template.source[field],
      config,
    );
  const body = tidyBody(renderField('body'));
  return {
    templateId: template.id,
    format,
    subject: oneLine(renderField('subject')),
    title: oneLine(renderField('title')),
    body: format === 'html' ? paragraphsToHtml(body) : body,
  };
}

/**
 * Renders a compiled template strictly: validates `vars` first (see {@link validateVariables}),
 * then renders subject, title and body through the same path, escaped for `format`.
 *
 * @param format - `text` (unescaped), `html` (escaped, `<p>` paragraphs) or `slack` (mrkdwn escaped).
 * @throws {TemplateVariableError} on any missing, unknown or invalid variable; nothing is rendered.
 */
export function renderTemplate(
  template: CompiledTemplate,
  vars: unknown,
  format: TemplateFormat = 'text',
): RenderedTemplate {
  return renderValidated(template, validateVariables(template, vars), format);
}

/** Renders all three formats after one validation. */
export function renderTemplateFormats(
  template: CompiledTemplate,
  vars: unknown,
): Record<TemplateFormat, RenderedTemplate> {
  const data = validateVariables(template, vars);
  return {
    text: renderValidated(template, data, 'text'),
    html: renderValidated(template, data, 'html'),
    slack: renderValidated(template, data, 'slack'),
  };
}
