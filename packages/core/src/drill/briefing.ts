/**
 * @module drill/briefing
 * What participants read before a drill: the scene, the zone the story is told in, and each
 * prompt with its clock time in that zone, who answers it and until when it counts as on time.
 */
import { addMinutes } from 'date-fns/addMinutes';
import { parseISO } from 'date-fns/parseISO';
import { roleWords } from '../approvals/gates';
import type { Runbook } from '../runbook/define';
import { formatUpdateTime } from '../time/index';
import { toIsoInstant } from '../time/iso-instant';
import type { Audience, MessageKind, Role } from '../vocabulary';
import { type DrillScenario, scenarioInstant } from './scenario';

/**
 * The zone a drill is told in: the scenario's `timeZone`, else the runbook's `customer`
 * audience zone, else the runbook's default zone.
 *
 * @param scenario - a parsed scenario.
 * @param runbook - the runbook the drill runs under.
 * @returns an IANA zone name, e.g. `America/New_York`.
 * @example
 * drillTimeZone(scenario, runbook); // 'America/New_York'
 */
export function drillTimeZone(
  scenario: Pick<DrillScenario, 'timeZone'>,
  runbook: Pick<Runbook, 'timeZones'>,
): string {
  return scenario.timeZone ?? runbook.timeZones.audiences.customer ?? runbook.timeZones.default;
}

/** One prompt as participants read it. */
export interface BriefingPrompt {
  id: string;
  title: string;
  /** Minutes after the drill starts. */
  minute: number;
  /** ISO-8601 UTC instant the prompt appears. */
  at: string;
  /** The clock time it appears, in the drill's zone, e.g. `9:15 AM ET`. */
  clockTime: string;
  /** The clock time after which an answer counts as late, in the drill's zone. */
  answerBy: string;
  role: Role;
  /** The role in plain words, e.g. `the communication owner`. */
  roleWords: string;
  audience: Audience;
  kind: MessageKind;
  instructions: string;
}

/** The briefing of a drill. */
export interface DrillBriefing {
  title: string;
  briefing: string;
  /** The IANA zone every clock time is given in. */
  timeZone: string;
  /** When minute 0 is, in that zone, e.g. `9:10 AM ET`. */
  startsAt: string;
  prompts: BriefingPrompt[];
  /** The whole briefing as plain text, ready to print. */
  text: string;
}

/**
 * Builds what participants read before a drill: each prompt's clock time in the drill's zone
 * (answers must state clock times, so the prompts give them too), who is expected to answer,
 * in plain words, and the time by which the answer counts as on time.
 *
 * @param scenario - a parsed scenario (`parseDrillScenario`/`loadDrillScenario`).
 * @param runbook - the runbook whose zones apply (see {@link drillTimeZone}).
 * @returns a {@link DrillBriefing}; `text` is the printable version.
 * @throws {TimeZoneInvalidError} `time_zone_invalid` only if the runbook's zone is invalid
 *   (a validated runbook never has one).
 * @example
 * const briefing = drillBriefing(scenario, runbook);
 * briefing.prompts[0]?.clockTime; // '9:15 AM ET'
 * console.log(briefing.text);
 */
export function drillBriefing(scenario: DrillScenario, runbook: Runbook): DrillBriefing {
  const timeZone = drillTimeZone(scenario, runbook);
  const clock = (at: string) => formatUpdateTime(at, timeZone, { relativeTo: scenario.startsAt });
  const prompts = scenario.prompts.map((p): BriefingPrompt => {
    const at = scenarioInstant(scenario.startsAt, p.at);
    const closes = toIsoInstant(addMinutes(parseISO(at), p.respondWithinMinutes));
    return {
      id: p.id,
      title: p.title ?? p.id,
      minute: p.at,
      at,
      clockTime: clock(at),
      answerBy: clock(closes),
      role: p.role,
      roleWords: roleWords(p.role),
      audience: p.audience,
      kind: p.kind,
      instructions: p.instructions,
    };
  });
  const startsAt = clock(scenario.startsAt);
  const text = [
    scenario.title,
    '',
    scenario.briefing,
    '',
    `The drill starts at ${startsAt} (minute 0). Every time below is in ${timeZone}.`,
    '',
    'Prompts:',
    ...prompts.map(
      (p) =>
        `  - ${p.clockTime} (minute ${p.minute}), for ${p.roleWords}: ${p.title} (${p.id}; ` +
        `${p.audience}, ${p.kind}). Answer by ${p.answerBy}.\n    ${p.instructions}`,
    ),
    '',
  ].join('\n');
  return { title: scenario.title, briefing: scenario.briefing, timeZone, startsAt, prompts, text };
}
