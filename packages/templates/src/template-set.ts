/**
 * @module template-set
 * The defaults plus the runbook's overrides and additions, compiled once; the runbook check that
 * makes `defineRunbook` reject a broken custom template at load time.
 */
import {
  type Audience,
  type IncidentType,
  type MessageKind,
  type Problem,
  problem,
  problemsFromZod,
  type Runbook,
} from '@incident-comms/core';
import { z } from 'zod';
import {
  type CompiledTemplate,
  checkTemplate,
  type RenderedTemplate,
  type TemplateDefinition,
  type TemplateSource,
} from './compile';
import { DEFAULT_TEMPLATES } from './default-templates';
import { TemplateInvalidError, TemplateNotFoundError } from './errors';
import type { TemplateFormat } from './escape';
import { renderTemplate } from './render-template';
import { compiledIdParts } from './template-id';
import { lintTemplateOverrides } from './template-lint';

/** Options of {@link TemplateSet.render} and {@link render}. */
export interface RenderOptions {
  /** `text` (default, unescaped), `html` (escaped paragraphs) or `slack` (escaped mrkdwn). */
  format?: TemplateFormat;
}

/** Compiled templates by id, with lookup by message kind, audience and incident type. */
export interface TemplateSet {
  /** Every template id, defaults first, then the runbook's additions. */
  readonly ids: readonly string[];
  has(templateId: string): boolean;
  /** @throws {TemplateNotFoundError} `template_not_found`. */
  get(templateId: string): CompiledTemplate;
  /**
   * The template for one message: `kind/audience/incidentType`, then `kind/audience`; a
   * `workaround` message for an audience without a workaround template uses its `update` template.
   * @throws {TemplateNotFoundError} when none exists.
   */
  resolve(kind: MessageKind, audience: Audience, incidentType?: IncidentType): CompiledTemplate;
  /** Renders one template strictly; see {@link render}. */
  render(templateId: string, vars: unknown, options?: RenderOptions): RenderedTemplate;
}

/** What {@link createTemplateSet} reads from a runbook: its `templates` section. */
export interface TemplateOverrides {
  templates?: Readonly<Record<string, TemplateSource>> | undefined;
}

const sourcesSchema = z.record(
  z.string(),
  z
    .object({
      subject: z.string().min(1).optional(),
      title: z.string().min(1).optional(),
      body: z.string().min(1),
      description: z.string().optional(),
    })
    .strict(),
);

const defaultsById = new Map<string, TemplateDefinition>(DEFAULT_TEMPLATES.map((t) => [t.id, t]));

function compileAll(
  overrides: Readonly<Record<string, TemplateSource>>,
  segments: readonly string[] = [],
): {
  templates: Map<string, CompiledTemplate>;
  problems: Problem[];
} {
  const templates = new Map<string, CompiledTemplate>();
  const problems: Problem[] = [];
  for (const definition of DEFAULT_TEMPLATES) {
    if (Object.hasOwn(overrides, definition.id)) continue;
    const { template, problems: found } = checkTemplate(definition.id, definition, {
      variables: definition.variables,
      path: `defaults.${definition.id}`,
    });
    problems.push(...found);
    if (template) templates.set(definition.id, template);
  }
  for (const [id, override] of Object.entries(overrides)) {
    const base = defaultsById.get(id);
    const source: TemplateSource = {
      subject: override.subject ?? base?.subject,
      title: override.title ?? base?.title,
      body: override.body,
      description: override.description ?? base?.description,
    };
    const { template, problems: found } = checkTemplate(id, source, { path: `templates.${id}`, segments });
    problems.push(...found);
    if (template) templates.set(id, template);
  }
  return { templates, problems };
}

function makeSet(templates: Map<string, CompiledTemplate>): TemplateSet {
  const ids = Object.freeze([...templates.keys()]);
  const get = (templateId: string): CompiledTemplate => {
    const template = templates.get(templateId);
    if (!template) throw new TemplateNotFoundError(templateId);
    return template;
  };
  return Object.freeze({
    ids,
    has: (templateId: string) => templates.has(templateId),
    get,
    resolve(kind: MessageKind, audience: Audience, incidentType?: IncidentType): CompiledTemplate {
      const kinds: MessageKind[] = kind === 'workaround' ? ['workaround', 'update'] : [kind];
      const tried = kinds.flatMap((k) => [
        ...(incidentType ? [`${k}/${audience}/${incidentType}`] : []),
        `${k}/${audience}`,
      ]);
      for (const id of tried) {
        const template = templates.get(id);
        if (template) return template;
      }
      throw new TemplateNotFoundError(tried[tried.length - 1]!, tried);
    },
    render: (templateId: string, vars: unknown, options: RenderOptions = {}) =>
      renderTemplate(get(templateId), vars, options.format ?? 'text'),
  });
}

// The runbook's segment ids (`customer-us`): `kind/<segment>` templates are theirs.
const segmentIds = (runbook: TemplateOverrides | Runbook): string[] =>
  'audiences' in runbook ? Object.keys(runbook.audiences) : [];

const cache = new WeakMap<object, TemplateSet>();
let defaultSet: TemplateSet | undefined;

