/**
 * @module drill/drill-types
 * The shapes of a drill: an answer as handed in, the four criteria and their points, and the
 * scores of answers, participants and the whole drill.
 */
import { z } from 'zod';
import { instantSchema } from '../incident/events';
import type { Diagnostic } from '../lint/index';
import { nonEmptyTextSchema as text } from '../text/non-empty';
import type { Role } from '../vocabulary';

/** One participant's answer to one prompt. */
export const drillResponseSchema = z
  .object({
    /** The prompt answered (its `id`). */
    promptId: text,
    /** Who answered: a name or person id, as the drill host records it. */
    participant: text,
    /** ISO-8601 UTC instant the answer was sent (on the drill's clock). */
    sentAt: instantSchema,
    /** The message as written. */
    text,
    /** The next-update instant the participant chose in a form (ISO-8601 UTC), if any. */
    nextUpdateAt: instantSchema.optional(),
  })
  .strict();

/** A drill response as handed in. */
export type DrillResponse = z.input<typeof drillResponseSchema>;

/** The four things every answer is scored on. */
export type DrillCriterion = 'lint' | 'consistency' | 'nextUpdate' | 'onTime';

/** Points available per criterion (100 in all; 80 for `resolved` prompts, which promise no next update). */
export const DRILL_POINTS: Readonly<Record<DrillCriterion, number>> = {
  lint: 40,
  consistency: 20,
  nextUpdate: 20,
  onTime: 20,
};

/** How one answer did on one criterion. */
export interface CriterionScore {
  criterion: DrillCriterion;
  points: number;
  max: number;
  passed: boolean;
  /** What to fix, in plain words; empty when passed. */
  fixes: string[];
}

/** The score of one answer. */
export interface ResponseScore {
  promptId: string;
  promptTitle: string;
  participant: string;
  sentAt: string;
  /** 0–100: points over the points available. */
  score: number;
  points: number;
  max: number;
  criteria: CriterionScore[];
  /** Everything the linter said, for a UI that highlights spans. */
  diagnostics: Diagnostic[];
  /** The next-update instant the rhythm called for (ISO-8601 UTC); absent for `resolved`. */
  expectedNextUpdateAt: string | undefined;
}

/** One participant's result over all their answers. */
export interface ParticipantScore {
  participant: string;
  /** 0–100 over all their answers. */
  score: number;
  responses: number;
  /** What to fix, in plain words, one line per finding, prefixed with the prompt. */
  fixes: string[];
}

/** The result of a drill. */
export interface DrillResult {
  scenario: { id: string; title: string };
  startsAt: string;
  responses: ResponseScore[];
  /** Ordered by name. */
  participants: ParticipantScore[];
  /** Prompts nobody answered. */
  missedPrompts: Array<{ promptId: string; title: string; role: Role; at: string }>;
  /** Team-level lessons in plain words (missed prompts, criteria many answers failed). */
  fixes: string[];
}
