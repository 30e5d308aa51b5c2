/**
 * @module coordinator/events
 * What the coordinator tells its host: reminders on the cadence and every change to an
 * incident. Listener types are keyed by event name, so a misspelt name does not compile.
 */
import type { CheckpointReason } from '../cadence/index';
import type { IncidentEvent, IncidentState, PersonRef } from '../incident/index';
import type { Severity, Status } from '../vocabulary';
import type { StoredLogError } from './errors';

/** What every reminder carries. Instants are ISO-8601 UTC. */
export interface ReminderBase {
  incidentId: string;
  /** When the reminder fired (the clock's instant). */
  at: string;
  /**
   * Who the reminder is for: the communication owner, or the backup while the primary is
   * unavailable; `undefined` is an ownership gap the host should escalate.
   */
  owner: PersonRef | undefined;
  severity: Severity;
  status: Status;
}

/**
 * `update.due`: the next customer update is due soon. Fires `leadMinutes`
 * (`runbook.cadence.reminderLeadMinutes`, default 5) before `dueAt`, or at once when a
 * re-plan (a raised severity) leaves less time than that.
 */
export interface UpdateDueReminder extends ReminderBase {
  /** When the update is due. */
  dueAt: string;
  leadMinutes: number;
}

/** One step of an overdue update's escalation: who the host should tell now. */
export interface Escalation {
  /** 1-based: 1 at the due instant, then one more every `escalation.repeatMinutes`. */
  step: number;
  /** Step 1 `owner` (the communication owner), step 2 `backup` (the owner's backup), then `incidentLead`. */
  to: 'owner' | 'backup' | 'incidentLead';
  /** The person holding that role now; `undefined` is an ownership gap (not assigned). */
  person: PersonRef | undefined;
}

/**
 * `update.overdue`: the promised next-update time arrived and no new update was published.
 * Repeats every `escalation.repeatMinutes` until an update is published (or the incident is
 * resolved), each repeat one step further up the chain (owner, backup, incident lead).
 */
export interface UpdateOverdueReminder extends ReminderBase {
  dueAt: string;
  /** Whole minutes past `dueAt` when it fired (0 when on the instant; more after a restart). */
  minutesLate: number;
  /** Who this step is for; route it to that person. */
  escalation: Escalation;
}

/**
 * `incident.quarantined`: an incident's stored log no longer replays, so the coordinator set it
 * aside (no reminders, dispatches to it reject with `incident_quarantined`); every other incident
 * keeps working. Repair the log and restart to bring it back.
 */
export interface IncidentQuarantine {
  incidentId: string;
  /** `stored_log_invalid`, naming the incident and (when known) the failing event. */
  error: StoredLogError;
}

/** `checkpoint.due`: time for the communication owner to check in with engineering. */
export interface CheckpointDueReminder extends ReminderBase {
  dueAt: string;
  /** Why: the regular interval and/or the triggers that brought it forward. */
  reasons: CheckpointReason[];
}

/** `incident.changed`: an event was appended and persisted. */
export interface IncidentChange {
  incidentId: string;
  /** The event as stored (parsed, with `at` filled in). */
  event: IncidentEvent;
  /** The state after the event. */
  state: IncidentState;
  /** The state before it (`undefined` for `declared`). */
  previous: IncidentState | undefined;
}

/** The coordinator's events and their listener signatures (eventemitter3 typing). */
export interface CoordinatorEvents {
  'update.due': (reminder: UpdateDueReminder) => void;
  'update.overdue': (reminder: UpdateOverdueReminder) => void;
  'checkpoint.due': (reminder: CheckpointDueReminder) => void;
  'incident.changed': (change: IncidentChange) => void;
  'incident.quarantined': (quarantine: IncidentQuarantine) => void;
}

/** One of the coordinator's event names. */
export type CoordinatorEventName = keyof CoordinatorEvents;

/** The payload of the coordinator event `K`. */
export type CoordinatorEventPayload<K extends CoordinatorEventName> = Parameters<CoordinatorEvents[K]>[0];

/** The three reminder kinds the coordinator schedules. */
export type ReminderKind = 'update.due' | 'update.overdue' | 'checkpoint.due';
