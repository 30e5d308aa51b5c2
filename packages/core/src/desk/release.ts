/**
 * @module desk/release
 * What one approval covers, built from the exported pure functions: the status update a draft
 * would become (`previewStatusUpdate`), its next-update time on the cadence (`planNextUpdateAt`)
 * and every audience's message rendered from it through the injected templates.
 */
import { requiredApprovals } from '../approvals/index';
import { planNextUpdateAt } from '../cadence/index';
import type { AnyChannel } from '../delivery/channel';
import { type DeliveryRoute, planDeliveries } from '../delivery/plan';
import { problem, ValidationError } from '../errors';
import type { Draft, DraftRecord, IncidentState, StatusUpdate } from '../incident/index';
import type { ApprovedRelease } from '../incident/state';
import type { ApprovedMessage } from '../message';
import { audienceTimeZone, previewStatusUpdate } from '../publish/index';
import { editReleaseMessage, type ReleaseMessage } from '../release/index';
import type { Runbook } from '../runbook/define';
import { audienceSegments } from '../runbook/segments';
import type { DeskRelease, DeskTemplates, DraftInput, ReleaseTarget } from './types';

/**
 * The next-update time a recorded draft promises: the cadence plan from the moment it was
 * written (so the text and the published version agree), or `undefined` when that moment has
 * passed or the status has no cadence (then `publish` plans from its own `now`).
 *
 * @example
 * promisedNextUpdate(runbook, state, state.drafts['update-v2']!, '2026-03-03T14:19:00Z'); // '2026-03-03T14:35:00.000Z'
 */
export function promisedNextUpdate(
  runbook: Runbook,
  state: IncidentState,
  record: Pick<DraftRecord, 'status' | 'createdAt'>,
  now: string,
): string | undefined {
  const planned = planNextUpdateAt(runbook, state.severity, record.status, record.createdAt);
  return planned !== undefined && Date.parse(planned) > Date.parse(now) ? planned : undefined;
}

/**
 * The messages routes ask for beyond each audience's and segment's own: a route naming a zone
 * (its recipients read times there) needs its audience's or segment's message in that zone.
 *
 * @example
 * releaseTargets([{ channel: 'email', audience: 'customer', segment: 'customer-us', timeZone: 'America/Denver', recipients }]);
 * // [{ audience: 'customer', segment: 'customer-us', timeZone: 'America/Denver' }]
 */
export function releaseTargets(routes: readonly DeliveryRoute[]): ReleaseTarget[] {
  return routes.flatMap((r) =>
    r.timeZone === undefined
      ? []
      : [{ audience: r.audience, ...(r.segment ? { segment: r.segment } : {}), timeZone: r.timeZone }],
  );
}

/**
 * Every audience's message for one status update as release messages: each audience in its
 * zone, each runbook segment in its zone (with its templates), and each extra `targets` zone,
 * rendered through the injected templates (`renderRelease` when they have it, else `renderAll`
 * for the audiences alone).
 */
export function renderReleaseMessages(
  templates: DeskTemplates,
  runbook: Runbook,
  incidentId: string,
  update: StatusUpdate,
  followUpAt: string | undefined,
  targets: readonly ReleaseTarget[] = [],
): ReleaseMessage[] {
  if (templates.renderRelease) {
    return templates.renderRelease(update, runbook, {
      incidentId,
      ...(followUpAt ? { followUpAt } : {}),
      targets,
    });
  }
  if (targets.length > 0 || audienceSegments(runbook).length > 0) {
    throw new ValidationError('desk templates', [
      problem(
        'templates.renderRelease',
        'a renderRelease function (the runbook or routes ask for segments or zones)',
      ),
    ]);
  }
  const rendered = templates.renderAll(update, runbook, {
    incidentId,
    ...(followUpAt ? { followUpAt } : {}),
  });
  return rendered.map((m) => ({
    audience: m.audience,
    timeZone: m.timeZone ?? audienceTimeZone(runbook, m.audience),
    subject: m.subject,
    text: m.text,
    ...('templateId' in m && typeof m.templateId === 'string' ? { templateId: m.templateId } : {}),
  }));
}

/**
 * The release a new draft records: every audience's message rendered from the version the
 * draft would become at `at`, with the draft audience's text replaced by `text` when one was
 * written by hand (an edit, so approvers see exactly that).
 */
