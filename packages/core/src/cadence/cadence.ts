/**
 * @module cadence/cadence
 * The rhythm of an incident as pure rules: how often customers hear from us, when the next
 * update is due, whether it is late, and when engineering owes the communication owner a checkpoint.
 */
import { addMinutes } from 'date-fns/addMinutes';
import { differenceInMilliseconds } from 'date-fns/differenceInMilliseconds';
import { parseISO } from 'date-fns/parseISO';
import { problemsFromZod, ValidationError } from '../errors';
import {
  type CheckpointTrigger,
  currentStatusUpdate,
  type IncidentState,
  instantSchema,
} from '../incident/index';
import type { Runbook } from '../runbook/define';
import { severityLevel } from '../runbook/lookup';
import { ceilToMinutes } from '../time/index';
import { toIsoInstant } from '../time/iso-instant';
import type { Severity, Status } from '../vocabulary';

/** Epoch milliseconds of an ISO-8601 UTC instant already validated by the event schema. */
const msOf = (instant: string): number => parseISO(instant).getTime();

/** Validates a caller-supplied instant (ISO-8601 UTC) with the log's own instant schema. */
function readInstant(value: string, path: string): number {
  const parsed = instantSchema.safeParse(value);
  if (!parsed.success) throw new ValidationError(path, problemsFromZod(parsed.error, value, path));
  return msOf(parsed.data);
}

/**
 * Rounds an instant UP to the runbook's clean boundary (`cadence.roundToMinutes`, default 5) on
 * the clock of the runbook's default zone (matters only for 30- or 60-minute boundaries).
 */
const roundUp = (runbook: Runbook, date: Date): string =>
  toIsoInstant(
    new Date(ceilToMinutes(date, runbook.cadence.roundToMinutes, { timeZone: runbook.timeZones.default })),
  );

/**
 * Minutes between customer updates for a severity and status.
 *
 * Practice: a full outage hears from us every 15 minutes, a partial one every 30, a small one
 * hourly (`runbook.cadence.minutes`); while `monitoring` a fix that is out, the slower
 * `runbook.cadence.monitoringMinutes` applies; a `resolved` incident has no next update.
 *
 * @param runbook - the validated runbook (its `cadence` section).
 * @param severity - a severity id on the runbook's ladder (`SEV1` by default, `P1`, `SEV0`…).
 * @param status - the status of the current status update.
 * @returns minutes until the next update, or `null` when `resolved`.
 * @throws {ValidationError} `input_invalid` (path `severity`) when the ladder has no such level.
 * @example
 * cadenceFor(runbook, 'SEV1', 'investigating'); // 15
 * cadenceFor(runbook, 'SEV1', 'monitoring'); // 30
 * cadenceFor(runbook, 'SEV2', 'resolved'); // null
 */
export function cadenceFor(runbook: Runbook, severity: Severity, status: Status): number | null {
  if (status === 'resolved') return null;
  const level = severityLevel(runbook, severity);
  return status === 'monitoring' ? level.monitoringMinutes : level.cadenceMinutes;
}

/**
 * The next-update time to promise when publishing a status update: `publishedAt` plus the
 * cadence, rounded UP to the runbook's clean boundary (`cadence.roundToMinutes`, default 5),
 * so a SEV1 update sent at 9:14:47 promises 9:30, never 9:29:47, and never earlier than the
 * cadence allows. Use it to fill `StatusUpdate.nextUpdateAt`.
 *
 * @param runbook - the validated runbook.
 * @param severity - the incident's severity when publishing.
 * @param status - the status of the update being published.
 * @param publishedAt - ISO-8601 UTC instant of publication.
 * @returns an ISO-8601 UTC instant, or `undefined` for a `resolved` update (no next update).
 * @throws {ValidationError} `input_invalid` (path `publishedAt`) when it is not an ISO-8601 UTC instant.
 * @example
 * planNextUpdateAt(runbook, 'SEV1', 'investigating', '2026-03-03T14:14:47Z'); // '2026-03-03T14:30:00Z'
 */
