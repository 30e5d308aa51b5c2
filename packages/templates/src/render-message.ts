/**
 * @module render-message
 * Renders one status-update version for each audience: the facts come from that one version,
 * the wording from the audience's template, the times from the time module in the audience's zone.
 */
import {
  type ApprovedMessage,
  AUDIENCES,
  type Audience,
  type AudienceSegment,
  audienceSegments,
  audienceTimeZone,
  formatUpdateTime,
  incidentTypeDefinition,
  instantSchema,
  isValidTimeZone,
  type MessageKind,
  problem,
  problemsFromZod,
  type Runbook,
  STATUS_LABELS,
  type StatusUpdate,
  severityLevel,
  statusUpdateSchema,
  ValidationError,
} from '@incident-comms/core';
import { z } from 'zod';
import type { CompiledTemplate } from './compile';
import { renderTemplateFormats } from './render-template';
import { createTemplateSet, type TemplateSet } from './template-set';
import type { TemplateVariables } from './variables';

/** Options of {@link renderMessage} and {@link renderAll}. */
export interface RenderMessageOptions {
  /** The incident the status update belongs to (it is not part of the status update). */
  incidentId: string;
  /**
   * ISO-8601 UTC instant by which a fuller follow-up will be sent, if the team has chosen one;
   * resolved messages state it as `followUpTime`, otherwise they promise the summary without a time.
   */
  followUpAt?: string | undefined;
  /** Audiences to render ({@link renderAll} only); defaults to all seven, in `AUDIENCES` order. */
  audiences?: readonly Audience[] | undefined;
  /** A template set to use instead of `createTemplateSet(runbook)`. */
  templates?: TemplateSet | undefined;
  /**
   * IANA zone to write times in ({@link renderMessage}); default the segment's zone, else the
   * audience's zone (`runbook.timeZones`).
   */
  timeZone?: string | undefined;
  /**
   * A runbook segment of the audience ({@link renderMessage}), e.g. `customer-us`: its zone and
   * its templates (`<kind>/<segment>[/<incidentType>]`) come first, then the audience's.
   */
  segment?: string | undefined;
}

/** An {@link ApprovedMessage} plus which template rendered it and its one-line title. */
export interface RenderedMessage extends ApprovedMessage {
  /** The template id used, e.g. `update/customer`. */
  templateId: string;
  /** One-line plain-text title (Slack heading; notification fallback). Never contains CR/LF. */
  title: string;
  /** The title escaped for Slack mrkdwn. */
  mrkdwnTitle: string;
  /** Always set by this renderer. */
  html: string;
  /** Always set by this renderer. */
  mrkdwn: string;
  /** Always set by this renderer: the zone its times are written in. */
  timeZone: string;
}

const optionsSchema = z.object({
  incidentId: z.string().trim().min(1, 'expected a non-empty incident id'),
  followUpAt: instantSchema.optional(),
  audiences: z.array(z.enum(AUDIENCES)).optional(),
  templates: z.unknown().optional(),
  timeZone: z.string().refine(isValidTimeZone, 'expected an IANA time zone').optional(),
  segment: z.string().min(1).optional(),
});

/** A fact as a phrase that fits inside a sentence: trimmed, without a final full stop. */
function phrase(value: string): string {
  return value.trim().replace(/\.+$/, '');
}

/** A fact as a full sentence: capital first letter, closing punctuation. */
function sentence(value: string): string {
  const trimmed = value.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]["'’”)\]]*$/.test(capital) ? capital : `${capital}.`;
}

function parseInputs(
  statusUpdate: unknown,
  options: unknown,
): { update: StatusUpdate; options: RenderMessageOptions } {
  const update = statusUpdateSchema.safeParse(statusUpdate);
  if (!update.success)
    throw new ValidationError('status update', problemsFromZod(update.error, statusUpdate, 'statusUpdate'));
  const parsed = optionsSchema.safeParse(options ?? {});
  if (!parsed.success)
    throw new ValidationError('render options', problemsFromZod(parsed.error, options, 'options'));
  return {
    update: update.data,
    options: { ...(options as RenderMessageOptions), ...parsed.data } as RenderMessageOptions,
  };
}

