/**
 * @module demo/words
 * Small wordings the narration shares: question topics, sales actions and confirmed facts as
 * people read them.
 */
import { type FactsInput, QUESTION_TOPIC_LABELS, type QuestionTopic } from '@incident-comms/core';

/** A question topic as people read it (`sign-in`, `billing / double charge`); other topics as logged. */
export const topicLabel = (topic: string) => QUESTION_TOPIC_LABELS[topic as QuestionTopic] ?? topic;

/** What a sales action does to a demo or renewal, as a verb. */
export const SALES_VERBS = {
  reschedule: 'reschedules',
  continue: 'keeps',
  'pause-promise': 'pauses promises in',
} as const;

/** Confirmed-fact fields as the timeline names them. */
const FACT_LABELS: Record<string, string> = {
  symptom: 'what customers see',
  affected: 'who',
  scope: 'scope',
  unknowns: 'still unknown',
  cause: 'cause',
  workaround: 'workaround',
  customerAction: 'customers should',
  teamAction: 'team',
};

/** One line per confirmed fact, in the order people read them, with plain labels. */
export function factLines(facts: FactsInput): string[] {
  return Object.entries(FACT_LABELS).flatMap(([key, label]) => {
    const value = (facts as Record<string, unknown>)[key];
    if (value === undefined || key === 'scope') return [];
    const text = Array.isArray(value) ? value.join('; ') : String(value);
    return [
      key === 'affected' && facts.scope ? `${label}: ${text} (scope: ${facts.scope})` : `${label}: ${text}`,
    ];
  });
}
