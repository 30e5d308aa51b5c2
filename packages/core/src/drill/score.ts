/**
 * @module drill/score
 * Scores one drill answer: the facts of that moment as a reference, then one scorer per
 * criterion (lint, consistency, next update, on time), each reading the same prepared context.
 */
import { parseISO } from 'date-fns/parseISO';
import type { z } from 'zod';
import { cadenceFor } from '../cadence/index';
import type { StatusUpdate } from '../incident/events';
import type { IncidentState } from '../incident/state';
import { type Diagnostic, lintMessage } from '../lint/index';
import { audienceTimeZone, checkConsistency, draftLintContext } from '../publish/index';
import type { Runbook } from '../runbook/define';
import { incidentTypeDefinition } from '../runbook/lookup';
import { withIndefiniteArticle } from '../text/article';
import { plural } from '../text/plural';
import { formatUpdateTime } from '../time/index';
import type { Audience, Status } from '../vocabulary';
import { contentWords, mentionsAny, quote, sharesMostWords } from './answer-words';
import { drillTimeZone } from './briefing';
import {
  type CriterionScore,
  DRILL_POINTS,
  type DrillCriterion,
  type drillResponseSchema,
  type ResponseScore,
} from './drill-types';
import { type DrillPrompt, type DrillScenario, scenarioInstant } from './scenario';

/** Points lost per lint finding (floor 0). */
const LINT_PENALTY = { error: 15, warning: 5 } as const;

const CUSTOMER_ACTION_AUDIENCES: ReadonlySet<Audience> = new Set(['customer', 'support-reply', 'cs-account']);

/** What scoring one answer needs: the drill, the answer and the facts at the instant it was sent. */
export interface ScoreInput {
  scenario: DrillScenario;
  runbook: Runbook;
  prompt: DrillPrompt;
  response: z.output<typeof drillResponseSchema>;
  state: IncidentState;
}

/** Everything the scorers share, worked out once per answer. */
interface Scoring extends ScoreInput {
  status: Status;
  /** The zone of the prompt's audience. */
  zone: string;
  /** The next-update instant the rhythm calls for; absent for `resolved`. */
  expected: string | undefined;
  diagnostics: Diagnostic[];
  clockIn: (at: string, tz: string) => string;
  excerpt: (d: Diagnostic) => string;
  byRule: (id: string) => Diagnostic[];
  /** The consistency check's difference for one fact, if the answer differs. */
  differs: (fact: string) => { variants: Array<{ value: string; audiences: string[] }> } | undefined;
  /** What the answer wrote for a fact that differs (`not stated` when missing). */
  written: (fact: string) => string | undefined;
}

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

/** Works out once what every scorer reads: status, zones, the lint findings, the consistency check. */
function prepare(input: ScoreInput): Scoring {
  const { scenario, runbook, prompt, response, state } = input;
  const zone = audienceTimeZone(runbook, prompt.audience);
  const status = statusFor(prompt, state);
  const context = draftLintContext(
    state,
    { id: `drill-${prompt.id}`, kind: prompt.kind, audience: prompt.audience, status },
    runbook,
    response.sentAt,
  );
  const expected = status === 'resolved' ? undefined : context.nextUpdateDue;
  const diagnostics = lintMessage(response.text, context);
  const consistency = checkConsistency(
    [
      {
        audience: prompt.audience,
        text: response.text,
        label: response.participant,
        publishedAt: response.sentAt,
        timeZone: zone,
      },
    ],
    {
      reference: referenceUpdate(state, runbook, prompt, status, response.sentAt, expected),
      timeZone: zone,
    },
  );
  const differs = (fact: string) => consistency.differences.find((d) => d.fact === fact);
  return {
    ...input,
    status,
    zone,
    expected,
    diagnostics,
    clockIn: (at, tz) => formatUpdateTime(at, tz, { relativeTo: scenario.startsAt }),
    excerpt: (d) => quote(response.text.slice(d.start, d.end)),
    byRule: (id) => diagnostics.filter((d) => d.ruleId === id),
    differs,
    written: (fact) => differs(fact)?.variants.find((v) => v.audiences.includes(response.participant))?.value,
  };
}

/** A criterion scored all or nothing: full points when there is nothing to fix. */
const allOrNothing = (criterion: DrillCriterion, fixes: string[]): CriterionScore => ({
  criterion,
  max: DRILL_POINTS[criterion],
  points: fixes.length === 0 ? DRILL_POINTS[criterion] : 0,
  passed: fixes.length === 0,
  fixes,
});

/** Lint: every finding except the rules scored under consistency and next update. */
function scoreLint(s: Scoring): CriterionScore {
  const findings = s.diagnostics.filter(
    (d) => d.ruleId !== 'next-update-time' && d.ruleId !== 'scope-accuracy',
  );
  const loss = findings.reduce((sum, d) => sum + LINT_PENALTY[d.severity], 0);
  return {
    criterion: 'lint',
    max: DRILL_POINTS.lint,
    points: Math.max(0, DRILL_POINTS.lint - loss),
    passed: findings.length === 0,
    fixes: findings.map((d) => `${s.excerpt(d)}: ${d.message} (${d.ruleId})`),
  };
}

