/**
 * @module coordinator
 * The stateful coordinator (one reminder schedule for all incidents) and its injectable clocks.
 */

export type {
  Coordinator,
  CoordinatorEventInput,
  CoordinatorOptions,
  ScheduledReminder,
} from './api';
export type { Clock, SimulatedClock, TimerHandle } from './clock';
export { createSimulatedClock, createSystemClock } from './clock';
export { createCoordinator } from './coordinator';
export { CoordinatorStoppedError, IncidentQuarantinedError, StoredLogError } from './errors';
export type {
  CheckpointDueReminder,
  CoordinatorEventName,
  CoordinatorEventPayload,
  CoordinatorEvents,
  Escalation,
  IncidentChange,
  IncidentQuarantine,
  ReminderBase,
  ReminderKind,
  UpdateDueReminder,
  UpdateOverdueReminder,
} from './events';
