/**
 * @module demo/pacing
 * The demo's sense of time: moves the simulated clock, prints the desk's reminders after the
 * step that caused them, and has the communication owner hold each engineering checkpoint the
 * moment it falls due.
 */
import {
  engineeringShield,
  type IncidentDesk,
  type Runbook,
  type SimulatedClock,
} from '@incident-comms/core';
import type { Narrator } from './narrate';
import { topicLabel } from './words';

/** What pacing needs. */
export interface PacingDeps {
  desk: IncidentDesk;
  clock: SimulatedClock;
  runbook: Runbook;
  incidentId: string;
  say: Narrator;
  /** The communication owner's id (holds the checkpoints). */
  ownerId: string;
}

/** Runs desk calls and moves time, keeping the narration in cause-then-reminder order. */
export interface Pacing {
  /**
   * Runs one desk call, narrates its result with `narrate` (only once it was accepted), then
   * prints the reminders it caused and holds a checkpoint that fell due.
   */
  act<T>(call: () => Promise<T>, narrate?: (result: T) => void): Promise<T>;
  /** Moves the clock to `at`, holding each checkpoint the moment it falls due. */
  advanceTo(at: string): Promise<void>;
}

/**
 * Listens to the desk's reminders and returns {@link Pacing}.
 *
 * @example
 * const pace = createPacing({ desk, clock, runbook, incidentId, say, ownerId: 'dana' });
 * await pace.advanceTo(minute(5));
 */
export function createPacing(deps: PacingDeps): Pacing {
  const { desk, clock, runbook, incidentId, say } = deps;
  // Reminders that fire while a call runs are printed after the line that narrates the call.
  let deferred: Array<() => void> | undefined;
  let dueCheckpoints = 0;
  let holding = false;
  const remind = (print: () => void) => (deferred ? deferred.push(print) : print());

  desk.on('update.due', (r) => remind(() => say.updateDue(r)));
  desk.on('update.overdue', (r) => remind(() => say.updateOverdue(r)));
  desk.on('checkpoint.due', (r) => {
    remind(() => say.checkpointDue(r));
    dueCheckpoints += 1;
  });

  async function holdDueCheckpoints(): Promise<void> {
    if (holding || dueCheckpoints === 0) return;
    holding = true;
    try {
      dueCheckpoints = 0;
      const state = desk.state(incidentId)!;
      const shield = engineeringShield(state, runbook, clock.isoNow());
      const batches = shield.batches.map((b) => `${b.count}× ${topicLabel(b.topic)}`).join(', ');
      // A symptom the incident does not cover is raised first: it may change the scope.
      const newSymptoms = shield.newSymptoms.map(
        (s) =>
          `new symptom to check: ${s.name.toLowerCase()} (reported ${s.questions
            .map((q) => `by ${say.who(q.by)} at ${say.et(q.at)}`)
            .join(', ')})`,
      );
      const note = [...newSymptoms, ...(batches ? [`questions taken to engineering: ${batches}`] : [])].join(
        '; ',
      );
      await act(
        () => desk.holdCheckpoint(incidentId, { actor: deps.ownerId, ...(note ? { note } : {}) }),
        () => say.checkpointHeld(shield.newQuestionCount, batches, newSymptoms),
      );
    } finally {
      holding = false;
    }
  }

  async function act<T>(call: () => Promise<T>, narrate?: (result: T) => void): Promise<T> {
    deferred = [];
    let result: T;
    try {
      result = await call();
    } catch (error) {
      deferred = undefined;
      throw error;
    }
    const reminders = deferred;
    deferred = undefined;
    narrate?.(result);
    for (const print of reminders) print();
    await holdDueCheckpoints();
    return result;
  }

  return {
    act,
    async advanceTo(at) {
      for (;;) {
        const next = desk.scheduled(incidentId)[0];
        if (!next || Date.parse(next.at) > Date.parse(at)) break;
        clock.advanceTo(next.at);
        await holdDueCheckpoints();
      }
      clock.advanceTo(at);
      await holdDueCheckpoints();
    },
  };
}
