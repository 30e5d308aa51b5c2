/**
 * @module compile
 * Compiling and strictly rendering one template: Mustache's own parser finds every variable,
 * the template's zod schema validates the values first, and every field renders the same way.
 */
import {
  AUDIENCES,
  type Audience,
  type IncidentType,
  MESSAGE_KINDS,
  type MessageKind,
  oneLine,
  type Problem,
  problem,
  problemsFromZod,
} from '@incident-comms/core';
import Mustache from 'mustache';
import { z } from 'zod';
import { TemplateInvalidError, TemplateVariableError } from './errors';
import { escaperFor, paragraphsToHtml, type TemplateFormat, tidyBody } from './escape';
import {
  isTemplateVariableName,
  suggestVariable,
  TEMPLATE_VARIABLES,
  type TemplateVariableName,
  type TemplateVariableSpec,
  variableSchema,
} from './variables';

const INCIDENT_TYPE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Template id syntax, the same the runbook's `templates` section accepts. */
export const TEMPLATE_ID_PATTERN = /^[a-z0-9-]+(\/[a-z0-9-]+)*$/;

/** The Mustache sources of one template, as the runbook's `templates` section holds them. */
export interface TemplateSource {
  /** One-line subject (email subject, Slack status line). Defaults to `{{statusLabel}}: {{incidentTitle}}`. */
  subject?: string | undefined;
  /** One-line title (Slack heading and notification fallback). Defaults to the subject. */
  title?: string | undefined;
  /** The message body. Blank lines separate paragraphs. */
  body: string;
  /** What the template is for, in plain words. */
  description?: string | undefined;
}

/** A template with its declared variables (how the default templates are written). */
export interface TemplateDefinition extends TemplateSource {
  /** Id like `update/customer` or `update/customer/checkout`. */
  id: string;
  /** The variables the template uses, as a strict zod object (see `declareVariables`). */
  variables: z.ZodObject;
}

/** The one-line and body fields every template renders. */
export type TemplateField = 'subject' | 'title' | 'body';

/** A compiled template: sources, the variables it uses and the schema rendering validates against. */
export interface CompiledTemplate {
  readonly id: string;
  readonly description?: string | undefined;
  /** Message kind, audience and incident type read from the id, when it follows `kind/audience[/type]`. */
  readonly kind?: MessageKind | undefined;
  readonly audience?: Audience | undefined;
  readonly incidentType?: IncidentType | undefined;
  /** Sources with defaults applied (subject and title always present). */
  readonly source: Readonly<Required<Pick<TemplateSource, 'subject' | 'title' | 'body'>>>;
  /** Every variable the template uses, in order of first use. */
  readonly variables: readonly TemplateVariableName[];
  /** Variables that must be given (used outside their own section). */
  readonly required: readonly TemplateVariableName[];
  /** Strict zod object of the variables; rendering validates against it first. */
  readonly schema: z.ZodObject;
}

/** One template rendered in one format. `subject` and `title` are always a single line. */
export interface RenderedTemplate {
  templateId: string;
  format: TemplateFormat;
  subject: string;
  title: string;
  /** `text`: plain; `html`: escaped `<p>` paragraphs; `slack`: escaped mrkdwn. */
  body: string;
}

/** Default subject of a template that does not set one. */
export const DEFAULT_SUBJECT = '{{statusLabel}}: {{incidentTitle}}';

type Spans = Mustache.TemplateSpans;
type FieldTokens = Record<TemplateField, Spans>;

const FIELDS: readonly TemplateField[] = ['subject', 'title', 'body'];
const tokensOf = new WeakMap<CompiledTemplate, FieldTokens>();
const escapedTokensOf = new WeakMap<CompiledTemplate, Map<TemplateFormat, FieldTokens>>();

interface Use {
  bare: boolean;
  /** Field where it is first used outside its own section. */
  bareField?: TemplateField | undefined;
}

/** The kind, audience and incident type a template id names (`kind/audience[/incidentType]`). */
export function compiledIdParts(id: string): {
  kind?: MessageKind;
  audience?: Audience;
  incidentType?: IncidentType;
} {
  const [first, second, third] = id.split('/');
  const kind = MESSAGE_KINDS.find((k) => k === first);
  if (!kind) return {};
  const audience = AUDIENCES.find((a) => a === second);
  // Any incident type id: which types exist is the runbook's to say (see checkRunbookTemplates).
  const incidentType = third !== undefined && INCIDENT_TYPE_ID.test(third) ? third : undefined;
  return { kind, ...(audience ? { audience } : {}), ...(incidentType ? { incidentType } : {}) };
}

