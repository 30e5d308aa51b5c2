/**
 * @module coordinator/reminders
 * Which reminders an incident needs right now, derived from its state by the cadence rules.
 * Pure: the coordinator diffs this plan against what it has scheduled.
 */
import { parseISO } from 'date-fns/parseISO';
import { checkpointDue, nextUpdateDue } from '../cadence/index';
import type { IncidentState } from '../incident/index';
import type { Runbook } from '../runbook/define';
import { toIsoInstant } from '../time/iso-instant';
import type { ReminderKind } from './events';

/** One reminder an incident needs. `key` identifies it: the same key never fires twice. */
export interface PlannedReminder {
  kind: ReminderKind;
  /** When it fires (epoch ms). */
  atMs: number;
  /** The due instant it is about (ISO-8601 UTC). */
  dueAt: string;
  key: string;
}

/** Reminder kinds in the order they run when due at the same instant. */
export const REMINDER_KINDS: readonly ReminderKind[] = ['update.due', 'update.overdue', 'checkpoint.due'];

/**
 * The reminders `state` needs at `nowMs`: an `update.due` reminder `reminderLeadMinutes` before
 * the next update is due (only while it is not yet due: once the due instant has passed the
 * overdue reminder says more), an `update.overdue` reminder at the due instant, and a
 * `checkpoint.due` reminder when the next engineering checkpoint is due. None once resolved.
 *
 * Keys name the due instant (and, for checkpoints, how many checkpoints were held and how many
 * triggers are pending), so a new promise or a new trigger is a new reminder while a re-plan to
 * the same instant is not.
 *
 * @param state - the incident state.
 * @param runbook - the validated runbook.
 * @param nowMs - the clock's instant (epoch ms).
 * @returns zero to three reminders, some possibly already due (fire them at once).
 * @internal
 * @example
 * planReminders(state, runbook, Date.parse('2026-03-03T14:10:00Z'));
 * // [{ kind: 'update.due', dueAt: '2026-03-03T14:25:00Z', … }, { kind: 'update.overdue', … }, { kind: 'checkpoint.due', … }]
 */
export function planReminders(state: IncidentState, runbook: Runbook, nowMs: number): PlannedReminder[] {
  const now = toIsoInstant(nowMs);
  const planned: PlannedReminder[] = [];
  const dueAt = nextUpdateDue(state, runbook, now);
  if (dueAt !== null) {
    const dueMs = parseISO(dueAt).getTime();
    if (nowMs < dueMs) {
      planned.push({
        kind: 'update.due',
        atMs: dueMs - runbook.cadence.reminderLeadMinutes * 60_000,
        dueAt,
        key: dueAt,
      });
    }
    planned.push({ kind: 'update.overdue', atMs: dueMs, dueAt, key: dueAt });
  }
  const checkpoint = checkpointDue(state, runbook, now);
  if (checkpoint.dueAt !== null) {
    planned.push({
      kind: 'checkpoint.due',
      atMs: parseISO(checkpoint.dueAt).getTime(),
      dueAt: checkpoint.dueAt,
      key: `${checkpoint.dueAt}#${state.checkpoints.length}#${state.checkpointTriggers.length}`,
    });
  }
  return planned;
}

/**
 * Whether an event changed anything {@link planReminders} reads (status, severity and when it
 * changed, published updates, checkpoints and their triggers, declaration, closing). The
 * reducer keeps untouched fields by reference, so a question, a draft or an approval costs no
 * re-plan.
 *
 * @internal
 */
export function affectsReminders(previous: IncidentState, next: IncidentState): boolean {
  return (
    previous.status !== next.status ||
    previous.severity !== next.severity ||
    previous.severityChangedAt !== next.severityChangedAt ||
    previous.updates !== next.updates ||
    previous.checkpoints !== next.checkpoints ||
    previous.checkpointTriggers !== next.checkpointTriggers ||
    previous.declaredAt !== next.declaredAt ||
    previous.closedAt !== next.closedAt
  );
}