/**
 * Compiles the default templates plus a runbook's `templates` section (overrides replace the
 * default with the same id, keeping its subject/title unless given; new ids are added).
 * Practice: lock message patterns in before anything breaks, so a broken template fails when
 * the runbook loads, not mid-incident. Cached per runbook object.
 *
 * @param runbook - a `Runbook` (or any `{ templates }` object); omit for the defaults only.
 * @returns the {@link TemplateSet}.
 * @throws {TemplateInvalidError} `template_invalid` listing every problem with its path, e.g.
 *   `templates.update/customer.body: unknown variable "nextUpdte" (did you mean "nextUpdateTime"?)`.
 * @example
 * const set = createTemplateSet({ templates: { 'update/customer': { body: '{{symptomSentence}} Next update by {{nextUpdateTime}}.' } } });
 * set.get('update/customer').required; // ['statusLabel', 'incidentTitle', 'symptomSentence', 'nextUpdateTime']
 */
export function createTemplateSet(runbook?: TemplateOverrides | Runbook): TemplateSet {
  const raw = runbook?.templates;
  if (raw === undefined || Object.keys(raw).length === 0) {
    defaultSet ??= createDefaultSet();
    return defaultSet;
  }
  const cached = cache.get(runbook as object);
  if (cached) return cached;
  const parsed = sourcesSchema.safeParse(raw);
  if (!parsed.success) throw new TemplateInvalidError(problemsFromZod(parsed.error, raw, 'templates'));
  const { templates, problems } = compileAll(parsed.data, segmentIds(runbook!));
  if (problems.length > 0) throw new TemplateInvalidError(problems);
  const set = makeSet(templates);
  cache.set(runbook as object, set);
  return set;
}

function createDefaultSet(): TemplateSet {
  const { templates, problems } = compileAll({});
  if (problems.length > 0) throw new TemplateInvalidError(problems);
  return makeSet(templates);
}

/**
 * Problems with a runbook's `templates` section, path-named (`templates.<id>.<field>`); empty
 * when every template compiles and, for a full runbook, every override renders with realistic
 * facts without a lint error (`lintTemplateOverrides`: a guessed cause, a promised fix time,
 * a severity code in a customer subject are runbook errors naming the template, rule and words).
 * Pass it to the runbook loaders, `loadRunbook(path, { checks: [checkRunbookTemplates] })` (or
 * `parseRunbook`/`defineRunbook` with the same option), so a broken custom template fails at load
 * time; importing this package registers nothing.
 *
 * @example
 * checkRunbookTemplates({ templates: { 'update/customer': { body: 'Next update by {{nextUpdte}}.' } } })[0].message;
 * // 'templates.update/customer.body: unknown variable "nextUpdte" (did you mean "nextUpdateTime"?)'
 */
export function checkRunbookTemplates(runbook: TemplateOverrides | Runbook): Problem[] {
  const raw = runbook.templates ?? {};
  const parsed = sourcesSchema.safeParse(raw);
  if (!parsed.success) return problemsFromZod(parsed.error, raw, 'templates');
  const { templates, problems } = compileAll(parsed.data, segmentIds(runbook));
  const own = problems.filter((p) => p.path.startsWith('templates.'));
  if ('incidentTypes' in runbook) own.push(...unknownIncidentTypes(Object.keys(raw), runbook));
  // A full runbook: render each override with realistic facts and lint what it would send.
  if (own.length > 0 || Object.keys(raw).length === 0 || !('incidentTypes' in runbook)) return own;
  return lintTemplateOverrides(runbook, makeSet(templates));
}

// An override for one incident type must name a type the runbook defines (defaults or its own).
function unknownIncidentTypes(ids: readonly string[], runbook: Runbook): Problem[] {
  const types = Object.keys(runbook.incidentTypes);
  return ids.flatMap((id) => {
    const { kind, audience, incidentType } = compiledIdParts(id);
    if (!kind || !audience || incidentType === undefined || types.includes(incidentType)) return [];
    return [
      problem(
        `templates.${id}`,
        `an incident type the runbook defines (one of ${types.join(', ')})`,
        JSON.stringify(incidentType),
      ),
    ];
  });
}

/**
 * Renders one default template by id, strictly: the variables are validated against the
 * template's zod schema first; every missing name and every unknown extra name is reported at
 * once; subject, title and body all go through the same path and the same escaping.
 * Use `createTemplateSet(runbook).render` to include the runbook's templates.
 *
 * @param templateId - e.g. `update/customer`.
 * @param vars - the template's variables (see `TEMPLATE_VARIABLES`; `set.get(id).variables`).
 * @param options - `format`: `text` (default), `html` or `slack`.
 * @returns `{ templateId, format, subject, title, body }`; subject and title on one line.
 * @throws {TemplateVariableError} `template_variable_missing` / `template_variable_unknown` /
 *   `template_variable_invalid` with `templateId`, `missing` and `unknown`.
 * @throws {TemplateNotFoundError} `template_not_found`.
 * @example
 * render('initial/sales-prospect', vars, { format: 'slack' }).body;
 */
export function render(templateId: string, vars: unknown, options: RenderOptions = {}): RenderedTemplate {
  return createTemplateSet().render(templateId, vars, options);
}