function idProblems(id: string, path: string, segments: readonly string[] = []): Problem[] {
  if (!TEMPLATE_ID_PATTERN.test(id)) {
    return [problem(path, 'a template id like "update/customer"', JSON.stringify(id))];
  }
  const parts = id.split('/');
  const problems: Problem[] = [];
  if (!MESSAGE_KINDS.some((k) => k === parts[0])) return problems;
  if (parts.length < 2 || !(AUDIENCES.some((a) => a === parts[1]) || segments.includes(parts[1]!))) {
    problems.push(
      problem(
        path,
        `an audience after the message kind (one of ${AUDIENCES.join(', ')}); ids for other purposes must not start with a message kind`,
        JSON.stringify(id),
      ),
    );
  } else if (parts.length > 3) {
    problems.push(problem(path, 'at most kind/audience/incident-type', JSON.stringify(id)));
  }
  return problems;
}

function unknownVariable(path: string, name: string): Problem {
  const hint = suggestVariable(name);
  const message = `${path}: unknown variable "${name}"${hint ? ` (did you mean "${hint}"?)` : ''}`;
  return {
    path,
    expected: 'a template variable name (see TEMPLATE_VARIABLES)',
    received: JSON.stringify(name),
    message,
  };
}

function walk(
  tokens: Spans,
  field: TemplateField,
  path: string,
  sections: readonly string[],
  uses: Map<TemplateVariableName, Use>,
  problems: Problem[],
): void {
  for (const token of tokens) {
    const [type, name] = token;
    if (type === 'text' || type === '!' || type === '=') continue;
    if (type === '&') {
      // Mustache reports both {{{name}}} and {{&name}} as '&'.
      problems.push(
        problem(
          path,
          `{{${name}}} (the renderer escapes values for each format; unescaped output is not allowed)`,
          JSON.stringify(`{{{${name}}}} or {{&${name}}}`),
        ),
      );
      continue;
    }
    if (type === '>') {
      problems.push(
        problem(path, 'no partials (write the text in the template)', JSON.stringify(`{{>${name}}}`)),
      );
      continue;
    }
    if (name === '.') {
      if (type !== 'name' || sections.length === 0)
        problems.push(
          problem(path, '{{.}} only inside a section such as {{#unknowns}}…{{/unknowns}}', '"{{.}}"'),
        );
      continue;
    }
    if (!isTemplateVariableName(name)) {
      problems.push(unknownVariable(path, name));
      if ((type === '#' || type === '^') && token.length > 4) {
        walk(token[4] as Spans, field, path, sections, uses, problems);
      }
      continue;
    }
    const spec: TemplateVariableSpec = TEMPLATE_VARIABLES[name];
    const use = uses.get(name) ?? { bare: false };
    uses.set(name, use);
    if (type === 'name') {
      if (spec.type === 'list') {
        problems.push(
          problem(
            path,
            `the list variable "${name}" used as a section: {{#${name}}}{{.}}{{/${name}}}`,
            JSON.stringify(`{{${name}}}`),
          ),
        );
      }
      if (!sections.includes(name) && !use.bare) {
        use.bare = true;
        use.bareField = field;
      }
      continue;
    }
    // '#' or '^': a section keyed on the variable; the variable itself may be absent.
    walk(token[4] as Spans, field, path, type === '#' ? [...sections, name] : sections, uses, problems);
  }
}

function isOptional(schema: z.ZodType): boolean {
  return schema.safeParse(undefined).success;
}

function declarationProblems(
  declared: z.ZodObject,
  uses: Map<TemplateVariableName, Use>,
  path: string,
): Problem[] {
  const problems: Problem[] = [];
  const shape = declared.shape as Record<string, z.ZodType>;
  for (const [name, use] of uses) {
    const schema = shape[name];
    if (!schema) {
      problems.push(
        problem(`${path}.variables`, `a declaration of "${name}", which the template uses`, 'nothing'),
      );
    } else if (use.bare && isOptional(schema)) {
      problems.push(
        problem(
          `${path}.variables.${name}`,
          `required (it is used outside {{#${name}}}…{{/${name}}})`,
          'optional',
        ),
      );
    }
  }
  for (const name of Object.keys(shape)) {
    if (!uses.has(name as TemplateVariableName)) {
      problems.push(
        problem(`${path}.variables.${name}`, 'only variables the template uses', 'an unused declaration'),
      );
    }
  }
  return problems;
}

