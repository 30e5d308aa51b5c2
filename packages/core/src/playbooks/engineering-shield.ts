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
import { holderOf } from './incident-view';

/** Questions of one topic, to raise once at the checkpoint instead of one by one. */
export interface QuestionBatch {
  topic: string;
  count: number;
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
}

/**
 * Tells the communication owner which questions to batch into the next engineering
 * checkpoint and when that checkpoint is.
 *
 * Practice: engineering does not field questions from every team; the communication owner
 * collects them and checks in every `runbook.cadence.checkpointMinutes` (default 30), or at
 * once when the scope changes, a workaround is found or recovery starts. The timing comes from
 * `checkpointDue` in the cadence module; the questions from `questionsSinceCheckpoint`.
 *
 * @param state - the incident state (questions logged with `question.logged`).
 * @param runbook - the validated runbook.
 * @param now - the current instant, ISO-8601 UTC.
 * @returns an {@link EngineeringShield}; batches are sorted by count (descending), then topic.
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
  };
}
