/**
 * @module publish/publish
 * `publish`: turns an approved draft into status-update version N+1, the one source of truth,
 * or says every reason it may not go out yet. Pure: returns the event to append.
 */
import { gateStatuses, requiredApprovals } from '../approvals/gates';
import { problem, ValidationError } from '../errors';
import type { Draft, StatusUpdate } from '../incident/events';
import { type DraftRecord, type IncidentState, nextUpdateOwner } from '../incident/state';
import { lintMessage } from '../lint/lint-message';
import type { Diagnostic } from '../lint/types';
import { isMessageFor } from '../release/release';
import type { Runbook } from '../runbook/define';
import { incidentTypeDefinition } from '../runbook/lookup';
import type { Audience } from '../vocabulary';
import { draftLintContext } from './lint-facts';
import { lintReleaseMessages, type ReleaseDiagnostic } from './lint-release';
import {
  contentHash,
  EDITABLE,
  FACT_WORDS,
  gateReason,
  plannedNextUpdate,
  REQUIRED_FACTS,
  readOptions,
} from './publish-checks';
import type { BlockedReason, PublishDraftOptions, PublishOutcome } from './publish-types';
import { releaseContradictions } from './release-consistency';

/**
 * The status update `publish` would create for this draft at `now`, without its gates
 * (approvals, lint, staleness): the same version number, facts, text, owner, next-update time
 * and recovery time, from the same mapping. Hosts render a draft's wording for every audience
 * from the exact version it will become, then record that text as the draft. Pure.
 *
 * Fields: `version` is the next one (N+1); the facts (symptom, affected, scope, teamAction,
 * unknowns, cause, workaround, customerAction, regions, productAreas, product areas defaulting
 * to the incident type's) are the confirmed ones; `text` is `draft.text`; the owner is the
 * current communication owner (backup while the primary is out); `nextUpdateAt` is the cadence
 * plan from `now` (or the earlier `options.nextUpdateAt`; none once resolved); `recoveredAt`
 * comes with a resolution whose recovery is confirmed; `draftRevision` is the recorded
 * revision when `draft` matches it, else the revision recording it would create.
 *
 * @param state - the incident state.
 * @param draft - the draft (recorded or not yet; its `text` may be a placeholder while the
 *   wording is being rendered).
 * @param runbook - a validated runbook (cadence, product areas).
 * @param now - ISO-8601 UTC instant the version would be published.
 * @param options - `nextUpdateAt`, as for {@link publish}; `actor` is ignored.
 * @returns the {@link StatusUpdate} (version N+1) that `publish` would append.
 * @throws {ValidationError} `input_invalid` for a malformed `now` (or one before the last
 *   event) or a bad `options.nextUpdateAt`, and when no version can be built yet: facts not
 *   confirmed (`state.facts.symptom`, `state.facts.affected`, `state.facts.teamAction`) or no
 *   communication owner available (`state.roles.communicationOwner`).
 * @example
 * const draft = { id: 'd-2', kind: 'update', audience: 'customer', status: 'identified',
 *   text: '(draft)', basedOnFactsVersion: state.factsVersion } as const;
 * const next = previewStatusUpdate(state, draft, runbook, '2026-03-03T14:20:00Z');
 * const text = renderMessage(next, 'customer', runbook, { incidentId: state.id }).text;
 */
export function previewStatusUpdate(
  state: IncidentState,
  draft: Draft,
  runbook: Runbook,
  now: string,
  options: PublishDraftOptions = {},
): StatusUpdate {
  readOptions(state, now, options);
  const owner = nextUpdateOwner(state);
  const f = state.facts;
  const problems = REQUIRED_FACTS.filter((key) => !f[key]).map((key) =>
    problem(`state.facts.${key}`, `${FACT_WORDS[key]}, confirmed by the incident lead`),
  );
  if (!owner) problems.push(problem('state.roles.communicationOwner', 'an available communication owner'));
  if (problems.length > 0 || !owner) throw new ValidationError('status update preview', problems);

  const nextUpdateAt = plannedNextUpdate(state, draft, runbook, now, options);
  const record = state.drafts[draft.id];
  const recorded = record !== undefined && !EDITABLE.some((k) => record[k] !== draft[k]);
  const resolved = draft.status === 'resolved';
  return {
    version: state.updates.length + 1,
    status: draft.status,
    kind: draft.kind,
    severity: state.severity,
    title: state.title,
    incidentType: state.incidentType,
    symptom: f.symptom!.value,
    affected: f.affected!.value,
    scope: f.scope.value,
    teamAction: f.teamAction!.value,
    unknowns: f.unknowns?.value ?? [],
    ...(f.cause ? { cause: f.cause.value } : {}),
    ...(f.workaround ? { workaround: f.workaround.value } : {}),
    ...(f.customerAction ? { customerAction: f.customerAction.value } : {}),
    regions: f.regions?.value ?? [],
    productAreas: f.productAreas?.value ?? [incidentTypeDefinition(runbook, state.incidentType).productArea],
    text: draft.text,
    publishedAt: now,
    ...(nextUpdateAt && !resolved ? { nextUpdateAt } : {}),
    ...(resolved && state.recovery.confirmed ? { recoveredAt: state.recovery.confirmed.recoveredAt } : {}),
    ownerId: owner.id,
    ownerName: owner.name,
    factsVersion: state.factsVersion,
    draftId: draft.id,
    draftRevision: recorded ? record.revision : (record?.revision ?? 0) + 1,
  };
}