/** Consistency with the facts at this moment: symptom, scope, customer advice, workaround. */
function scoreConsistency(s: Scoring): CriterionScore {
  const { runbook, state, response, prompt } = s;
  const checks: Array<{ ok: boolean; fix: string }> = [];
  const type = incidentTypeDefinition(runbook, state.incidentType);
  const symptom = state.facts.symptom?.value ?? type.symptom;
  const keywords = [
    ...s.scenario.keywords,
    type.productArea,
    ...(state.facts.productAreas?.value ?? []),
    ...contentWords(symptom),
  ];
  checks.push({
    ok: mentionsAny(response.text, keywords),
    fix: `Say what is broken in customers' words, e.g. ${quote(symptom)}.`,
  });
  // Scope words are judged by the linter's scope-accuracy rule (one implementation of the idea).
  const scopeLint = s.byRule('scope-accuracy');
  checks.push({
    ok: scopeLint.length === 0,
    fix:
      scopeLint.length > 0
        ? `${s.excerpt(scopeLint[0]!)}: ${scopeLint[0]!.message}`
        : 'Describe who is affected as confirmed.',
  });
  const action = state.facts.customerAction?.value;
  const advises = s.status !== 'resolved' && prompt.kind !== 'workaround';
  if (action && advises && CUSTOMER_ACTION_AUDIENCES.has(prompt.audience)) {
    const wrote = s.written('customerAction');
    // checkConsistency reads the advice sentence; advice copied nearly word for word also counts.
    const copied = sharesMostWords(response.text, action, 0.6);
    checks.push({
      ok: s.differs('customerAction') === undefined || copied,
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
  const passed = checks.filter((c) => c.ok).length;
  return {
    criterion: 'consistency',
    max: DRILL_POINTS.consistency,
    points: Math.round((DRILL_POINTS.consistency * passed) / checks.length),
    passed: passed === checks.length,
    fixes: checks.filter((c) => !c.ok).map((c) => c.fix),
  };
}

/** Next update time: the rhythm from when it was sent, rounded up to the clean mark. Absent for `resolved`. */
function scoreNextUpdate(s: Scoring): CriterionScore | undefined {
  const { expected, runbook, state, status, response, zone, clockIn } = s;
  if (expected === undefined) return undefined;
  const every = cadenceFor(runbook, state.severity, status);
  const rule = `every ${every} minutes for ${state.severity} while ${status}, from when you sent it, on ${withIndefiniteArticle(`${runbook.cadence.roundToMinutes}-minute`)} mark`;
  const lintSays = s.byRule('next-update-time');
  const textSays = s.written('nextUpdate');
  const formSays =
    response.nextUpdateAt !== undefined &&
    parseISO(response.nextUpdateAt).getTime() !== parseISO(expected).getTime()
      ? response.nextUpdateAt
      : undefined;
  const fixes: string[] = [];
  if (lintSays.length > 0) fixes.push(...lintSays.map((d) => `${s.excerpt(d)}: ${d.message}`));
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
  return allOrNothing('nextUpdate', fixes);
}

/** On time: sent within the prompt's window (times of the drill itself read in the drill's zone). */
function scoreOnTime(s: Scoring): CriterionScore {
  const { scenario, prompt, runbook, clockIn } = s;
  const { sentAt } = s.response;
  const opens = scenarioInstant(scenario.startsAt, prompt.at);
  const closesMs = parseISO(opens).getTime() + prompt.respondWithinMinutes * 60_000;
  const sentMs = parseISO(sentAt).getTime();
  const home = drillTimeZone(scenario, runbook);
  const fixes: string[] = [];
  if (sentMs < parseISO(opens).getTime()) {
    fixes.push(`Sent at ${clockIn(sentAt, home)}, before the prompt appeared at ${clockIn(opens, home)}.`);
  } else if (sentMs > closesMs) {
    const late = Math.ceil((sentMs - closesMs) / 60_000);
    fixes.push(
      `Sent at ${clockIn(sentAt, home)}, ${plural(late, 'minute')} after the window closed ` +
        `(${prompt.respondWithinMinutes} minutes from ${clockIn(opens, home)}): a short note on time beats a perfect one late.`,
    );
  }
  return allOrNothing('onTime', fixes);
}

/** The scorers, one per criterion, in the order a result lists them. */
const SCORERS: ReadonlyArray<(s: Scoring) => CriterionScore | undefined> = [
  scoreLint,
  scoreConsistency,
  scoreNextUpdate,
  scoreOnTime,
];

/** Scores one answer on every criterion that applies to it. */
export function scoreResponse(input: ScoreInput): ResponseScore {
  const scoring = prepare(input);
  const criteria = SCORERS.flatMap((scorer) => scorer(scoring) ?? []);
  const points = criteria.reduce((sum, c) => sum + c.points, 0);
  const max = criteria.reduce((sum, c) => sum + c.max, 0);
  return {
    promptId: input.prompt.id,
    promptTitle: input.prompt.title ?? input.prompt.id,
    participant: input.response.participant,
    sentAt: input.response.sentAt,
    score: Math.round((100 * points) / max),
    points,
    max,
    criteria,
    diagnostics: scoring.diagnostics,
    expectedNextUpdateAt: scoring.expected,
  };
}