/**
 * Compiles one template, returning every problem instead of throwing. Used by the runbook check
 * and by {@link compileTemplate}. `path` prefixes problem paths (`templates.update/customer`).
 */
export function checkTemplate(
  id: string,
  source: TemplateSource,
  options: {
    path?: string;
    variables?: z.ZodObject | undefined;
    /** The runbook's audience segments: `kind/<segment>` is then a message template too. */
    segments?: readonly string[] | undefined;
  } = {},
): { template?: CompiledTemplate; problems: Problem[] } {
  const path = options.path ?? id;
  const problems = idProblems(id, path, options.segments);
  const full = {
    subject: source.subject ?? DEFAULT_SUBJECT,
    title: source.title ?? source.subject ?? DEFAULT_SUBJECT,
    body: source.body,
  };
  const uses = new Map<TemplateVariableName, Use>();
  const tokens: Partial<FieldTokens> = {};
  for (const field of FIELDS) {
    // A field that fell back to the subject reports problems under the field that holds the text.
    const fieldPath =
      field === 'title' && source.title === undefined
        ? `${path}.subject`
        : field === 'subject' && source.subject === undefined
          ? `${path}.subject (default)`
          : `${path}.${field}`;
    if (field === 'title' && source.title === undefined && source.subject !== undefined) {
      // Same source as the subject: parse it again for tokens, but do not report twice.
      tokens.title = Mustache.parse(full.title) as Spans;
      continue;
    }
    try {
      tokens[field] = Mustache.parse(full[field]) as Spans;
    } catch (error) {
      problems.push(problem(fieldPath, 'valid Mustache', (error as Error).message));
      continue;
    }
    walk(tokens[field]!, field, fieldPath, [], uses, problems);
  }
  const { kind, audience, incidentType } = compiledIdParts(id);
  if (kind) {
    for (const [name, use] of uses) {
      const spec: TemplateVariableSpec = TEMPLATE_VARIABLES[name];
      if (use.bare && !spec.providedFor.includes(kind)) {
        problems.push(
          problem(
            `${path}.${use.bareField}`,
            `"${name}" only inside {{#${name}}}…{{/${name}}} (it may be absent in ${kind} messages)`,
            JSON.stringify(`{{${name}}}`),
          ),
        );
      }
    }
  }
  if (options.variables) problems.push(...declarationProblems(options.variables, uses, path));
  if (problems.length > 0) return { problems };

  const variables = [...uses.keys()];
  const required = variables.filter((n) => uses.get(n)!.bare);
  const schema =
    options.variables ??
    z
      .object(
        Object.fromEntries(
          variables.map((n) => [n, required.includes(n) ? variableSchema(n) : variableSchema(n).optional()]),
        ),
      )
      .strict();
  const template: CompiledTemplate = Object.freeze({
    id,
    description: source.description,
    kind,
    audience,
    incidentType,
    source: Object.freeze(full),
    variables: Object.freeze(variables),
    required: Object.freeze(required),
    schema,
  });
  tokensOf.set(template, tokens as FieldTokens);
  return { template, problems };
}

/**
 * Compiles one template source: parses every field with Mustache, checks every variable against
 * the catalog, and derives its schema (or checks the declared one).
 *
 * @param id - template id, e.g. `update/customer` or `update/customer/checkout`.
 * @param source - `{ subject?, title?, body, description? }` Mustache sources.
 * @param variables - optional declared schema; it must list exactly the variables used.
 * @returns the {@link CompiledTemplate}.
 * @throws {TemplateInvalidError} `template_invalid` listing every problem (unknown variable with a
 *   "did you mean", triple mustache, partial, syntax error, an optional variable used outside its section).
 * @example
 * const t = compileTemplate('update/customer', { body: '{{symptomSentence}} Next update by {{nextUpdateTime}}.' });
 * t.required; // ['statusLabel', 'incidentTitle', 'symptomSentence', 'nextUpdateTime']
 */
export function compileTemplate(
  id: string,
  source: TemplateSource,
  variables?: z.ZodObject,
): CompiledTemplate {
  const { template, problems } = checkTemplate(id, source, { variables });
  if (!template) throw new TemplateInvalidError(problems);
  return template;
}

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
  const raw = tokensOf.get(template);
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
