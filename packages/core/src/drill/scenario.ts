/**
 * @module drill/scenario
 * A drill scenario file (YAML): a start time, scripted incident events on a minute timeline and
 * the prompts participants answer. Parsed with `yaml` + zod; every problem names its path.
 */
import { addMinutes } from 'date-fns/addMinutes';
import { parseISO } from 'date-fns/parseISO';
import { z } from 'zod';
import { EventRejectedError, NotAuthorizedError, type Problem, problem, problemsFromZod } from '../errors';
import {
  factsInputSchema,
  type IncidentEventInput,
  type IncidentPolicyInput,
  instantSchema,
} from '../incident/events';
import { applyEvent } from '../incident/reducer';
import { type RoleAssignments, roleAssignmentsFromRunbook } from '../incident/roles';
import type { IncidentState } from '../incident/state';
import type { Runbook } from '../runbook/define';
import { readYaml } from '../runbook/yaml';
import { severityIdSchema } from '../severity/index';
import { incidentTypeIdSchema } from '../text/id';
import { nonEmptyTextSchema as text } from '../text/non-empty';
import { isValidTimeZone } from '../time/index';
import { toIsoInstant } from '../time/iso-instant';
import { AUDIENCES, MESSAGE_KINDS, ROLES, type Role, SCOPES, STATUSES } from '../vocabulary';
import { DrillScenarioError } from './errors';
import { scenarioLadder } from './scenario-ids';

const offset = z
  .number({ error: 'expected minutes after the start, e.g. 5' })
  .int('expected whole minutes')
  .min(0, 'expected minutes after the start (0 or more)')
  .max(24 * 60, 'expected at most 1440 minutes');
const by = z.enum(ROLES).optional();

/** One scripted moment of the timeline: minutes after `startsAt` and what happens then. */
export const scriptedEventSchema = z.discriminatedUnion('type', [
  /** The internal alert that starts the story; narrative only, not an incident event. */
  z.object({ type: z.literal('alert'), at: offset, note: text }).strict(),
  z
    .object({
      type: z.literal('declared'),
      at: offset,
      by,
      title: text,
      incidentType: incidentTypeIdSchema,
      severity: severityIdSchema,
    })
    .strict(),
  z.object({ type: z.literal('facts.confirmed'), at: offset, by, facts: factsInputSchema }).strict(),
  z
    .object({
      type: z.literal('question.logged'),
      at: offset,
      by,
      question: text,
      topic: text,
      from: z.enum(AUDIENCES).default('support-reply'),
    })
    .strict(),
  z
    .object({
      type: z.literal('scope.changed'),
      at: offset,
      by,
      scope: z.enum(SCOPES),
      affected: text.optional(),
    })
    .strict(),
  z.object({ type: z.literal('workaround.found'), at: offset, by, workaround: text }).strict(),
  z
    .object({
      type: z.literal('severity.set'),
      at: offset,
      by,
      severity: severityIdSchema,
      reason: text.optional(),
    })
    .strict(),
  z.object({ type: z.literal('recovery.started'), at: offset, by, note: text.optional() }).strict(),
  z.object({ type: z.literal('recovery.confirmed'), at: offset, by, customerCheck: text }).strict(),
]);

/** A task handed to one participant at a moment of the drill. */
export const drillPromptSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a kebab-case id like "first-customer-update"'),
    /** Minutes after `startsAt` when the prompt appears. */
    at: offset,
    /** The role expected to answer (participants may practise any role). */
    role: z.enum(ROLES),
    audience: z.enum(AUDIENCES),
    kind: z.enum(MESSAGE_KINDS),
    /** Short name shown in scores and fixes; defaults to the id. */
    title: text.optional(),
    /** What the participant is asked to write, in plain words. */
    instructions: text,
    /** Minutes after `at` within which the answer counts as sent on time (default 10). */
    respondWithinMinutes: z
      .number({ error: 'expected a positive number of minutes' })
      .positive('expected a positive number of minutes')
      .max(120, 'expected at most 120 minutes')
      .default(10),
    /** Status the message carries (default: from the facts at that moment and the kind). */
    status: z.enum(STATUSES).optional(),
  })
  .strict();

