/**
 * @module coordinator/reminders
 * Which reminders an incident needs right now, derived from its state by the cadence rules and
 * from which reminders already fired (persisted with the incident). Pure: the coordinator diffs
 * this plan against what it has scheduled.
 */
import { parseISO } from 'date-fns/parseISO';
import { checkpointDue, nextUpdateDue } from '../cadence/index';
import { type IncidentState, nextUpdateOwner, roleHolder } from '../incident/index';
import type { Runbook } from '../runbook/define';
import { toIsoInstant } from '../time/iso-instant';
import type {
  CheckpointDueReminder,
  Escalation,
  ReminderKind,
  UpdateDueReminder,
  UpdateOverdueReminder,
} from './events';

/** One reminder an incident needs. `key` identifies it within its kind: the same key never fires twice. */
export interface PlannedReminder {
  kind: ReminderKind;
  /** When it fires (epoch ms). */
  atMs: number;
  /** The due instant it is about (ISO-8601 UTC). */
  dueAt: string;
  key: string;
  /** For `update.overdue`: the escalation step, 1-based (1 = owner, 2 = backup, 3+ = incident lead). */
  step?: number;
}

/** Reminder kinds in the order they run when due at the same instant. */
export const REMINDER_KINDS: readonly ReminderKind[] = ['update.due', 'update.overdue', 'checkpoint.due'];

/**
 * Reminders that already fired for one incident: `"<kind> <key>"` → the epoch ms it fired at.
 * The coordinator keeps it in memory and persists each entry through the event store.
 */
export type FiredReminders = ReadonlyMap<string, number>;

/** The identity of a fired reminder in {@link FiredReminders}. */
export const firedId = (kind: ReminderKind, key: string): string => `${kind} ${key}`;

/** Default minutes between the steps of an overdue update's escalation. */
export const DEFAULT_ESCALATION_MINUTES = 5;

/**
 * The reminders `state` needs at `nowMs`: an `update.due` reminder `reminderLeadMinutes` before
 * the next update is due (only while it is not yet due: once the due instant has passed the
 * overdue reminder says more), the next unfired step of the `update.overdue` escalation, and a
 * `checkpoint.due` reminder when the next engineering checkpoint is due. None once resolved.
 *
 * Escalation (practice: customers are never left past the promised time without someone being
 * told, and silence moves up the chain): step 1 fires at the due instant, each later step
 * `repeatMinutes` after the one before (never earlier than `repeatMinutes` after the previous
 * step actually fired, so a restart after a long outage fires one step at once, not a burst).
 *
 * Keys name the due instant (and the step, or for checkpoints how many were held and how many
 * triggers are pending), so a new promise or a new trigger is a new reminder while a re-plan to
 * the same instant is not. A key in `fired` is never planned again.
 *
 * @param state - the incident state.
 * @param runbook - the validated runbook.
 * @param nowMs - the clock's instant (epoch ms).
 * @param fired - reminders of this incident that already fired.
 * @param repeatMinutes - minutes between escalation steps (positive).
 * @returns zero to three reminders, some possibly already due (fire them at once).
 * @internal
 * @example
 * planReminders(state, runbook, Date.parse('2026-03-03T14:10:00Z'), new Map(), 5);
 * // [{ kind: 'update.due', dueAt: '2026-03-03T14:25:00Z', … }, { kind: 'update.overdue', step: 1, … }, …]
 */
