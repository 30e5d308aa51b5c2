/**
 * @module playbooks/first-hour
 * The first-hour checklist: owner named, three facts confirmed, first update out on time, next
 * update scheduled, nothing guessed.
 */
import { addMinutes } from 'date-fns/addMinutes';
import { differenceInSeconds } from 'date-fns/differenceInSeconds';
import { isAfter } from 'date-fns/isAfter';
import { parseISO } from 'date-fns/parseISO';
import { isOverdue } from '../cadence/index';
import { currentStatusUpdate, type IncidentState } from '../incident/index';
import type { Runbook } from '../runbook/define';
import { severityLevel } from '../runbook/lookup';
import { formatUpdateTime } from '../time/index';
import { guessesIn } from './guessing';
import { holderOf, personName } from './incident-view';
import { parseNow } from './inputs';

/** The checklist items, in the order they are done. */
export const FIRST_HOUR_ITEMS = [
  'owner-assigned',
  'symptom-confirmed',
  'affected-confirmed',
  'unknowns-confirmed',
  'first-update-sent',
  'next-update-scheduled',
  'no-guessing',
] as const;
/** One of {@link FIRST_HOUR_ITEMS}. */
export type FirstHourItemId = (typeof FIRST_HOUR_ITEMS)[number];

/** One checklist item: done or not, and what to do about it in plain words. */
export interface FirstHourItem {
  id: FirstHourItemId;
  ok: boolean;
  detail: string;
}

const minutesBetween = (from: string, to: string) =>
  Math.round(differenceInSeconds(parseISO(to), parseISO(from)) / 60);

/**
 * The first-hour checklist of an incident at `now`.
 *
 * Practice: in the first hour, name one owner, confirm what users see, who seems affected and
 * what is still unknown, send a short first update fast, always say when the next one comes,
 * and stop guessing: no cause, fix time or "solved" unless the incident lead confirmed it.
 *
 * Items (each `{ id, ok, detail }`, in {@link FIRST_HOUR_ITEMS} order):
 * - `owner-assigned`: someone holds the communication owner role (primary, or backup while out).
 * - `symptom-confirmed`: `facts.symptom` is confirmed.
 * - `affected-confirmed`: `facts.affected` is confirmed or the scope is no longer `unknown`.
 * - `unknowns-confirmed`: `facts.unknowns` is confirmed (an empty list counts: nothing unknown).
 * - `first-update-sent`: the first update was published within
 *   the severity's `firstUpdateTargetMinutes` (default 15) of declaration; not ok while unsent
 *   (the detail says how long is left) or when it went out late (says how late).
 * - `next-update-scheduled`: the current update promises a next-update time and it has not
 *   passed (`isOverdue` from the cadence module); ok once resolved.
 * - `no-guessing`: every published update's text has no error from the linter's guessing rules
 *   (`no-cause-speculation`, `no-fix-time-promise`, `no-premature-resolution`, `scope-accuracy`;
 *   see `guessesIn`), judged against what was confirmed when it was published; its `cause`
 *   field names no cause before the incident lead confirmed one; and the current update states
 *   the confirmed scope.
 *
 * @param state - the incident state.
 * @param runbook - the validated runbook (first-update target, cadence, internal time zone).
 * @param now - the current instant, ISO-8601 UTC.
 * @returns the seven {@link FirstHourItem}s.
 * @throws {ValidationError} `input_invalid` when `now` is not an ISO-8601 UTC instant.
 * @throws {LintConfigError} `lint_config_invalid` when the runbook's `lint` section is invalid.
 * @example
 * firstHourChecklist(state, runbook, t(12)).find((i) => i.id === 'first-update-sent');
 * // { id: 'first-update-sent', ok: false, detail: 'Not sent yet; due by 9:25 AM ET (3 minutes left).' }
 */