/** The scenario file's schema. */
export const drillScenarioSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a kebab-case id like "checkout-payment-failure"'),
    title: text,
    /** A few sentences setting the scene for participants. */
    briefing: text,
    /** ISO-8601 UTC instant of minute 0. */
    startsAt: instantSchema,
    /**
     * The IANA zone the story is told in (e.g. `America/New_York`): prompt clock times in the
     * briefing and the team's advice use it. Default: the runbook's `customer` zone, else its
     * default zone (see `drillTimeZone`).
     */
    timeZone: z
      .string()
      .refine(isValidTimeZone, { error: 'expected an IANA time zone like "America/New_York"' })
      .optional(),
    /** Words that name the symptom or product area, e.g. ["sign in", "log in", "login"]. */
    keywords: z.array(text).default([]),
    timeline: z.array(scriptedEventSchema).min(1, 'expected at least the "declared" event'),
    prompts: z.array(drillPromptSchema).min(1, 'expected at least one prompt'),
  })
  .strict();

/** A validated drill scenario (defaults applied). */
export type DrillScenario = z.output<typeof drillScenarioSchema>;
/** A scenario as written in a file or code (before defaults). */
export type DrillScenarioInput = z.input<typeof drillScenarioSchema>;
/** One scripted event of the timeline. */
export type ScriptedEvent = z.output<typeof scriptedEventSchema>;
/** One prompt participants answer. */
export type DrillPrompt = z.output<typeof drillPromptSchema>;

/** Who performs each scripted event when the file does not say (`by`). */
const DEFAULT_ACTOR: Record<Exclude<ScriptedEvent['type'], 'alert'>, Role> = {
  declared: 'communicationOwner',
  'facts.confirmed': 'incidentLead',
  'question.logged': 'support',
  'scope.changed': 'incidentLead',
  'workaround.found': 'incidentLead',
  'severity.set': 'incidentLead',
  'recovery.started': 'engineering',
  'recovery.confirmed': 'incidentLead',
};

/**
 * The instant `minutes` after `startsAt`, ISO-8601 UTC without a `.000` fraction.
 *
 * @param startsAt - ISO-8601 UTC instant the scenario starts at.
 * @param minutes - offset from `startsAt` in minutes.
 * @example
 * scenarioInstant('2026-03-03T14:10:00Z', 20); // '2026-03-03T14:30:00Z'
 */
export function scenarioInstant(startsAt: string, minutes: number): string {
  return toIsoInstant(addMinutes(parseISO(startsAt), minutes));
}

type People = RoleAssignments;

function toIncidentEvent(
  scenario: DrillScenario,
  event: Exclude<ScriptedEvent, { type: 'alert' }>,
  people: People,
  incidentId: string,
): IncidentEventInput {
  const at = scenarioInstant(scenario.startsAt, event.at);
  const actor = people[event.by ?? DEFAULT_ACTOR[event.type]].primary.id;
  switch (event.type) {
    case 'declared':
      return {
        type: 'declared',
        at,
        actor,
        incidentId,
        title: event.title,
        incidentType: event.incidentType,
        severity: event.severity,
      };
    case 'facts.confirmed':
      return { type: 'facts.confirmed', at, actor, facts: event.facts };
    case 'question.logged':
      return {
        type: 'question.logged',
        at,
        actor,
        question: event.question,
        topic: event.topic,
        from: event.from,
      };
    case 'scope.changed':
      return {
        type: 'scope.changed',
        at,
        actor,
        scope: event.scope,
        ...(event.affected ? { affected: event.affected } : {}),
      };
    case 'workaround.found':
      return { type: 'workaround.found', at, actor, workaround: event.workaround };
    case 'severity.set':
      return {
        type: 'severity.set',
        at,
        actor,
        severity: event.severity,
        ...(event.reason ? { reason: event.reason } : {}),
      };
    case 'recovery.started':
      return { type: 'recovery.started', at, actor, ...(event.note ? { note: event.note } : {}) };
    case 'recovery.confirmed':
      return { type: 'recovery.confirmed', at, actor, customerCheck: event.customerCheck };
  }
}

