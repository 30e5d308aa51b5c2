/**
 * @module drill/run-drill
 * `runDrill` replays a scenario on a simulated clock and scores each participant's answer:
 * lint result, consistency with the facts at that moment, next-update time, sent on time.
 */

import { parseISO } from 'date-fns/parseISO';
import type { z } from 'zod';
import { roleWords } from '../approvals/gates';
import { createSimulatedClock } from '../coordinator/clock';
import { type Problem, problem, problemsFromZod, ValidationError } from '../errors';
import { applyEvent } from '../incident/reducer';
import type { IncidentState } from '../incident/state';
import type { Runbook } from '../runbook/define';
import { formatUpdateTime } from '../time/index';
import { toIsoInstant } from '../time/iso-instant';
import { drillTimeZone } from './briefing';
import {
  DRILL_POINTS,
  type DrillCriterion,
  type DrillResponse,
  type DrillResult,
  drillResponseSchema,
  type ParticipantScore,
  type ResponseScore,
} from './drill-types';
import { DrillScenarioError } from './errors';
import { type DrillScenario, scenarioEvents, scenarioInstant } from './scenario';
import { scenarioRunbookProblems } from './scenario-ids';
import { scoreResponse } from './score';

const CRITERION_LESSONS: Record<DrillCriterion, string> = {
  lint: 'wording the linter flags (guesses, promises, vague or dramatic words): run drafts through the pre-send check',
  consistency:
    'facts that did not match the incident at that moment: copy from the latest status, not memory',
  nextUpdate: 'a wrong or missing next-update time: keep the rhythm and its clock times in view',
  onTime: 'answers sent late: send a short note on time rather than a perfect one late',
};

function parseResponses(
  responses: readonly DrillResponse[],
  scenario: DrillScenario,
): Array<z.output<typeof drillResponseSchema>> {
  const problems: Problem[] = [];
  const ids = scenario.prompts.map((p) => p.id);
  const parsed = responses.map((input, i) => {
    const result = drillResponseSchema.safeParse(input);
    if (!result.success) {
      problems.push(...problemsFromZod(result.error, input, `responses.${i}`));
      return undefined;
    }
    if (!ids.includes(result.data.promptId)) {
      problems.push(
        problem(
          `responses.${i}.promptId`,
          `one of the scenario's prompts (${ids.join(', ')})`,
          JSON.stringify(result.data.promptId),
        ),
      );
    }
    if (parseISO(result.data.sentAt) < parseISO(scenario.startsAt)) {
      problems.push(
        problem(
          `responses.${i}.sentAt`,
          `an instant at or after the drill start (${scenario.startsAt})`,
          result.data.sentAt,
        ),
      );
    }
    return result.data;
  });
  if (problems.length > 0) throw new ValidationError('drill responses', problems);
  return parsed as Array<z.output<typeof drillResponseSchema>>;
}

/**
 * Runs a drill: replays the scenario's events on a simulated clock (no real waiting) and, at
 * the instant each answer was sent, scores it against the facts of that moment.
 *
 * Scoring (100 points; 80 for `resolved` prompts, which promise no next update):
 * - `lint` (40): `lintMessage` with the incident's facts at that moment (via
 *   `draftLintContext`); −15 per error, −5 per warning. `next-update-time` and
 *   `scope-accuracy` findings are scored below instead, so nothing counts twice.
 * - `consistency` (20, shared evenly by the checks that apply): names the symptom or product
 *   area; scope words match the confirmed scope (`scope-accuracy`, `checkConsistency`); gives
 *   the confirmed customer advice (customer, support and account notes); a workaround message
 *   gives the confirmed workaround.
 * - `nextUpdate` (20): the time stated (and `nextUpdateAt`, if given) is the rhythm's:
 *   `planNextUpdateAt` from `sentAt` (cadence for the severity and status, rounded up).
 * - `onTime` (20): sent within `respondWithinMinutes` of the prompt.
 *
 * Clock times in the fixes: the next-update time in the zone of the prompt's audience (what
 * the reader would see); when an answer was sent, when a prompt appeared and the team lessons
 * in the drill's zone (`drillTimeZone`: the scenario's `timeZone`, else the runbook's customer
 * zone, else its default). Roles are named in plain words (`the communication owner`).
 *
 * Practice: "a short practice drill … you will spot vague language fast".
 *
 * @param scenario - a parsed scenario (`parseDrillScenario`/`loadDrillScenario`).
 * @param responses - the answers: `{ promptId, participant, sentAt (ISO-8601 UTC), text, nextUpdateAt? }`.
 * @param runbook - the runbook whose people play the roles and whose rhythm and zones apply.
 * @returns a {@link DrillResult}: a score per answer and per participant (0–100), what each
 *   participant should fix in plain words, prompts nobody answered and team lessons.
 * @throws {DrillScenarioError} `drill_scenario_invalid` when the scenario names a severity or
 *   incident type the runbook does not define (`timeline.N.severity`).
 * @throws {ValidationError} `input_invalid` naming `responses.N.field` for a malformed answer,
 *   an unknown prompt id or a `sentAt` before the drill starts.
 * @example
 * const result = runDrill(scenario, [{ promptId: 'first-customer-update', participant: 'Tom',
 *   sentAt: '2026-03-03T14:17:00Z', text: 'Card payments at checkout are failing for some customers. …' }], runbook);
 * result.participants[0]; // { participant: 'Tom', score: 100, responses: 1, fixes: [] }
 */
