/**
 * @module playbooks/engineering-shield
 * Keeps engineers on the fix: every question goes to the communication owner, who batches
 * the ones asked since the last engineering checkpoint into the next one.
 */
import { type CheckpointReason, checkpointDue } from '../cadence/index';
import {
  type IncidentState,
  type PersonRef,
  type QuestionRecord,
  questionsSinceCheckpoint,
} from '../incident/index';
import type { Runbook } from '../runbook/define';
import { incidentTypeDefinition } from '../runbook/lookup';
import type { IncidentType } from '../vocabulary';
import { holderOf, knownSymptoms } from './incident-view';
import { symptomsInText } from './phrases';

/** Questions of one topic, to raise once at the checkpoint instead of one by one. */
export interface QuestionBatch {
  topic: string;
  count: number;
  questions: QuestionRecord[];
}

/** A symptom customers report that the confirmed facts do not cover yet. */
export interface NewSymptomReport {
  /** The incident type the reports describe. */
  type: IncidentType;
  /** The runbook's name for it, e.g. `Sign-in failures`. */
  name: string;
  /** The questions (since the last checkpoint) that report it, oldest first. */
  questions: QuestionRecord[];
}

/** What the communication owner takes to the next engineering checkpoint. */
export interface EngineeringShield {
  /** Where every team's questions go: the communication owner now; `undefined` is an ownership gap. */
  routeTo?: PersonRef;
  /** The last checkpoint held (ISO-8601 UTC), if any. */
  lastCheckpointAt?: string;
  /** When the next checkpoint is (or was) due (ISO-8601 UTC); `null` once resolved. */
  nextCheckpointAt: string | null;
  /** Whether to hold it now (the interval passed, or a trigger brought it forward). */
  checkpointDueNow: boolean;
  /** Why it is due now (`interval`, `scope-changed`, `workaround-found`, `recovery-started`). */
  dueReasons: CheckpointReason[];
  /** Questions logged since the last checkpoint, grouped by topic, most-asked first. */
  batches: QuestionBatch[];
  /** Total questions in {@link batches}. */
  newQuestionCount: number;
  /**
   * Symptoms the questions since the last checkpoint report that the incident does not cover
   * (not its type, not an affected area's type, not in the confirmed symptom), in
   * the runbook's `incidentTypes` order. Raise these first: a new symptom may change the scope.
   */
  newSymptoms: NewSymptomReport[];
}

/**
 * Tells the communication owner which questions to batch into the next engineering
 * checkpoint and when that checkpoint is.
 *
 * Practice: engineering does not field questions from every team; the communication owner
 * collects them and checks in every `runbook.cadence.checkpointMinutes` (default 30), or at
 * once when the scope changes, a workaround is found or recovery starts. The timing comes from
 * `checkpointDue` in the cadence module; the questions from `questionsSinceCheckpoint`. A
 * question that reports a symptom the incident does not cover (e.g. sign-in failures during a
 * checkout incident) is listed in `newSymptoms` as well as in its topic's batch, so it is
 * raised as a possible change of scope, not just counted.
 *
 * @param state - the incident state (questions logged with `question.logged`).
 * @param runbook - the validated runbook.
 * @param now - the current instant, ISO-8601 UTC.
 * @returns an {@link EngineeringShield}; batches are sorted by count (descending), then topic;
 *   `newSymptoms` in the runbook's `incidentTypes` order.
 * @throws {ValidationError} `input_invalid` when `now` is not an ISO-8601 UTC instant.
 * @example
 * const shield = engineeringShield(state, runbook, t(20));
 * shield.routeTo; // { id: 'dana', name: 'Dana' }
 * shield.batches[0]; // { topic: 'billing', count: 2, questions: [...] }
 */
export function engineeringShield(state: IncidentState, runbook: Runbook, now: string): EngineeringShield {
  const checkpoint = checkpointDue(state, runbook, now);
  const fresh = questionsSinceCheckpoint(state);
  const groups = new Map<string, QuestionRecord[]>();
  for (const q of fresh) groups.set(q.topic, [...(groups.get(q.topic) ?? []), q]);
  const batches = [...groups.entries()]
    .map(([topic, questions]) => ({ topic, count: questions.length, questions }))
    .sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic));
  const known = knownSymptoms(state, runbook);
  const reports = new Map<IncidentType, QuestionRecord[]>();
  for (const q of fresh) {
    for (const type of symptomsInText(q.question, runbook.incidentTypes)) {
      if (!known.has(type)) reports.set(type, [...(reports.get(type) ?? []), q]);
    }
  }
  const newSymptoms = Object.keys(runbook.incidentTypes)
    .filter((type) => reports.has(type))
    .map((type) => ({
      type,
      name: incidentTypeDefinition(runbook, type).name,
      questions: reports.get(type)!,
    }));
  const routeTo = holderOf(state, runbook, 'communicationOwner');
  const last = state.checkpoints[state.checkpoints.length - 1];
  return {
    ...(routeTo ? { routeTo } : {}),
    ...(last ? { lastCheckpointAt: last } : {}),
    nextCheckpointAt: checkpoint.dueAt,
    checkpointDueNow: checkpoint.due,
    dueReasons: checkpoint.reasons,
    batches,
    newQuestionCount: fresh.length,
    newSymptoms,
  };
}