/** One incident event of the drill with the timeline index it came from (`-1`: role assignment). */
interface DrillIncidentEvent {
  index: number;
  event: IncidentEventInput;
}

function buildEvents(
  scenario: DrillScenario,
  people: People,
  ladder: Pick<IncidentPolicyInput, 'severities' | 'incidentTypes'>,
): DrillIncidentEvent[] {
  const out: DrillIncidentEvent[] = [];
  scenario.timeline.forEach((event, index) => {
    if (event.type === 'alert') return;
    const built = toIncidentEvent(scenario, event, people, `drill-${scenario.id}`);
    // The declaration carries the ladder and types its severities and type are checked against.
    const incidentEvent = built.type === 'declared' ? { ...built, policy: ladder } : built;
    out.push({ index, event: incidentEvent });
    if (event.type === 'declared') {
      // Roles are in place from the declaration, as the runbook names them: the declarer staffs
      // the incident (the permission table's first staffing rule).
      out.push({
        index: -1,
        event: {
          type: 'roles.assigned',
          at: scenarioInstant(scenario.startsAt, event.at),
          actor: incidentEvent.actor,
          roles: people,
        },
      });
    }
  });
  return out;
}

/**
 * The scenario's incident events as the runbook's people would log them: the declaration, the
 * roles from the runbook, then every scripted event (alerts are narrative and skipped), each
 * performed by the primary of its role (`by`, or the usual role: facts by the incident lead,
 * questions by support, recovery start by engineering). Feed them to `replay`, a coordinator
 * or `reviewIncident`.
 *
 * @param scenario - a parsed scenario ({@link parseDrillScenario}).
 * @param runbook - the runbook whose people play the roles.
 * @returns the incident events, oldest first (ISO-8601 UTC `at`).
 * @example
 * const state = replay(scenarioEvents(scenario, runbook));
 */
export function scenarioEvents(
  scenario: DrillScenario,
  runbook: Pick<Runbook, 'roles' | 'severityLadder' | 'incidentTypes'>,
): IncidentEventInput[] {
  const ladder = {
    severities: runbook.severityLadder.map((level) => level.id),
    incidentTypes: Object.keys(runbook.incidentTypes),
  };
  return buildEvents(scenario, roleAssignmentsFromRunbook(runbook), ladder).map((e) => e.event);
}

// Stand-in people (ids are role names) to check at load time that the timeline obeys the practice.
const PLACEHOLDER_PEOPLE = Object.fromEntries(
  ROLES.map((role) => [
    role,
    { primary: { id: role, name: role }, backup: { id: `${role}-backup`, name: role } },
  ]),
) as People;