/**
 * Publishes a draft as status-update version N+1, or says every reason it cannot go out yet.
 * Pure: nothing is appended; append the returned event with `applyEvent` (the reducer checks
 * owner, version, facts version, recovery and approvals again, so a stale result is refused).
 *
 * Published only when all hold (otherwise every failing one is listed, in this order):
 * - the draft is the current revision recorded in the log (`draft-not-recorded`,
 *   `draft-edited`: a changed text needs approval again; `draft-already-published`), and the
 *   incident is not resolved (`incident-resolved`);
 * - it is based on the newest facts version (`stale-facts`, the id the reducer and the lint
 *   rule give the same rule);
 * - someone holds the communication owner role (`no-communication-owner`);
 * - the incident lead confirmed what customers see, who is affected and what the team is
 *   doing (`facts-missing`), since the status update is built from confirmed facts;
 * - every gate of {@link requiredApprovals} is granted on this revision by its role
 *   (`approval-missing`, `approval-pending`, `approval-denied`, `approval-wrong-role`), and a
 *   resolution has recovery confirmed with a customer-facing check (`recovery-not-confirmed`);
 * - lint reports no error (`lint-error`, one per diagnostic, with its `ruleId`). Lint runs with
 *   the state's facts ({@link lintFactsFromState}), the audience's time zone, the runbook's
 *   lint settings and the next-update time this version will record. Staleness is reported
 *   once, as the `stale-facts` refusal, not again as a `lint-error` of the same rule.
 *
 * The new version is exactly {@link previewStatusUpdate}'s (one mapping): the confirmed facts
 * (symptom, affected, scope, teamAction, unknowns, cause, workaround, customerAction, regions,
 * productAreas; product areas default to the incident type's), the draft's text, the current
 * communication owner (backup while the primary is out), and `nextUpdateAt` the cadence plan
 * from `now` (none once resolved). Earlier versions stay as they are: the reducer appends.
 *
 * Deviation from the issue's `publish(state, draft, now)`: the runbook is a parameter because
 * the gates (which role approves which topic), the cadence and the lint settings live there,
 * and the incident state deliberately does not carry it (the log stays replayable under a
 * changed runbook).
 *
 * Practice: "use one approved status message at a time"; "normal updates go out after
 * engineering confirms the facts; sensitive topics go through one named leader".
 *
 * @param state - the incident state.
 * @param draft - the draft to publish (looked up by `id`; its text must be the recorded revision's).
 * @param runbook - a validated runbook.
 * @param now - ISO-8601 UTC instant of publication.
 * @param options - optional earlier next-update time and blocked-event actor.
 * @returns `{ ok: true, event, statusUpdate, warnings }` or `{ ok: false, reasons, event, diagnostics }`.
 * @throws {ValidationError} `input_invalid` for a malformed `now` (or one before the last
 *   event) or a bad `options.nextUpdateAt`.
 * @throws {LintConfigError} `lint_config_invalid` when the runbook's lint section is invalid.
 * @example
 * const result = publish(state, state.drafts['d-2']!, runbook, '2026-03-03T14:20:00Z');
 * if (result.ok) state = applyEvent(state, result.event);
 * else for (const r of result.reasons) console.log(r.code, r.message);
 */
