/**
 * @module playbooks/sales
 * The sales playbook: for each active deal, demo or renewal, pause promises that depend on
 * the broken area, reschedule demos that need it, or continue with the approved words.
 */
import { isAfter } from 'date-fns/isAfter';
import { isBefore } from 'date-fns/isBefore';
import { parseISO } from 'date-fns/parseISO';
import { currentStatusUpdate, type IncidentState, type PersonRef } from '../incident/index';
import type { Runbook } from '../runbook/define';
import { claimsFixed } from './guessing';
import { brokenAreas, isRecovered } from './incident-view';
import { parseNow, parseSalesItems, type SalesItemInput, type SalesItemKind } from './inputs';

/** What a rep does with one deal, demo or renewal. */
export const SALES_ACTIONS = ['pause-promise', 'reschedule', 'continue'] as const;
/** One of {@link SALES_ACTIONS}. */
export type SalesActionKind = (typeof SALES_ACTIONS)[number];

/** The sales playbook's answer for one item. */
export interface SalesAction {
  itemId: string;
  kind: SalesItemKind;
  name?: string;
  owner?: PersonRef;
  /** When the demo starts or the deal's next touchpoint is (ISO-8601 UTC), as given. */
  at: string;
  action: SalesActionKind;
  /** Why, in plain words. Never says "fixed" before the incident lead confirms recovery. */
  reason: string;
  /** The item's dependencies that are broken right now (empty once recovery is confirmed). */
  brokenDependencies: string[];
  /**
   * The approved words to use if the customer asks: the current status update's text. Empty
   * before the first update, or when that text claims a fix before recovery is confirmed.
   */
  talkingPoints: string[];
  /** The status-update version the talking points come from. */
  talkingPointsVersion?: number;
  /** When the next approved update is due (ISO-8601 UTC), to re-check this item then. */
  nextUpdateAt?: string;
}

function talkingPoints(state: IncidentState): { points: string[]; version?: number; note?: string } {
  const update = currentStatusUpdate(state);
  if (!update) {
    return {
      points: [],
      note: 'There is no approved update yet: do not describe the incident; tell the customer the team will share an update soon and ask the communication owner.',
    };
  }
  if (!isRecovered(state) && claimsFixed(update.text)) {
    return {
      points: [],
      note: `The current update (version ${update.version}) reads as if the problem were over, but recovery is not confirmed: do not use it; ask the communication owner.`,
    };
  }
  return { points: [update.text], version: update.version };
}

/**
 * Tells sales what to do with each active deal, demo or renewal during an incident.
 *
 * Practice: pause any promise that depends on the broken feature; if a demo needs a broken
 * flow, reschedule instead of talking around it; keep other conversations calm with the
 * approved wording; never say "fixed" before the incident lead confirms recovery.
 *
 * Rules, per item (`broken` = the incident's product areas until recovery is confirmed):
 * - depends on nothing broken → `continue`;
 * - a `demo` that depends on a broken area → `reschedule`, unless it starts after the next
 *   update is due *and* the incident lead approved a fix time before it starts, or it has
 *   already started (`at` before `now`) → `continue` with a re-check note;
 * - a `deal` or `renewal` that depends on a broken area → `pause-promise`.
 *
 * @param deals - items as in `parseSalesItems`: `{ id, kind: 'deal' | 'demo' | 'renewal',
 *   name?, dependsOn: area[], at, owner? }`.
 * @param state - the incident state.
 * @param runbook - the validated runbook (product areas, incident types).
 * @param now - the current instant, ISO-8601 UTC.
 * @returns one {@link SalesAction} per item, in input order.
 * @throws {ValidationError} `input_invalid` for a malformed item or an unknown product area,
 *   e.g. `deals.1.dependsOn.0: expected one of checkout, sign-in, …, got "chekout"`, or a
 *   `now` that is not an ISO-8601 UTC instant.
 * @example
 * salesActions([{ id: 'demo-1', kind: 'demo', dependsOn: ['checkout'], at: t(80) }], state, runbook, t(10));
 * // [{ itemId: 'demo-1', action: 'reschedule', … }]
 */
export function salesActions(
  deals: ReadonlyArray<SalesItemInput>,
  state: IncidentState,
  runbook: Runbook,
  now: string,
): SalesAction[] {
  const items = parseSalesItems(deals, runbook);
  const broken = brokenAreas(state, runbook);
  const update = currentStatusUpdate(state);
  const nextUpdateAt = update?.nextUpdateAt;
  const fixTime = state.facts.approvedFixTime?.value;
  const words = talkingPoints(state);
  const withWords = (reason: string) => (words.note ? `${reason} ${words.note}` : reason);
  const nowAt = parseISO(parseNow(now));

  return items.map((item) => {
    const hits = item.dependsOn.filter((area) => broken.includes(area));
    const areaList = hits.join(' and ');
    const at = parseISO(item.at);
    let action: SalesActionKind;
    let reason: string;
    if (hits.length === 0) {
      action = 'continue';
      reason = isRecovered(state)
        ? 'Recovery is confirmed; carry on and use the approved update if the customer asks.'
        : `This does not depend on the affected area (${broken.join(', ')}); carry on and use the approved talking points if the customer asks.`;
    } else if (item.kind === 'demo') {
      const afterNextUpdate = nextUpdateAt !== undefined && isAfter(at, parseISO(nextUpdateAt));
      const afterFixTime = fixTime !== undefined && !isBefore(at, parseISO(fixTime));
      if (isBefore(at, nowAt)) {
        action = 'continue';
        reason = `The demo was due to start already; if it is still running, do not show ${areaList}.`;
      } else if (afterNextUpdate && afterFixTime) {
        action = 'continue';
        reason = `The demo needs ${areaList}, which is not working yet; it starts after the next update and after the approved recovery time, so keep it for now and check again when the next update is out.`;
      } else {
        action = 'reschedule';
        reason = `The demo needs ${areaList}, which is not working right now, and nobody can say it will work by then; reschedule rather than talk around it.`;
      }
    } else {
      action = 'pause-promise';
      reason = `Pause any promise that depends on ${areaList} until the incident lead confirms recovery; keep the conversation calm with the approved talking points.`;
    }
    return {
      itemId: item.id,
      kind: item.kind,
      ...(item.name ? { name: item.name } : {}),
      ...(item.owner ? { owner: item.owner } : {}),
      at: item.at,
      action,
      reason: withWords(reason),
      brokenDependencies: hits,
      talkingPoints: words.points,
      ...(words.version !== undefined ? { talkingPointsVersion: words.version } : {}),
      ...(nextUpdateAt ? { nextUpdateAt } : {}),
    };
  });
}