export function firstHourChecklist(state: IncidentState, runbook: Runbook, now: string): FirstHourItem[] {
  parseNow(now);
  const zone = runbook.timeZones.audiences.internal ?? runbook.timeZones.default;
  const clock = (instant: string) => formatUpdateTime(instant, zone, { relativeTo: now });
  const { facts } = state;
  const items: FirstHourItem[] = [];

  const owner = holderOf(state, runbook, 'communicationOwner');
  items.push({
    id: 'owner-assigned',
    ok: owner !== undefined && state.roles.communicationOwner !== undefined,
    detail: !state.roles.communicationOwner
      ? 'No communication owner is assigned; name one person who sends every customer update.'
      : owner
        ? `${owner.name} owns customer updates.`
        : 'The communication owner and the backup are both unavailable; name a new owner now.',
  });

  items.push({
    id: 'symptom-confirmed',
    ok: facts.symptom !== undefined,
    detail: facts.symptom
      ? `What users see: ${facts.symptom.value} (confirmed by ${personName(state, runbook, facts.symptom.by)}).`
      : 'Ask the incident lead to confirm what users see.',
  });

  const scopeKnown = facts.scope.value !== 'unknown';
  items.push({
    id: 'affected-confirmed',
    ok: facts.affected !== undefined || scopeKnown,
    detail: facts.affected
      ? `Who seems affected: ${facts.affected.value} (scope: ${facts.scope.value}).`
      : scopeKnown
        ? `Scope confirmed as ${facts.scope.value}; who exactly is affected is not described yet.`
        : 'Ask the incident lead who seems affected.',
  });

  items.push({
    id: 'unknowns-confirmed',
    ok: facts.unknowns !== undefined,
    detail: facts.unknowns
      ? facts.unknowns.value.length > 0
        ? `Still unknown: ${facts.unknowns.value.join('; ')}.`
        : 'The incident lead confirmed nothing material is unknown.'
      : 'Ask the incident lead what is still unknown, so updates say it instead of guessing.',
  });

  const target = severityLevel(runbook, state.severity).firstUpdateTargetMinutes;
  const deadline = addMinutes(parseISO(state.declaredAt), target).toISOString();
  const first = state.updates[0];
  if (first) {
    const took = minutesBetween(state.declaredAt, first.publishedAt);
    const late = isAfter(parseISO(first.publishedAt), parseISO(deadline));
    items.push({
      id: 'first-update-sent',
      ok: !late,
      detail: late
        ? `The first update went out ${took} minutes after declaration, ${took - target} minutes past the ${target}-minute target.`
        : `The first update went out ${took} minutes after declaration (target ${target}).`,
    });
  } else {
    const left = minutesBetween(now, deadline);
    items.push({
      id: 'first-update-sent',
      ok: false,
      detail:
        left >= 0
          ? `Not sent yet; due by ${clock(deadline)} (${left} minutes left).`
          : `Not sent yet, ${-left} minutes past the ${target}-minute target; send a short update now.`,
    });
  }

  const current = currentStatusUpdate(state);
  if (state.status === 'resolved') {
    items.push({ id: 'next-update-scheduled', ok: true, detail: 'Resolved; no further update is due.' });
  } else if (!current) {
    items.push({
      id: 'next-update-scheduled',
      ok: false,
      detail: 'No update is out yet, so no next update time has been promised.',
    });
  } else if (!current.nextUpdateAt) {
    items.push({
      id: 'next-update-scheduled',
      ok: false,
      detail: `Update ${current.version} does not say when the next one comes; every update must.`,
    });
  } else {
    const overdue = isOverdue(state, runbook, now);
    items.push({
      id: 'next-update-scheduled',
      ok: !overdue.overdue,
      detail:
        overdue.overdue && overdue.dueAt
          ? `The update promised for ${clock(overdue.dueAt)} is ${overdue.minutesLate} minutes late; send one now.`
          : `Next update due by ${clock(overdue.dueAt ?? current.nextUpdateAt)}.`,
    });
  }

  const guesses: string[] = [];
  for (const update of state.updates) {
    const cause = facts.cause;
    if (update.cause && (!cause || isAfter(parseISO(cause.at), parseISO(update.publishedAt)))) {
      guesses.push(`update ${update.version} names a cause before the incident lead confirmed one`);
    }
    for (const diagnostic of guessesIn(update, state, runbook)) {
      const quoted = update.text.slice(diagnostic.start, diagnostic.end);
      guesses.push(`update ${update.version} says "${quoted}" (${diagnostic.ruleId}): ${diagnostic.message}`);
    }
  }
  if (current && current.factsVersion === state.factsVersion && current.scope !== facts.scope.value) {
    guesses.push(
      `update ${current.version} says the scope is ${current.scope}, but the confirmed scope is ${facts.scope.value}`,
    );
  }
  items.push({
    id: 'no-guessing',
    ok: guesses.length === 0,
    detail:
      guesses.length > 0
        ? `Guessing found: ${guesses.join('; ')}. Correct it in the next update.`
        : state.updates.length > 0
          ? 'Published updates state only confirmed facts.'
          : 'Nothing published yet.',
  });

  return items;
}
