/**
 * @module publish/lint-facts
 * The one place an incident state becomes the linter's facts (`LintFacts`) and the next-update
 * time a draft must state. Publishing, the pre-send check and hosts all go through it.
 */
import { draftTexts, isGateGranted } from '../approvals/gates';
import { nextUpdateDue, planNextUpdateAt } from '../cadence/index';
import type { Draft } from '../incident/events';
import type { DraftRecord, IncidentState } from '../incident/state';
import { detectTopics, type TopicMatch } from '../lint/topics';
import type { LintContext, LintFacts } from '../lint/types';
import { DEFAULT_APPROVALS } from '../runbook/defaults';
import type { Runbook } from '../runbook/define';
import { findClockTimes, resolveWrittenClockTime } from '../time/index';
import { toIsoInstant } from '../time/iso-instant';
import type { Audience, MessageKind, TopicId } from '../vocabulary';

/** What {@link lintFactsFromState} returns. */
export interface StateLintFacts {
  /** The confirmed facts in the linter's shape. */
  facts: LintFacts;
  /**
   * ISO-8601 UTC instant the draft must name as the next update, when `runbook` and `now`
   * were given and the incident is not resolved; see {@link lintFactsFromState}.
   */
  nextUpdateDue?: string;
}

/** Where the clock and the rhythm come from when the next-update time is wanted. */
export interface LintFactsClock {
  runbook: Runbook;
  /** ISO-8601 UTC instant. */
  now: string;
}

/**
 * Converts the incident state (and, for a draft, its granted approvals) into the linter's
 * facts:
 * - `causeConfirmed`, `workaround`: the incident lead confirmed a cause / a workaround;
 * - `recoveryConfirmed`: recovery confirmed with the customer-facing check recorded;
 * - `scope`: the confirmed scope (`unknown` until confirmed);
 * - `approvedFixTime`: the fix time the incident lead confirmed as promisable
 *   (`facts.approvedFixTime`); otherwise, when the `fixTime` gate is granted on the draft's
 *   current revision, the clock time its promise names ("back by 10:30 AM ET"), read in the
 *   audience's zone. A granted promise stated as a duration ("within the hour") has no
 *   instant to hand the linter: the incident lead confirms `approvedFixTime` for that;
 * - `compensationApproved`: every credit/refund and contract/SLA passage of the draft's
 *   current revision has its gate granted by the role the runbook names (the approver by
 *   default), and there is at least one;
 * - `version`: the newest facts version.
 *
 * `nextUpdateDue` (with `clock`): for a draft not yet published, the time the new version
 * will promise (`planNextUpdateAt` from `now`: the cadence of the incident's severity and the
 * draft's status, rounded up); without a draft (or for one already published), when the
 * current status update promised the next one (`nextUpdateDue`). Absent once resolved.
 *
 * Practice: the linter is stateful ("fixed" is wrong until recovery is confirmed, fine after).
 *
 * @param state - the incident state.
 * @param draft - optional draft (its `id` finds the recorded revision and approvals; `status`
 *   picks the cadence).
 * @param clock - optional runbook and `now`, needed for `nextUpdateDue` and to read which role
 *   approves compensation (default: the approver).
 * @returns `{ facts, nextUpdateDue? }`.
 * @throws {ValidationError} `input_invalid` when `clock.now` is not an ISO-8601 UTC instant.
 * @example
 * const { facts, nextUpdateDue } = lintFactsFromState(state, draft, { runbook, now: '2026-03-03T14:20:00Z' });
 * lintMessage(draft.text, { kind: draft.kind, audience: draft.audience, facts, nextUpdateDue, now: '2026-03-03T14:20:00Z' });
 */
export function lintFactsFromState(
  state: IncidentState,
  draft?: Pick<Draft, 'id' | 'status'>,
  clock?: LintFactsClock,
): StateLintFacts {
  const f = state.facts;
  const record = draft ? state.drafts[draft.id] : undefined;
  const approvals: Readonly<Record<string, string>> = clock?.runbook.approvals ?? DEFAULT_APPROVALS;
  const topics = record ? draftTexts(record).flatMap((text) => detectTopics(text, clock?.runbook.lint)) : [];
  const granted = (topic: TopicId) =>
    record !== undefined && isGateGranted(state, record.id, topic, approvals[topic] ?? 'approver');
  // Credits and SLA remedies: approved when every such passage's gate is granted.
  const remedies = [
    ...new Set(topics.map((m) => m.topic).filter((t) => t === 'compensation' || t === 'contract')),
  ];
  const facts: LintFacts = {
    causeConfirmed: f.cause !== undefined,
    recoveryConfirmed: Boolean(state.recovery.confirmed?.customerCheck?.trim()),
    scope: f.scope.value,
    workaround: f.workaround !== undefined,
    compensationApproved: remedies.length > 0 && remedies.every(granted),
    version: state.factsVersion,
  };
  const approvedFixTime =
    f.approvedFixTime?.value ??
    (record && granted('fixTime') ? promisedTime(record, topics, clock) : undefined);
  if (approvedFixTime !== undefined) facts.approvedFixTime = approvedFixTime;
  const out: StateLintFacts = { facts };
  if (clock) {
    const due =
      draft && record?.publishedVersion === undefined
        ? planNextUpdateAt(clock.runbook, state.severity, draft.status, clock.now)
        : (nextUpdateDue(state, clock.runbook, clock.now) ?? undefined);
    if (due !== undefined && state.status !== 'resolved') out.nextUpdateDue = due;
  }
  return out;
}

