/**
 * @module drill/run-drill
 * `runDrill` replays a scenario on a simulated clock and scores each participant's answer:
 * lint result, consistency with the facts at that moment, next-update time, sent on time.
 */

import { parseISO } from 'date-fns/parseISO';
import { z } from 'zod';
import { roleWords } from '../approvals/gates';
import { cadenceFor } from '../cadence/index';
import { createSimulatedClock } from '../coordinator/clock';
import { type Problem, problem, problemsFromZod, ValidationError } from '../errors';
import { instantSchema, type StatusUpdate } from '../incident/events';
import { applyEvent } from '../incident/reducer';
import type { IncidentState } from '../incident/state';
import { type Diagnostic, lintMessage } from '../lint/index';
import { audienceTimeZone, checkConsistency, draftLintContext } from '../publish/index';
import type { Runbook } from '../runbook/define';
import { incidentTypeDefinition } from '../runbook/lookup';
import { withIndefiniteArticle } from '../text/article';
import { nonEmptyTextSchema as text } from '../text/non-empty';
import { plural } from '../text/plural';
import { formatUpdateTime } from '../time/index';
import { toIsoInstant } from '../time/iso-instant';
import type { Audience, Role, Status } from '../vocabulary';
import { drillTimeZone } from './briefing';
import { type DrillPrompt, type DrillScenario, scenarioEvents, scenarioInstant } from './scenario';

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

/** Points lost per lint finding (floor 0). */
const LINT_PENALTY = { error: 15, warning: 5 } as const;

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

const CRITERION_LESSONS: Record<DrillCriterion, string> = {
  lint: 'wording the linter flags (guesses, promises, vague or dramatic words): run drafts through the pre-send check',
  consistency:
    'facts that did not match the incident at that moment: copy from the latest status, not memory',
  nextUpdate: 'a wrong or missing next-update time: keep the rhythm and its clock times in view',
  onTime: 'answers sent late: send a short note on time rather than a perfect one late',
};

// Words too common in incident messages to show that an answer names the symptom.
const GENERIC = new Set(
  (
    'customers customer users cannot failing failed failure failures error errors issue issues problem problems ' +
    'working their about after while still other being there these those which would could should right again ' +
    'times some currently affected seeing'
  ).split(' '),
);

const CUSTOMER_ACTION_AUDIENCES: ReadonlySet<Audience> = new Set(['customer', 'support-reply', 'cs-account']);