export function planNextUpdateAt(
  runbook: Runbook,
  severity: Severity,
  status: Status,
  publishedAt: string,
): string | undefined {
  const at = readInstant(publishedAt, 'publishedAt');
  const minutes = cadenceFor(runbook, severity, status);
  if (minutes === null) return undefined;
  return roundUp(runbook, addMinutes(at, minutes));
}

/**
 * The instant the next customer update is due, or `null` once the incident is resolved.
 *
 * - After a status update was published: the `nextUpdateAt` it promised (or, if it promised
 *   none, its `publishedAt` plus the cadence, rounded up).
 * - Before the first update: the first-update target, `declaredAt` plus
 *   the severity's `firstUpdateTargetMinutes` (default 15). Practice: send the first note fast,
 *   even with thin facts.
 * - A severity change after the last publication re-plans at once: the due time becomes the
 *   earlier of the existing one and `severityChangedAt` plus the new severity's cadence,
 *   rounded up. Raising SEV3 to SEV1 brings the update forward; lowering it never takes back
 *   a time already promised to customers.
 *
 * The issue sketched `nextUpdateDue(state, now)`; the incident state does not carry the runbook
 * (the log stays policy-free and replayable under a changed runbook), so the runbook is passed
 * explicitly. The due instant depends on the log alone; `now` is validated so every cadence
 * rule has the same signature, and a past result simply means the update is late
 * (see {@link isOverdue}).
 *
 * @param state - the incident state (see `applyEvent`).
 * @param runbook - the validated runbook.
 * @param now - ISO-8601 UTC instant.
 * @returns an ISO-8601 UTC instant, or `null` when resolved or closed.
 * @throws {ValidationError} `input_invalid` when `now` is not an ISO-8601 UTC instant.
 * @example
 * // SEV1 declared at 14:10Z, nothing published yet:
 * nextUpdateDue(state, runbook, '2026-03-03T14:12:00Z'); // '2026-03-03T14:25:00Z'
 */
export function nextUpdateDue(state: IncidentState, runbook: Runbook, now: string): string | null {
  readInstant(now, 'now');
  if (state.status === 'resolved' || state.closedAt !== undefined) return null;
  const current = currentStatusUpdate(state);
  let due: number;
  let since: string;
  if (current) {
    since = current.publishedAt;
    const promised =
      current.nextUpdateAt ??
      planNextUpdateAt(runbook, current.severity, current.status, current.publishedAt);
    if (promised === undefined) return null;
    due = msOf(promised);
  } else {
    since = state.declaredAt;
    due = msOf(
      roundUp(
        runbook,
        addMinutes(msOf(state.declaredAt), severityLevel(runbook, state.severity).firstUpdateTargetMinutes),
      ),
    );
  }
  if (msOf(state.severityChangedAt) > msOf(since)) {
    const minutes = cadenceFor(runbook, state.severity, state.status);
    if (minutes !== null) {
      const replanned = msOf(roundUp(runbook, addMinutes(msOf(state.severityChangedAt), minutes)));
      due = Math.min(due, replanned);
    }
  }
  return toIsoInstant(due);
}

/** Whether the next customer update is late, as {@link isOverdue} reports it. */
export interface OverdueStatus {
  /** `true` once `now` has reached the due instant and no newer update replaced the promise. */
  overdue: boolean;
  /** Whole minutes past the due instant (0 while on time and during the first late minute). */
  minutesLate: number;
  /** The due instant (ISO-8601 UTC), or `null` once resolved. */
  dueAt: string | null;
}