export function runDrill(
  scenario: DrillScenario,
  responses: readonly DrillResponse[],
  runbook: Runbook,
): DrillResult {
  const unknownIds = scenarioRunbookProblems(scenario, runbook);
  if (unknownIds.length > 0) throw new DrillScenarioError(unknownIds);
  const answers = parseResponses(responses, scenario);
  const prompts = new Map(scenario.prompts.map((p) => [p.id, p]));
  const clock = createSimulatedClock(scenario.startsAt);
  let state: IncidentState | undefined;
  const events = scenarioEvents(scenario, runbook);
  for (const event of events) {
    clock.setTimer(parseISO(event.at).getTime(), () => {
      state = applyEvent(state, event);
    });
  }
  // Answers are scored after every event of the same instant (timers run in creation order).
  const scores: ResponseScore[] = [];
  answers.forEach((response, index) => {
    clock.setTimer(parseISO(response.sentAt).getTime(), () => {
      scores[index] = scoreResponse({
        scenario,
        runbook,
        prompt: prompts.get(response.promptId)!,
        response,
        state: state!,
      });
    });
  });
  const instants = [...events.map((e) => e.at), ...answers.map((a) => a.sentAt)].map((at) =>
    parseISO(at).getTime(),
  );
  clock.advanceTo(toIsoInstant(Math.max(...instants)));

  const byParticipant = new Map<string, ResponseScore[]>();
  for (const s of scores) byParticipant.set(s.participant, [...(byParticipant.get(s.participant) ?? []), s]);
  const participants: ParticipantScore[] = [...byParticipant.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([participant, own]) => {
      const points = own.reduce((sum, s) => sum + s.points, 0);
      const max = own.reduce((sum, s) => sum + s.max, 0);
      const fixes = own.flatMap((s) =>
        s.criteria.flatMap((c) => c.fixes.map((f) => `${s.promptTitle}: ${f}`)),
      );
      return {
        participant,
        score: Math.round((100 * points) / max),
        responses: own.length,
        fixes: [...new Set(fixes)],
      };
    });

  const answered = new Set(scores.map((s) => s.promptId));
  const missedPrompts = scenario.prompts
    .filter((p) => !answered.has(p.id))
    .map((p) => ({
      promptId: p.id,
      title: p.title ?? p.id,
      role: p.role,
      at: scenarioInstant(scenario.startsAt, p.at),
    }));
  const home = drillTimeZone(scenario, runbook);
  const fixes = missedPrompts.map(
    (p) =>
      `Nobody answered "${p.title}" (for ${roleWords(p.role)}, at ${formatUpdateTime(p.at, home, { relativeTo: scenario.startsAt })}): ` +
      'make sure every role has someone practising it.',
  );
  for (const criterion of Object.keys(DRILL_POINTS) as DrillCriterion[]) {
    const judged = scores.filter((s) => s.criteria.some((c) => c.criterion === criterion));
    const failed = judged.filter((s) => s.criteria.some((c) => c.criterion === criterion && !c.passed));
    if (failed.length > 0) {
      fixes.push(`${failed.length} of ${judged.length} answers had ${CRITERION_LESSONS[criterion]}.`);
    }
  }
  return {
    scenario: { id: scenario.id, title: scenario.title },
    startsAt: scenario.startsAt,
    responses: scores,
    participants,
    missedPrompts,
    fixes,
  };
}