function semanticProblems(scenario: DrillScenario): Problem[] {
  const problems: Problem[] = [];
  scenario.timeline.forEach((event, i) => {
    const previous = scenario.timeline[i - 1];
    if (previous && event.at < previous.at) {
      problems.push(
        problem(`timeline.${i}.at`, `at least ${previous.at} (the timeline runs in order)`, String(event.at)),
      );
    }
  });
  const firstIncidentEvent = scenario.timeline.findIndex((e) => e.type !== 'alert');
  const declared = scenario.timeline.filter((e) => e.type === 'declared').length;
  if (firstIncidentEvent >= 0 && scenario.timeline[firstIncidentEvent]!.type !== 'declared') {
    problems.push(
      problem(
        `timeline.${firstIncidentEvent}.type`,
        '"declared" (the first incident event; only alerts may come before it)',
        JSON.stringify(scenario.timeline[firstIncidentEvent]!.type),
      ),
    );
  } else if (declared !== 1) {
    problems.push(problem('timeline', 'exactly one "declared" event', `${declared}`));
  }
  const ids = new Map<string, number>();
  scenario.prompts.forEach((prompt, i) => {
    const seen = ids.get(prompt.id);
    if (seen !== undefined) {
      problems.push(
        problem(
          `prompts.${i}.id`,
          `an id not used before (prompts.${seen} has it)`,
          JSON.stringify(prompt.id),
        ),
      );
    } else ids.set(prompt.id, i);
  });
  if (problems.length > 0) return problems;

  // Replay the timeline with stand-in people: a scenario that breaks the practice fails at load.
  let state: IncidentState | undefined;
  for (const { index, event } of buildEvents(scenario, PLACEHOLDER_PEOPLE, scenarioLadder(scenario))) {
    try {
      state = applyEvent(state, event);
    } catch (error) {
      if (!(error instanceof EventRejectedError || error instanceof NotAuthorizedError)) throw error;
      problems.push(
        problem(`timeline.${index}`, `an event the practice allows (${error.rule})`, error.message),
      );
      break;
    }
  }
  return problems;
}

/**
 * Validates a drill scenario given as data (from YAML, JSON or code). Practice: "give sales,
 * support, and customer success a small scenario and ask them to send one internal update and
 * one customer reply".
 *
 * @param input - the scenario: `id`, `title`, `briefing`, `startsAt` (ISO-8601 UTC), optional
 *   `keywords`, `timeline` (`{ at: minutes, type, ... }`: alert, declared, facts.confirmed,
 *   question.logged, scope.changed, workaround.found, severity.set, recovery.started,
 *   recovery.confirmed) and `prompts` (`{ id, at, role, audience, kind, instructions,
 *   respondWithinMinutes? }`).
 * @param source - a name for messages, e.g. the file name.
 * @returns the validated {@link DrillScenario} with defaults applied.
 * @throws {DrillScenarioError} `drill_scenario_invalid` listing every problem with its path,
 *   e.g. `prompts.2.audience: expected one of …, got "press"`, `timeline.0.type: expected
 *   "declared" …`, or `timeline.4: expected an event the practice allows (…)`.
 * @example
 * const scenario = parseDrillScenario({ id: 'tiny', title: 'Tiny', briefing: 'Sign-in fails.',
 *   startsAt: '2026-03-03T14:10:00Z',
 *   timeline: [{ at: 0, type: 'declared', title: 'Sign-in failing', incidentType: 'sign-in', severity: 'SEV2' }],
 *   prompts: [{ id: 'first', at: 2, role: 'communicationOwner', audience: 'customer', kind: 'initial',
 *     instructions: 'Send the first customer note.' }] });
 * scenario.prompts[0]?.respondWithinMinutes; // 10
 */
export function parseDrillScenario(input: unknown, source?: string): DrillScenario {
  const parsed = drillScenarioSchema.safeParse(input);
  if (!parsed.success) throw new DrillScenarioError(problemsFromZod(parsed.error, input), source);
  const problems = semanticProblems(parsed.data);
  if (problems.length > 0) throw new DrillScenarioError(problems, source);
  return parsed.data;
}

/**
 * Parses drill scenario text (YAML, a superset of JSON) and validates it with
 * {@link parseDrillScenario}.
 *
 * @param text - the file's contents.
 * @param source - a name for messages, e.g. the file path.
 * @returns the validated {@link DrillScenario}.
 * @throws {DrillScenarioError} `drill_scenario_invalid` for YAML syntax errors (with line and
 *   column) and invalid content (path-named).
 * @example
 * const scenario = loadDrillScenario(await readFile('scenarios/sign-in-failure.yaml', 'utf8'));
 */
export function loadDrillScenario(text: string, source?: string): DrillScenario {
  const read = readYaml(text);
  if (!read.ok) throw new DrillScenarioError(read.problems, source);
  return parseDrillScenario(read.data, source);
}