/** True when `message` names one of `keywords` (phrases as written; single words by their stem). */
function mentionsAny(message: string, keywords: readonly string[]): boolean {
  const norm = ` ${message.toLowerCase().replace(/[-‐‑]/g, ' ')} `;
  return keywords.some((keyword) => {
    const k = keyword.toLowerCase().replace(/[-‐‑]/g, ' ').trim();
    if (k === '') return false;
    if (k.includes(' ')) return norm.includes(k);
    const stem = k.length > 5 ? k.slice(0, -2) : k;
    return new RegExp(`[^\\p{L}\\p{N}]${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'u').test(norm);
  });
}

const contentWords = (phrase: string) =>
  (phrase.toLowerCase().match(/[\p{L}]+/gu) ?? []).filter((w) => w.length >= 5 && !GENERIC.has(w));

/**
 * True when `message` contains at least `share` of the words (4+ letters) of `phrase`, not
 * counting words in `ignore` (e.g. the symptom's own words, which every answer repeats).
 */
function sharesMostWords(
  message: string,
  phrase: string,
  share: number,
  ignore: readonly string[] = [],
): boolean {
  const skip = new Set(ignore.flatMap((w) => w.toLowerCase().match(/[\p{L}]+/gu) ?? []));
  const words = [...new Set(phrase.toLowerCase().match(/[\p{L}]{4,}/gu) ?? [])].filter((w) => !skip.has(w));
  if (words.length === 0) return true;
  const found = words.filter((w) => mentionsAny(message, [w])).length;
  return found / words.length >= share;
}

const quote = (s: string) => `"${s.length > 120 ? `${s.slice(0, 117)}...` : s}"`;

function statusFor(prompt: DrillPrompt, state: IncidentState): Status {
  if (prompt.status) return prompt.status;
  if (prompt.kind === 'resolved') return 'resolved';
  if (state.recovery.startedAt || state.recovery.confirmed) return 'monitoring';
  return state.facts.cause ? 'identified' : 'investigating';
}

/** The facts at this moment as a status update, so `checkConsistency` can compare an answer with them. */
function referenceUpdate(
  state: IncidentState,
  runbook: Runbook,
  prompt: DrillPrompt,
  status: Status,
  sentAt: string,
  nextUpdateAt: string | undefined,
): StatusUpdate {
  const f = state.facts;
  const type = incidentTypeDefinition(runbook, state.incidentType);
  return {
    version: Math.max(1, state.updates.length + 1),
    status,
    kind: prompt.kind,
    severity: state.severity,
    title: state.title,
    incidentType: state.incidentType,
    symptom: f.symptom?.value ?? type.symptom,
    affected: f.affected?.value ?? 'not confirmed yet',
    scope: f.scope.value,
    teamAction: f.teamAction?.value ?? 'Engineers are working on it.',
    unknowns: f.unknowns?.value ?? [],
    ...(f.customerAction ? { customerAction: f.customerAction.value } : {}),
    ...(f.workaround ? { workaround: f.workaround.value } : {}),
    regions: f.regions?.value ?? [],
    productAreas: f.productAreas?.value ?? [type.productArea],
    text: '(facts of the drill at this moment)',
    publishedAt: sentAt,
    ...(nextUpdateAt ? { nextUpdateAt } : {}),
    ownerId: 'drill',
    ownerName: 'drill',
    factsVersion: state.factsVersion,
    draftId: `drill-${prompt.id}`,
    draftRevision: 1,
  };
}

interface ScoreInput {
  scenario: DrillScenario;
  runbook: Runbook;
  prompt: DrillPrompt;
  response: z.output<typeof drillResponseSchema>;
  state: IncidentState;
}

function scoreResponse({ scenario, runbook, prompt, response, state }: ScoreInput): ResponseScore {
  const { sentAt } = response;
  const title = prompt.title ?? prompt.id;
  const zone = audienceTimeZone(runbook, prompt.audience);
  const clockIn = (at: string, tz: string) => formatUpdateTime(at, tz, { relativeTo: scenario.startsAt });
  const status = statusFor(prompt, state);
  const context = draftLintContext(
    state,
    { id: `drill-${prompt.id}`, kind: prompt.kind, audience: prompt.audience, status },
    runbook,
    sentAt,
  );
  const expected = status === 'resolved' ? undefined : context.nextUpdateDue;
  const diagnostics = lintMessage(response.text, context);
  const excerpt = (d: Diagnostic) => quote(response.text.slice(d.start, d.end));
  const byRule = (id: string) => diagnostics.filter((d) => d.ruleId === id);

  const consistency = checkConsistency(
    [
      {
        audience: prompt.audience,
        text: response.text,
        label: response.participant,
        publishedAt: sentAt,
        timeZone: zone,
      },
    ],
    { reference: referenceUpdate(state, runbook, prompt, status, sentAt, expected), timeZone: zone },
  );
  const differs = (fact: string) => consistency.differences.find((d) => d.fact === fact);
  const written = (fact: string) =>
    differs(fact)?.variants.find((v) => v.audiences.includes(response.participant))?.value;

  // 1. Lint: everything except the rules scored under consistency and next update.
  const lintFindings = diagnostics.filter(
    (d) => d.ruleId !== 'next-update-time' && d.ruleId !== 'scope-accuracy',
  );
  const lintLoss = lintFindings.reduce((sum, d) => sum + LINT_PENALTY[d.severity], 0);
  const lint: CriterionScore = {
    criterion: 'lint',
    max: DRILL_POINTS.lint,
    points: Math.max(0, DRILL_POINTS.lint - lintLoss),
    passed: lintFindings.length === 0,
    fixes: lintFindings.map((d) => `${excerpt(d)}: ${d.message} (${d.ruleId})`),
  };

  // 2. Consistency with the facts at this moment.
  const checks: Array<{ ok: boolean; fix: string }> = [];
  const symptom = state.facts.symptom?.value ?? incidentTypeDefinition(runbook, state.incidentType).symptom;
  const keywords = [
    ...scenario.keywords,
    incidentTypeDefinition(runbook, state.incidentType).productArea,
    ...(state.facts.productAreas?.value ?? []),
    ...contentWords(symptom),
  ];
  checks.push({
    ok: mentionsAny(response.text, keywords),
    fix: `Say what is broken in customers' words, e.g. ${quote(symptom)}.`,
  });
  // Scope words are judged by the linter's scope-accuracy rule (one implementation of the idea).
  const scopeLint = byRule('scope-accuracy');
  checks.push({
    ok: scopeLint.length === 0,
    fix:
      scopeLint.length > 0
        ? `${excerpt(scopeLint[0]!)}: ${scopeLint[0]!.message}`
        : 'Describe who is affected as confirmed.',
  });
  const action = state.facts.customerAction?.value;
  if (
    action &&
    status !== 'resolved' &&
    prompt.kind !== 'workaround' &&
    CUSTOMER_ACTION_AUDIENCES.has(prompt.audience)
  ) {
    const wrote = written('customerAction');
    // checkConsistency reads the advice sentence; advice copied nearly word for word also counts.
    const copied = sharesMostWords(response.text, action, 0.6);
    checks.push({
      ok: differs('customerAction') === undefined || copied,
      fix:
        wrote && wrote !== 'not stated'
          ? `You told customers ${quote(wrote)}; the confirmed advice is ${quote(action)}.`
          : `Tell customers what to do now, as confirmed: ${quote(action)}.`,
    });
  }
  const workaround = state.facts.workaround?.value;
  if (prompt.kind === 'workaround' && workaround) {
    checks.push({
      // Its own words count, not the symptom's (every answer names the symptom).
      ok: sharesMostWords(response.text, workaround, 0.5, [...keywords, symptom]),
      fix: `Give the confirmed workaround: ${quote(workaround)}.`,
    });
  }
  const passedChecks = checks.filter((c) => c.ok).length;
  const consistencyScore: CriterionScore = {
    criterion: 'consistency',
    max: DRILL_POINTS.consistency,
    points: Math.round((DRILL_POINTS.consistency * passedChecks) / checks.length),
    passed: passedChecks === checks.length,
    fixes: checks.filter((c) => !c.ok).map((c) => c.fix),
  };

  // 3. Next update time: the rhythm from when it was sent, rounded up to the clean mark.
  const criteria: CriterionScore[] = [lint, consistencyScore];
  if (expected !== undefined) {
    const every = cadenceFor(runbook, state.severity, status);
    const rule = `every ${every} minutes for ${state.severity} while ${status}, from when you sent it, on ${withIndefiniteArticle(`${runbook.cadence.roundToMinutes}-minute`)} mark`;
    const lintSays = byRule('next-update-time');
    const textSays = written('nextUpdate');
    const formSays =
      response.nextUpdateAt !== undefined &&
      parseISO(response.nextUpdateAt).getTime() !== parseISO(expected).getTime()
        ? response.nextUpdateAt
        : undefined;
    const fixes: string[] = [];
    if (lintSays.length > 0) fixes.push(...lintSays.map((d) => `${excerpt(d)}: ${d.message}`));
    else if (textSays !== undefined) {
      fixes.push(
        textSays === 'not stated'
          ? `Give the next update time: ${clockIn(expected, zone)} (${rule}).`
          : `The next update should be ${clockIn(expected, zone)} (${rule}); you wrote ${quote(textSays)}.`,
      );
    }
    if (formSays) {
      fixes.push(
        `The next update you set was ${clockIn(formSays, zone)}; the rhythm says ${clockIn(expected, zone)} (${rule}).`,
      );
    }
    criteria.push({
      criterion: 'nextUpdate',
      max: DRILL_POINTS.nextUpdate,
      points: fixes.length === 0 ? DRILL_POINTS.nextUpdate : 0,
      passed: fixes.length === 0,
      fixes,
    });
  }

  // 4. Sent within the prompt's window.
  const opens = scenarioInstant(scenario.startsAt, prompt.at);
  const closesMs = parseISO(opens).getTime() + prompt.respondWithinMinutes * 60_000;
  const sentMs = parseISO(sentAt).getTime();
  // Times of the drill itself (when it was sent, when the prompt appeared) read in its zone.
  const home = drillTimeZone(scenario, runbook);
  const onTimeFixes: string[] = [];
  if (sentMs < parseISO(opens).getTime()) {
    onTimeFixes.push(
      `Sent at ${clockIn(sentAt, home)}, before the prompt appeared at ${clockIn(opens, home)}.`,
    );
  } else if (sentMs > closesMs) {
    const late = Math.ceil((sentMs - closesMs) / 60_000);
    onTimeFixes.push(
      `Sent at ${clockIn(sentAt, home)}, ${plural(late, 'minute')} after the window closed ` +
        `(${prompt.respondWithinMinutes} minutes from ${clockIn(opens, home)}): a short note on time beats a perfect one late.`,
    );
  }
  criteria.push({
    criterion: 'onTime',
    max: DRILL_POINTS.onTime,
    points: onTimeFixes.length === 0 ? DRILL_POINTS.onTime : 0,
    passed: onTimeFixes.length === 0,
    fixes: onTimeFixes,
  });

  const points = criteria.reduce((sum, c) => sum + c.points, 0);
  const max = criteria.reduce((sum, c) => sum + c.max, 0);
  return {
    promptId: prompt.id,
    promptTitle: title,
    participant: response.participant,
    sentAt,
    score: Math.round((100 * points) / max),
    points,
    max,
    criteria,
    diagnostics,
    expectedNextUpdateAt: expected,
  };
}

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