/**
 * Computes every template variable for one audience from one status-update version and the
 * runbook. Times are formatted by `formatUpdateTime` in the audience's time zone, relative to the
 * version's `publishedAt` (so "tomorrow 00:15 CET" when the day differs for that reader).
 *
 * @param statusUpdate - one published version (`StatusUpdate`), validated here.
 * @param audience - who reads the message; selects the time zone.
 * @param runbook - time zones, severity labels, the incident type's definition and phrases
 *   (`runbook.incidentTypes`), source of truth.
 * @param options - `incidentId` (required), `followUpAt` (ISO-8601 UTC, optional).
 * @returns the full {@link TemplateVariables}; optional ones are absent when the version lacks them.
 * @throws {ValidationError} `input_invalid` for a malformed status update or options.
 * @example
 * const v = buildTemplateVariables(update, 'customer', runbook, { incidentId: 'inc-checkout' });
 * v.nextUpdateTime; // '9:45 AM ET'
 */
export function buildTemplateVariables(
  statusUpdate: StatusUpdate,
  audience: Audience,
  runbook: Runbook,
  options: RenderMessageOptions,
): TemplateVariables {
  const { update, options: opts } = parseInputs(statusUpdate, options);
  return variablesFor(update, audience, runbook, opts);
}

function variablesFor(
  update: StatusUpdate,
  audience: Audience,
  runbook: Runbook,
  opts: RenderMessageOptions,
): TemplateVariables {
  const timeZone = opts.timeZone ?? audienceTimeZone(runbook, audience);
  const time = (instant: string) => formatUpdateTime(instant, timeZone, { relativeTo: update.publishedAt });
  // The wording comes from the runbook's definition of the type, never from a built-in table.
  const type = incidentTypeDefinition(runbook, update.incidentType);
  const vars: TemplateVariables = {
    incidentId: opts.incidentId,
    incidentTitle: update.title.trim(),
    version: update.version,
    severity: update.severity,
    severityLabel: severityLevel(runbook, update.severity).label,
    statusLabel: STATUS_LABELS[update.status],
    incidentTypeName: type.name,
    productArea: type.productArea,
    affectedFlow: type.phrases.affectedFlow,
    symptom: phrase(update.symptom),
    symptomSentence: sentence(update.symptom),
    affected: phrase(update.affected),
    impact: sentence(type.customerImpact),
    experienced: type.phrases.experienced,
    afterRecovery: type.phrases.afterRecovery,
    teamAction: sentence(update.teamAction),
    ownerName: update.ownerName,
    sourceOfTruth: runbook.sourceOfTruth.name,
    publishedTime: time(update.publishedAt),
    unknowns: update.unknowns.map(phrase),
  };
  if (update.nextUpdateAt) vars.nextUpdateTime = time(update.nextUpdateAt);
  if (update.recoveredAt) vars.recoveredTime = time(update.recoveredAt);
  if (update.workaround) vars.workaround = sentence(update.workaround);
  if (update.customerAction) vars.customerAction = sentence(update.customerAction);
  if (update.cause) vars.cause = sentence(update.cause);
  if (opts.followUpAt) vars.followUpTime = time(opts.followUpAt);
  if (runbook.sourceOfTruth.url) vars.sourceOfTruthUrl = runbook.sourceOfTruth.url;
  return vars;
}

/**
 * Renders one audience's message for one status-update version: picks the template
 * (`kind/audience/incidentType`, then `kind/audience`; `workaround` falls back to `update`),
 * validates its variables strictly and renders subject, title, text, HTML and Slack mrkdwn.
 *
 * @param statusUpdate - one published version; every audience's message uses its facts.
 * @param audience - one of `AUDIENCES`.
 * @param runbook - a validated runbook (templates, time zones, wording).
 * @param options - `incidentId` (required), `followUpAt`, `templates`.
 * @returns a {@link RenderedMessage} (an `ApprovedMessage` with `templateId`, `title`, `mrkdwnTitle`).
 * @throws {TemplateVariableError} `template_variable_missing` when the version lacks a fact the
 *   template needs (e.g. a `resolved` version without `recoveredAt`), naming the template and variables.
 * @throws {TemplateNotFoundError} when no template fits.
 * @throws {ValidationError} `input_invalid` for a malformed status update or options.
 * @example
 * const msg = renderMessage(update, 'customer', runbook, { incidentId: 'inc-checkout' });
 * msg.subject; // 'Investigating: Card payments failing at checkout'
 */