// The clock time a granted fix-time promise names, as an ISO-8601 UTC instant (read with the
// linter's clock reader in the audience's zone); undefined for a duration ("within the hour").
function promisedTime(
  record: DraftRecord,
  topics: readonly TopicMatch[],
  clock: LintFactsClock | undefined,
): string | undefined {
  const promise = topics.find((m) => m.topic === 'fixTime');
  const mention = promise ? findClockTimes(promise.text)[0] : undefined;
  if (!mention) return undefined;
  const zone = clock ? audienceTimeZone(clock.runbook, record.audience) : undefined;
  const at = resolveWrittenClockTime(mention, {
    due: new Date(clock?.now ?? record.createdAt),
    timeZone: zone,
  });
  return at ? toIsoInstant(at) : undefined;
}

/**
 * The full lint context for a draft in a live incident: the state's facts
 * ({@link lintFactsFromState}), the next-update time it must state, `now`, the audience's time
 * zone (`runbook.timeZones`) and the runbook's lint settings. Used by `publish` and
 * `preSendCheck` so both lint a draft the same way.
 *
 * @param state - the incident state.
 * @param draft - the draft (kind, audience, status, id).
 * @param runbook - a validated runbook.
 * @param now - ISO-8601 UTC instant.
 * @param nextUpdateDue - overrides the next-update time the draft must state (ISO-8601 UTC).
 * @returns a `LintContext` for `lintMessage`.
 * @throws {ValidationError} `input_invalid` when `now` is not an ISO-8601 UTC instant.
 * @example
 * lintMessage(draft.text, draftLintContext(state, draft, runbook, '2026-03-03T14:20:00Z'));
 */
export function draftLintContext(
  state: IncidentState,
  draft: Pick<Draft, 'id' | 'kind' | 'audience' | 'status'> & { segment?: string | undefined },
  runbook: Runbook,
  now: string,
  nextUpdateDue?: string,
): LintContext {
  const derived = lintFactsFromState(state, draft, { runbook, now });
  const due = nextUpdateDue ?? derived.nextUpdateDue;
  return {
    kind: draft.kind,
    audience: draft.audience,
    facts: derived.facts,
    now,
    timeZone: audienceTimeZone(runbook, draft.audience, draft.segment),
    ...(due === undefined ? {} : { nextUpdateDue: due }),
    ...(runbook.lint === undefined ? {} : { config: runbook.lint }),
  };
}

/**
 * The IANA zone an audience (or one runbook segment of it) reads times in: the segment's
 * `timeZone`, else `runbook.timeZones.audiences[audience]`, else `runbook.timeZones.default`
 * (`UTC` unless set). Practice: give times in the reader's zone.
 *
 * @example
 * audienceTimeZone(runbook, 'customer'); // 'America/New_York' when the runbook sets it
 */
export function audienceTimeZone(runbook: Runbook, audience: Audience, segment?: string): string {
  const own = segment === undefined ? undefined : runbook.audiences[segment];
  if (own?.timeZone !== undefined && own.audience === audience) return own.timeZone;
  return runbook.timeZones.audiences[audience] ?? runbook.timeZones.default;
}

/** What {@link replyLintContext} needs to know about the reply. */
export interface ReplyLintInput {
  /** Who reads it, e.g. `support-reply` for a support macro, `sales-renewal` for a sales email. */
  audience: Audience;
  /** The message kind it belongs with; default the newest published version's kind (`update` before any). */
  kind?: MessageKind;
}

/**
 * The lint context of an ad-hoc reply written outside a release (a support macro, a sales
 * email): the one place that says what such a reply is checked against. By default, the
 * newest published version: its confirmed facts, and the next-update time it promised (so a
 * reply quoting "next update by 2:50 PM" is right while 2:50 PM is the promise in force). Not
 * the next version's plan: that belongs to a draft (see {@link draftLintContext}). The reply's
 * audience sets the zone; `now` and the runbook's lint settings apply as for drafts.
 *
 * Practice: answer from the current approved status; do not invent a new time in a reply.
 *
 * @param state - the incident state.
 * @param reply - `audience` (required) and optional `kind`.
 * @param runbook - a validated runbook.
 * @param now - ISO-8601 UTC instant.
 * @returns a `LintContext` for `lintMessage`; no `nextUpdateDue` before the first version or once resolved.
 * @throws {ValidationError} `input_invalid` when `now` is not an ISO-8601 UTC instant.
 * @example
 * lintMessage(macro, replyLintContext(state, { audience: 'support-reply' }, runbook, '2026-03-03T14:40:00Z'));
 */
export function replyLintContext(
  state: IncidentState,
  reply: ReplyLintInput,
  runbook: Runbook,
  now: string,
): LintContext {
  const { facts, nextUpdateDue: due } = lintFactsFromState(state, undefined, { runbook, now });
  const current = state.updates.at(-1);
  return {
    kind: reply.kind ?? current?.kind ?? 'update',
    audience: reply.audience,
    facts,
    now,
    timeZone: audienceTimeZone(runbook, reply.audience),
    ...(due === undefined ? {} : { nextUpdateDue: due }),
    ...(runbook.lint === undefined ? {} : { config: runbook.lint }),
  };
}