export function draftMessages(
  templates: DeskTemplates,
  runbook: Runbook,
  state: IncidentState,
  outline: Draft,
  at: string,
  input: {
    text?: string | undefined;
    subject?: string | undefined;
    followUpAt?: string | undefined;
    targets?: readonly ReleaseTarget[] | undefined;
  },
): ReleaseMessage[] {
  if (input.subject !== undefined) {
    // A side note: one audience (or one segment of it), written by hand.
    const segment = audienceSegments(runbook, outline.audience).find((s) => s.id === outline.segment);
    return [
      {
        audience: outline.audience,
        ...(segment ? { segment: segment.id } : {}),
        timeZone: segment?.timeZone ?? audienceTimeZone(runbook, outline.audience),
        subject: input.subject,
        text: input.text ?? outline.text,
      },
    ];
  }
  const nextUpdateAt = planNextUpdateAt(runbook, state.severity, outline.status, at);
  const update = previewStatusUpdate(state, outline, runbook, at, nextUpdateAt ? { nextUpdateAt } : {});
  const messages = renderReleaseMessages(
    templates,
    runbook,
    state.id,
    update,
    input.followUpAt,
    input.targets,
  );
  return input.text === undefined
    ? messages
    : editReleaseMessage(messages, {
        audience: outline.audience,
        segment: outline.segment,
        // The written text is in the audience's (or segment's) own zone; routes may add others.
        timeZone: audienceTimeZone(runbook, outline.audience, outline.segment),
        text: input.text,
      });
}

/** The recorded release of a draft as the messages channels render (for the desk's views). */
export function releaseView(
  update: StatusUpdate,
  incidentId: string,
  record: DraftRecord,
): ApprovedMessage[] {
  return (record.messages ?? []).map((m) => ({
    incidentId,
    incidentTitle: update.title,
    version: update.version,
    kind: update.kind,
    audience: m.audience,
    ...(m.segment === undefined ? {} : { segment: m.segment }),
    severity: update.severity,
    status: update.status,
    publishedAt: update.publishedAt,
    ...(update.nextUpdateAt ? { nextUpdateAt: update.nextUpdateAt } : {}),
    subject: m.subject,
    text: m.text,
    timeZone: m.timeZone,
    ...(record.releaseHash ? { releaseHash: record.releaseHash } : {}),
  }));
}

/**
 * The release of a recorded draft as it stands at `now`: the version it would become, every
 * audience's message and the gates it needs.
 */
export function releaseOf(
  runbook: Runbook,
  state: IncidentState,
  record: DraftRecord,
  now: string,
): DeskRelease {
  const nextUpdateAt = promisedNextUpdate(runbook, state, record, now);
  const draft: Draft = {
    id: record.id,
    kind: record.kind,
    audience: record.audience,
    ...(record.segment === undefined ? {} : { segment: record.segment }),
    status: record.status,
    text: record.text,
    basedOnFactsVersion: record.basedOnFactsVersion,
    ...(record.messages ? { messages: record.messages } : {}),
  };
  const statusUpdate = previewStatusUpdate(state, draft, runbook, now, nextUpdateAt ? { nextUpdateAt } : {});
  return {
    incidentId: state.id,
    draftId: record.id,
    revision: record.revision,
    hash: record.releaseHash,
    draft,
    statusUpdate,
    messages: releaseView(statusUpdate, state.id, record),
    ...(statusUpdate.nextUpdateAt ? { nextUpdateAt: statusUpdate.nextUpdateAt } : {}),
    approvals: requiredApprovals(draft, state, runbook),
  };
}

/**
 * The new draft `desk.draft` records before its wording: the next free id (`update-v<N>` for
 * the version it would become), the customer audience, the incident's status (`resolved` for
 * the resolved kind) and the newest facts version, unless the input says otherwise.
 *
 * @example
 * draftOutline(state, { kind: 'initial' }); // { id: 'update-v1', audience: 'customer', status: 'investigating', … }
 */
export function draftOutline(state: IncidentState, input: DraftInput): Draft {
  const version = state.updates.length + 1;
  let id = input.id ?? `update-v${version}`;
  for (let n = 2; !input.id && state.drafts[id]; n++) id = `update-v${version}-${n}`;
  return {
    id,
    kind: input.kind,
    audience: input.audience ?? 'customer',
    ...(input.segment === undefined ? {} : { segment: input.segment }),
    status: input.status ?? (input.kind === 'resolved' ? 'resolved' : state.status),
    text: input.text ?? '(draft)',
    basedOnFactsVersion: state.factsVersion,
  };
}

/**
 * The draft recorded under `draftId` in the incident.
 * @throws {ValidationError} `input_invalid` (`draftId`) when the incident holds no such draft.
 */
export function recorded(state: IncidentState, draftId: string): DraftRecord {
  const record = Object.hasOwn(state.drafts, draftId) ? state.drafts[draftId] : undefined;
  if (!record) {
    throw new ValidationError('draft', [
      problem('draftId', `a draft recorded in incident ${state.id}`, JSON.stringify(draftId)),
    ]);
  }
  return record;
}

/**
 * Plans a release's deliveries over `routes` without queuing any, so a release that cannot go
 * out (a route to an unknown channel, an audience or segment without a message, a recipient
 * the channel refuses) is refused before its version or note is recorded as published.
 * @throws {DeliveryInputError} `delivery_input_invalid`, each problem naming its path.
 */
export function checkDeliverable(
  release: ApprovedRelease,
  routes: readonly DeliveryRoute[],
  channels: readonly AnyChannel[],
): void {
  const live = routes.filter((r) => r.recipients.length > 0);
  if (live.length > 0) planDeliveries({ release, routes: live, channels });
}