export function publish(
  state: IncidentState,
  draft: Draft,
  runbook: Runbook,
  now: string,
  options: PublishDraftOptions = {},
): PublishOutcome {
  readOptions(state, now, options);
  const reasons: BlockedReason[] = [];
  const record: DraftRecord | undefined = state.drafts[draft.id];
  const edited =
    record !== undefined &&
    (EDITABLE.some((k) => record[k] !== draft[k]) || contentHash(draft) !== record.releaseHash);

  if (!record) {
    reasons.push({
      code: 'draft-not-recorded',
      message: `Draft ${draft.id} is not in the incident log; record it (draft.created) and ask for approval.`,
    });
  } else if (edited) {
    reasons.push({
      code: 'draft-edited',
      message: `This text differs from revision ${record.revision} of draft ${draft.id}, which is what was approved; record the edit (draft.created) and ask for approval again.`,
    });
  }
  if (record?.publishedVersion !== undefined) {
    reasons.push({
      code: 'draft-already-published',
      message: `Draft ${draft.id} was already published as version ${record.publishedVersion}; start a new draft.`,
    });
  }
  if (state.status === 'resolved') {
    reasons.push({
      code: 'incident-resolved',
      message: 'The incident is resolved; no further status updates follow.',
    });
  }
  if (draft.basedOnFactsVersion < state.factsVersion) {
    reasons.push({
      code: 'stale-facts',
      message: `The draft was written against facts version ${draft.basedOnFactsVersion}; the newest is ${state.factsVersion}. Rewrite it from the newest facts.`,
    });
  }
  const owner = nextUpdateOwner(state);
  if (!owner) {
    reasons.push({
      code: 'no-communication-owner',
      message: state.roles.communicationOwner
        ? 'Both the communication owner and the backup are unavailable; name someone to own customer updates.'
        : 'No communication owner is assigned; name one person to own customer updates.',
    });
  }
  const missingFacts = REQUIRED_FACTS.filter((key) => !state.facts[key]);
  if (missingFacts.length > 0) {
    reasons.push({
      code: 'facts-missing',
      message: `The incident lead has not confirmed ${missingFacts.map((k) => FACT_WORDS[k]).join(', ')}; a status update is built from confirmed facts.`,
    });
  }

  const gates = requiredApprovals(draft, state, runbook);
  for (const status of gateStatuses(gates, edited ? undefined : record, state)) {
    const reason = gateReason(status.gate, status.state, status.record?.decidedBy, status.record?.reason);
    if (reason) reasons.push(reason);
  }

  const nextUpdateAt = plannedNextUpdate(state, draft, runbook, now, options);
  // Approvals of an edited text do not count, so lint it as an unrecorded draft.
  const lintDraft = edited ? { ...draft, id: `${draft.id}#edited` } : draft;
  const diagnostics = lintDraft.messages
    ? lintReleaseMessages(lintDraft.messages, (m) => ({
        ...draftLintContext(
          state,
          { ...lintDraft, audience: m.audience, segment: m.segment },
          runbook,
          now,
          nextUpdateAt,
        ),
        timeZone: m.timeZone,
      }))
    : lintMessage(draft.text, draftLintContext(state, lintDraft, runbook, now, nextUpdateAt));
  for (const d of diagnostics as Array<Diagnostic & Partial<ReleaseDiagnostic>>) {
    if (d.severity !== 'error') continue;
    const where = d.audience !== undefined ? (d as ReleaseDiagnostic) : undefined;
    const source = where ? draft.messages!.find((m) => isMessageFor(m, where))![where.field] : draft.text;
    reasons.push({
      code: 'lint-error',
      ruleId: d.ruleId,
      message: where ? `${where.segment ?? where.audience} ${where.field}: ${d.message}` : d.message,
      span: { start: d.start, end: d.end, text: source.slice(d.start, d.end) },
      ...(where ? { audience: where.audience, field: where.field } : {}),
    });
  }

  if (draft.messages && owner && missingFacts.length === 0) {
    const reference = previewStatusUpdate(state, draft, runbook, now, options);
    for (const c of releaseContradictions(draft.messages, reference)) {
      reasons.push({
        code: 'release-inconsistent',
        message: c.message,
        fact: c.fact,
        audiences: c.audiences,
        ...(c.audiences[0] && /^[a-z-]+$/.test(c.audiences[0])
          ? { audience: c.audiences[0] as Audience }
          : {}),
      });
    }
  }

  if (reasons.length > 0 || !owner || !record) {
    return {
      ok: false,
      reasons,
      diagnostics,
      event: {
        type: 'publish.blocked',
        at: now,
        actor: options.actor ?? owner?.id ?? 'system',
        draftId: draft.id,
        revision: record?.revision ?? 1,
        reasons: reasons.map((r) => ({
          code: r.code,
          message: r.message,
          ...(r.ruleId ? { ruleId: r.ruleId } : {}),
        })),
      },
    };
  }

  const statusUpdate = previewStatusUpdate(state, draft, runbook, now, options);
  const release = draft.messages ? { hash: record.releaseHash!, messages: draft.messages } : undefined;
  return {
    ok: true,
    event: {
      type: 'update.published',
      at: now,
      actor: owner.id,
      update: statusUpdate,
      ...(release ? { release } : {}),
    },
    statusUpdate,
    warnings: diagnostics.filter((d) => d.severity === 'warning'),
  };
}