export function planReminders(
  state: IncidentState,
  runbook: Runbook,
  nowMs: number,
  fired: FiredReminders = new Map(),
  repeatMinutes = DEFAULT_ESCALATION_MINUTES,
): PlannedReminder[] {
  const now = toIsoInstant(nowMs);
  const planned: PlannedReminder[] = [];
  const dueAt = nextUpdateDue(state, runbook, now);
  if (dueAt !== null) {
    const dueMs = parseISO(dueAt).getTime();
    if (nowMs < dueMs && !fired.has(firedId('update.due', dueAt))) {
      planned.push({
        kind: 'update.due',
        atMs: dueMs - runbook.cadence.reminderLeadMinutes * 60_000,
        dueAt,
        key: dueAt,
      });
    }
    planned.push(nextOverdueStep(dueAt, dueMs, fired, repeatMinutes * 60_000));
  }
  const checkpoint = checkpointDue(state, runbook, now);
  if (checkpoint.dueAt !== null) {
    const key = `${checkpoint.dueAt}#${state.checkpoints.length}#${state.checkpointTriggers.length}`;
    if (!fired.has(firedId('checkpoint.due', key))) {
      planned.push({
        kind: 'checkpoint.due',
        atMs: parseISO(checkpoint.dueAt).getTime(),
        dueAt: checkpoint.dueAt,
        key,
      });
    }
  }
  return planned;
}

function nextOverdueStep(
  dueAt: string,
  dueMs: number,
  fired: FiredReminders,
  repeatMs: number,
): PlannedReminder {
  let step = 1;
  let previousAt: number | undefined;
  for (let at = fired.get(firedId('update.overdue', `${dueAt}#1`)); at !== undefined; ) {
    previousAt = at;
    step++;
    at = fired.get(firedId('update.overdue', `${dueAt}#${step}`));
  }
  const scheduled = dueMs + (step - 1) * repeatMs;
  const atMs = previousAt === undefined ? scheduled : Math.max(scheduled, previousAt + repeatMs);
  return { kind: 'update.overdue', atMs, dueAt, key: `${dueAt}#${step}`, step };
}

/**
 * Who an overdue update's escalation step goes to: step 1 the communication owner (or its
 * backup while the primary is unavailable), step 2 the owner's backup, step 3 and later the
 * incident lead (or its backup). `person` is `undefined` when the role is not assigned.
 *
 * @internal
 * @example
 * escalationFor(state, 2); // { step: 2, to: 'backup', person: { id: 'lee', name: 'Lee Park' } }
 */
export function escalationFor(state: IncidentState, step: number): Escalation {
  if (step <= 1) return { step, to: 'owner', person: roleHolder(state, 'communicationOwner') };
  if (step === 2) return { step, to: 'backup', person: state.roles.communicationOwner?.backup };
  return { step, to: 'incidentLead', person: roleHolder(state, 'incidentLead') };
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

/**
 * The coordinator event a firing reminder emits: its name and payload, from the incident's
 * state at `nowMs` (epoch ms). Overdue payloads carry how late the update is and who the
 * escalation step goes to; checkpoint payloads carry why a checkpoint is due.
 *
 * @internal
 */
export function reminderPayload(
  reminder: { incidentId: string; kind: ReminderKind; dueAt: string; step: number | undefined },
  state: IncidentState,
  runbook: Runbook,
  nowMs: number,
):
  | { name: 'update.due'; payload: UpdateDueReminder }
  | { name: 'update.overdue'; payload: UpdateOverdueReminder }
  | { name: 'checkpoint.due'; payload: CheckpointDueReminder } {
  const at = toIsoInstant(nowMs);
  const base = {
    incidentId: reminder.incidentId,
    at,
    owner: nextUpdateOwner(state),
    severity: state.severity,
    status: state.status,
    dueAt: reminder.dueAt,
  };
  if (reminder.kind === 'update.due') {
    return { name: 'update.due', payload: { ...base, leadMinutes: runbook.cadence.reminderLeadMinutes } };
  }
  if (reminder.kind === 'update.overdue') {
    const minutesLate = Math.max(0, Math.floor((nowMs - Date.parse(reminder.dueAt)) / 60_000));
    return {
      name: 'update.overdue',
      payload: { ...base, minutesLate, escalation: escalationFor(state, reminder.step ?? 1) },
    };
  }
  return { name: 'checkpoint.due', payload: { ...base, reasons: checkpointDue(state, runbook, at).reasons } };
}