export function renderMessage(
  statusUpdate: StatusUpdate,
  audience: Audience,
  runbook: Runbook,
  options: RenderMessageOptions,
): RenderedMessage {
  const { update, options: parsed } = parseInputs(statusUpdate, options);
  const segment = segmentOf(runbook, audience, parsed.segment);
  const opts = { ...parsed, timeZone: parsed.timeZone ?? segment?.timeZone };
  const all = variablesFor(update, audience, runbook, opts);
  const set = opts.templates ?? createTemplateSet(runbook);
  const template =
    (segment && segmentTemplate(set, update.kind, segment.id, update.incidentType)) ??
    set.resolve(update.kind, audience, update.incidentType);
  const given = all as unknown as Record<string, unknown>;
  const vars = Object.fromEntries(
    template.variables.filter((name) => given[name] !== undefined).map((name) => [name, given[name]]),
  );
  const formats = renderTemplateFormats(template, vars);
  return {
    incidentId: opts.incidentId,
    incidentTitle: update.title,
    version: update.version,
    kind: update.kind,
    audience,
    ...(segment ? { segment: segment.id } : {}),
    severity: update.severity,
    status: update.status,
    publishedAt: update.publishedAt,
    ...(update.nextUpdateAt ? { nextUpdateAt: update.nextUpdateAt } : {}),
    subject: formats.text.subject,
    text: formats.text.body,
    timeZone: opts.timeZone ?? audienceTimeZone(runbook, audience),
    html: formats.html.body,
    mrkdwn: formats.slack.body,
    templateId: template.id,
    title: formats.text.title,
    mrkdwnTitle: formats.slack.title,
  };
}

/** The runbook segment a render is for, checked to be one of the audience's. */
function segmentOf(
  runbook: Runbook,
  audience: Audience,
  id: string | undefined,
): AudienceSegment | undefined {
  if (id === undefined) return undefined;
  const segments = audienceSegments(runbook, audience);
  const found = segments.find((s) => s.id === id);
  if (found) return found;
  throw new ValidationError('render options', [
    problem(
      'options.segment',
      `a segment of ${audience} the runbook declares (${segments.map((s) => s.id).join(', ') || 'none'})`,
      JSON.stringify(id),
    ),
  ]);
}

/** A segment's own template (`kind/segment/incidentType`, then `kind/segment`; workaround falls back to update). */
function segmentTemplate(
  set: TemplateSet,
  kind: MessageKind,
  segment: string,
  incidentType: string,
): CompiledTemplate | undefined {
  const kinds: MessageKind[] = kind === 'workaround' ? ['workaround', 'update'] : [kind];
  const id = kinds
    .flatMap((k) => [`${k}/${segment}/${incidentType}`, `${k}/${segment}`])
    .find((candidate) => set.has(candidate));
  return id === undefined ? undefined : set.get(id);
}

/**
 * Renders every audience's message for one status-update version, so all audiences share the
 * same facts by construction (practice: one approved status, the same timing and wording for
 * support, sales and customer success). All or nothing: the first failing audience throws.
 *
 * @param statusUpdate - one published version.
 * @param runbook - a validated runbook.
 * @param options - `incidentId` (required), `followUpAt`, `audiences` (default: all seven), `templates`.
 * @returns one {@link RenderedMessage} per audience, in `AUDIENCES` order.
 * @throws the errors of {@link renderMessage}.
 * @example
 * const messages = renderAll(update, runbook, { incidentId: 'inc-checkout' });
 * messages.map((m) => m.audience); // ['customer', 'support-reply', …, 'internal']
 */
export function renderAll(
  statusUpdate: StatusUpdate,
  runbook: Runbook,
  options: RenderMessageOptions,
): RenderedMessage[] {
  const { options: opts } = parseInputs(statusUpdate, options);
  const templates = opts.templates ?? createTemplateSet(runbook);
  return (opts.audiences ?? AUDIENCES).map((audience) =>
    renderMessage(statusUpdate, audience, runbook, { ...opts, templates }),
  );
}
