/**
 * @module compile
 * Compiling one template: Mustache's own parser finds every variable, each is checked against
 * the catalog, and the template's zod schema is derived (rendering lives in `render-template`).
 */
import {
  type Audience,
  type IncidentType,
  type MessageKind,
  type Problem,
  problem,
} from '@incident-comms/core';
import Mustache from 'mustache';
import { z } from 'zod';
import { TemplateInvalidError } from './errors';
import type { TemplateFormat } from './escape';
import { compiledIdParts, templateIdProblems } from './template-id';
import {
  isTemplateVariableName,
  suggestVariable,
  TEMPLATE_VARIABLES,
  type TemplateVariableName,
  type TemplateVariableSpec,
  variableSchema,
} from './variables';

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

/** Mustache's parsed tokens. @internal */
export type Spans = Mustache.TemplateSpans;
/** Parsed tokens of each field. @internal */
export type FieldTokens = Record<TemplateField, Spans>;

const FIELDS: readonly TemplateField[] = ['subject', 'title', 'body'];
const tokensOf = new WeakMap<CompiledTemplate, FieldTokens>();

/** The parsed Mustache tokens of a template compiled here, per field. @internal */
export function compiledTokens(template: CompiledTemplate): FieldTokens | undefined {
  return tokensOf.get(template);
}

interface Use {
  bare: boolean;
  /** Field where it is first used outside its own section. */
  bareField?: TemplateField | undefined;
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
  const problems = templateIdProblems(id, path, options.segments);
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