/**
 * Whether the next customer update is overdue at `now`, and by how many minutes.
 *
 * Practice: a brief update with no news still helps if it arrives on time; silence past the
 * promised time is what costs trust. Publishing re-plans the due time, so a state whose due
 * instant has arrived has not kept its promise.
 *
 * @param state - the incident state.
 * @param runbook - the validated runbook (see {@link nextUpdateDue} for why it is passed).
 * @param now - ISO-8601 UTC instant.
 * @returns `{ overdue, minutesLate, dueAt }`; never overdue once resolved.
 * @throws {ValidationError} `input_invalid` when `now` is not an ISO-8601 UTC instant.
 * @example
 * // published 14:22Z (SEV1), so 14:40Z was promised:
 * isOverdue(state, runbook, '2026-03-03T14:47:30Z'); // { overdue: true, minutesLate: 7, dueAt: '2026-03-03T14:40:00Z' }
 */
export function isOverdue(state: IncidentState, runbook: Runbook, now: string): OverdueStatus {
  const nowMs = readInstant(now, 'now');
  const dueAt = nextUpdateDue(state, runbook, now);
  if (dueAt === null) return { overdue: false, minutesLate: 0, dueAt: null };
  const late = differenceInMilliseconds(nowMs, msOf(dueAt));
  return { overdue: late >= 0, minutesLate: late > 0 ? Math.floor(late / 60_000) : 0, dueAt };
}

/**
 * One reason an engineering checkpoint is due: the regular `interval`, or a trigger that
 * brings it forward (`scope-changed`, `workaround-found`, `recovery-started`). `at` is the
 * instant the reason arose (ISO-8601 UTC).
 */
export interface CheckpointReason {
  reason: 'interval' | CheckpointTrigger['reason'];
  at: string;
}

/** When the next engineering checkpoint is due, as {@link checkpointDue} reports it. */
export interface CheckpointStatus {
  /** `true` when a checkpoint should be held now. */
  due: boolean;
  /** When it is (or was) due (ISO-8601 UTC), or `null` once resolved. */
  dueAt: string | null;
  /** Why it is due now; empty while not due. */
  reasons: CheckpointReason[];
}

/**
 * When the communication owner should check in with engineering.
 *
 * Practice: instead of everyone pinging engineers, hold a checkpoint every
 * `runbook.cadence.checkpointMinutes` (default 30) since the last one (or the declaration),
 * and at once when the scope changes, a workaround is found or recovery starts
 * (`state.checkpointTriggers`, cleared when a checkpoint is held). None after resolution.
 *
 * @param state - the incident state.
 * @param runbook - the validated runbook.
 * @param now - ISO-8601 UTC instant.
 * @returns `{ due, dueAt, reasons }`: `dueAt` is the earlier of the regular interval and the
 *   first pending trigger; `reasons` lists the interval (once reached) and every trigger.
 * @throws {ValidationError} `input_invalid` when `now` is not an ISO-8601 UTC instant.
 * @example
 * // declared 14:10Z, workaround confirmed 14:22Z:
 * checkpointDue(state, runbook, '2026-03-03T14:22:00Z');
 * // { due: true, dueAt: '2026-03-03T14:22:00Z', reasons: [{ reason: 'workaround-found', at: '2026-03-03T14:22:00Z' }] }
 */
export function checkpointDue(state: IncidentState, runbook: Runbook, now: string): CheckpointStatus {
  const nowMs = readInstant(now, 'now');
  if (state.status === 'resolved' || state.closedAt !== undefined) {
    return { due: false, dueAt: null, reasons: [] };
  }
  const last = state.checkpoints[state.checkpoints.length - 1] ?? state.declaredAt;
  const regular = addMinutes(msOf(last), runbook.cadence.checkpointMinutes).getTime();
  let dueMs = regular;
  for (const trigger of state.checkpointTriggers) dueMs = Math.min(dueMs, msOf(trigger.at));
  const due = nowMs >= dueMs;
  const reasons: CheckpointReason[] = [];
  if (due) {
    if (nowMs >= regular) reasons.push({ reason: 'interval', at: toIsoInstant(regular) });
    for (const trigger of state.checkpointTriggers) reasons.push({ reason: trigger.reason, at: trigger.at });
  }
  return { due, dueAt: toIsoInstant(dueMs), reasons };
}
