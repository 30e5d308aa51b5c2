/**
 * @module review/figures
 * The figures of a review, each measured from the replayed log: update timings, approval waits,
 * ownership gaps, versions, questions and blocked drafts.
 */
import { differenceInMilliseconds } from 'date-fns/differenceInMilliseconds';
import { parseISO } from 'date-fns/parseISO';
import type { EventOf, IncidentEvent } from '../incident/events';
import { applyEvent } from '../incident/reducer';
import { type IncidentState, personNameInRoles, roleHolder } from '../incident/state';
import type { BlockedCode } from '../publish/publish-types';
import type { Runbook } from '../runbook/define';
import { severityLevel } from '../runbook/lookup';
import { toIsoInstant } from '../time/iso-instant';
import type { RoleId } from '../vocabulary';
import type {
  ApprovalWait,
  IncidentReview,
  OwnershipGap,
  ReviewBlockedReason,
  ReviewBlockedRule,
  ReviewQuestionTopic,
  UpdateTiming,
} from './types';

const MINUTE_MS = 60_000;

/** Minutes from `from` to `to` (ISO-8601 instants), fractional, never rounded. @internal */
export function minutesBetween(from: string, to: string): number {
  return differenceInMilliseconds(parseISO(to), parseISO(from)) / MINUTE_MS;
}

const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);

/** The first-update target of the incident's severity on the runbook's ladder, in minutes. @internal */
export function firstTargetMinutes(state: IncidentState, runbook: Runbook): number {
  return severityLevel(runbook, state.severity).firstUpdateTargetMinutes;
}

/** Sorted unavailable intervals per person id, built from `availability.changed`. */
export function absences(
  events: IncidentEvent[],
  end: string,
): Map<string, Array<{ from: string; to: string }>> {
  const open = new Map<string, string>();
  const out = new Map<string, Array<{ from: string; to: string }>>();
  const close = (id: string, at: string) => {
    const from = open.get(id);
    if (from === undefined) return;
    open.delete(id);
    out.set(id, [...(out.get(id) ?? []), { from, to: at }]);
  };
  for (const e of events) {
    if (e.type !== 'availability.changed') continue;
    if (e.available) close(e.personId, e.at);
    else if (!open.has(e.personId)) open.set(e.personId, e.at);
  }
  for (const id of [...open.keys()]) close(id, end);
  return out;
}

function overlapMinutes(
  intervals: ReadonlyArray<{ from: string; to: string }>,
  from: string,
  to: string,
): number {
  let total = 0;
  for (const iv of intervals) {
    const start = later(iv.from, from);
    const stop = earlier(iv.to, to);
    if (stop > start) total += minutesBetween(start, stop);
  }
  return total;
}

/** Walks the log and records every span in which nobody could hold `role`. */
export function gapsFor(role: RoleId, events: IncidentEvent[], end: string): OwnershipGap[] {
  const gaps: OwnershipGap[] = [];
  let state: IncidentState | undefined;
  let open: { from: string; reason: OwnershipGap['reason'] } | undefined;
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    // The whole log was validated by `replay` already, so folding a prefix cannot fail.
    state = applyEvent(state, event);
    // Judge the situation once every event of the same instant has been applied.
    if (events[i + 1]?.at === event.at) continue;
    if (event.at >= end) break;
    const holder = roleHolder(state, role);
    const reason: OwnershipGap['reason'] = state.roles[role] ? 'all-unavailable' : 'not-assigned';
    if (!holder && !open) open = { from: event.at, reason };
    if (holder && open) {
      gaps.push({ role, ...open, to: event.at, minutes: minutesBetween(open.from, event.at) });
      open = undefined;
    }
  }
  if (open && end > open.from) gaps.push({ role, ...open, to: end, minutes: minutesBetween(open.from, end) });
  return gaps;
}

export function questionTopics(state: IncidentState): ReviewQuestionTopic[] {
  const groups = new Map<string, ReviewQuestionTopic>();
  for (const q of state.questions) {
    const key = q.topic.trim().toLowerCase();
    const group = groups.get(key) ?? { topic: q.topic.trim(), count: 0, examples: [], from: [] };
    group.count += 1;
    if (group.examples.length < 3) group.examples.push(q.question);
    if (!group.from.includes(q.from)) group.from.push(q.from);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic));
}

// Plain words for the refusal codes `publish` gives (see BlockedCode).
export const REFUSAL_WORDS: Readonly<Record<BlockedCode, string>> = {
  'draft-not-recorded': 'draft not recorded in the log',
  'draft-edited': 'edited after approval',
  'draft-already-published': 'draft already published',
  'incident-resolved': 'incident already resolved',
  'stale-facts': 'written against old facts',
  'no-communication-owner': 'no communication owner',
  'facts-missing': 'facts not confirmed',
  'approval-missing': 'approval not asked for',
  'approval-pending': 'approval still pending',
  'approval-denied': 'approval declined',
  'approval-wrong-role': 'approval asked of the wrong role',
  'recovery-not-confirmed': 'recovery not confirmed',
  'lint-error': 'lint error',
  'release-missing': 'no release of every message to approve',
  'release-inconsistent': 'messages disagree on the facts',
};

/** Codes older logs carry under an earlier name (`stale-draft` is now `stale-facts`). */
const RENAMED_CODES: Readonly<Record<string, BlockedCode>> = { 'stale-draft': 'stale-facts' };

/** Plain words for a refusal code of this or an earlier version; an unknown code as it is. @internal */
export const refusalWords = (code: string): string =>
  REFUSAL_WORDS[(RENAMED_CODES[code] ?? code) as BlockedCode] ?? code;

export function blockedFigures(state: IncidentState): IncidentReview['blocked'] {
  const rules = new Map<string, ReviewBlockedRule>();
  const others = new Map<string, ReviewBlockedReason>();
  let byLint = 0;
  for (const block of state.blocked) {
    // Count each rule or code once per refused attempt, however many findings it had.
    const seen = new Set<string>();
    for (const reason of block.reasons) {
      if (reason.ruleId !== undefined) {
        const group = rules.get(reason.ruleId) ?? { rule: reason.ruleId, count: 0, messages: [] };
        if (!seen.has(`rule:${reason.ruleId}`)) group.count += 1;
        if (!group.messages.includes(reason.message)) group.messages.push(reason.message);
        rules.set(reason.ruleId, group);
        seen.add(`rule:${reason.ruleId}`);
      } else {
        const label = refusalWords(reason.code);
        const group = others.get(reason.code) ?? { code: reason.code, label, count: 0 };
        if (!seen.has(`code:${reason.code}`)) group.count += 1;
        others.set(reason.code, group);
        seen.add(`code:${reason.code}`);
      }
    }
    if (block.reasons.some((r) => r.ruleId !== undefined)) byLint += 1;
  }
  return {
    total: state.blocked.length,
    byLint,
    byRule: [...rules.values()].sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule)),
    byReason: [...others.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
  };
}

export function updateTimings(
  state: IncidentState,
  runbook: Runbook,
  end: string,
): { updates: UpdateTiming[]; onTimeShare: number | undefined } {
  const updates: UpdateTiming[] = [];
  const firstTarget = toIsoInstant(
    parseISO(state.declaredAt).getTime() + firstTargetMinutes(state, runbook) * MINUTE_MS,
  );
  state.updates.forEach((update, index) => {
    const previous = state.updates[index - 1];
    const promisedAt = index === 0 ? firstTarget : previous?.nextUpdateAt;
    if (promisedAt === undefined) return;
    const late = minutesBetween(promisedAt, update.publishedAt);
    updates.push({
      version: update.version,
      status: update.status,
      publishedAt: update.publishedAt,
      promisedAt,
      promiseBasis: index === 0 ? 'first-update-target' : 'previous-update',
      onTime: late <= 0,
      lateMinutes: Math.max(0, late),
    });
  });
  // A promise made by the newest version that passed with no update (and no resolution) was missed.
  const last = state.updates[state.updates.length - 1];
  const lastPromise = last ? last.nextUpdateAt : firstTarget;
  if (lastPromise !== undefined && lastPromise < end && last?.status !== 'resolved') {
    updates.push({
      version: undefined,
      status: undefined,
      publishedAt: undefined,
      promisedAt: lastPromise,
      promiseBasis: last ? 'previous-update' : 'first-update-target',
      onTime: false,
      lateMinutes: minutesBetween(lastPromise, end),
    });
  }
  const onTimeShare =
    updates.length === 0 ? undefined : updates.filter((u) => u.onTime).length / updates.length;
  return { updates, onTimeShare };
}

export function approvalWaits(
  events: IncidentEvent[],
  state: IncidentState,
  away: Map<string, Array<{ from: string; to: string }>>,
  end: string,
): ApprovalWait[] {
  const waits = new Map<string, ApprovalWait>();
  const key = (e: { draftId: string; revision: number; gate: string }) =>
    `${e.draftId}#${e.revision}#${e.gate}`;
  for (const e of events) {
    if (e.type === 'approval.requested') {
      const assigned = state.roles[e.role];
      waits.set(key(e), {
        draftId: e.draftId,
        revision: e.revision,
        gate: e.gate,
        role: e.role,
        topic: e.topic,
        requestedAt: e.at,
        decidedAt: undefined,
        outcome: 'pending',
        decidedBy: undefined,
        waitMinutes: 0,
        primary: assigned?.primary,
        backup: assigned?.backup,
        primaryAbsentMinutes: 0,
      });
    } else if (e.type === 'approval.granted' || e.type === 'approval.denied') {
      const wait = waits.get(key(e));
      if (!wait) continue;
      wait.decidedAt = e.at;
      wait.decidedBy = e.actor;
      wait.outcome = e.type === 'approval.granted' ? 'granted' : 'denied';
    }
  }
  return [...waits.values()].map((wait) => {
    const stop = wait.decidedAt ?? end;
    const intervals = wait.primary ? (away.get(wait.primary.id) ?? []) : [];
    return {
      ...wait,
      waitMinutes: minutesBetween(wait.requestedAt, stop),
      primaryAbsentMinutes: overlapMinutes(intervals, wait.requestedAt, stop),
    };
  });
}

/**
 * Drafts never published as a status version nor released as a side note whose latest revision
 * had every requested gate granted (at least one), in the order they were first drafted.
 */
function approvedNotSent(
  state: IncidentState,
  draftIds: readonly string[],
  sent: ReadonlySet<string>,
): string[] {
  return draftIds.filter((id) => {
    const draft = state.drafts[id];
    if (!draft || sent.has(id)) return false;
    const gates = Object.values(draft.approvals);
    return gates.length > 0 && gates.every((a) => a.status === 'granted');
  });
}

export function versionCounts(events: IncidentEvent[], state: IncidentState): IncidentReview['versions'] {
  const revisions = events.filter((e): e is EventOf<'draft.created'> => e.type === 'draft.created');
  const published = new Set(state.updates.map((u) => `${u.draftId}#${u.draftRevision}`));
  // Sent: published as a version, or released as a side note (any revision).
  const sent = new Set([...state.updates.map((u) => u.draftId), ...state.notes.map((n) => n.draftId)]);
  const draftIds = [...new Set(revisions.map((e) => e.draft.id))];
  const approved = new Set(approvedNotSent(state, draftIds, sent));
  return {
    statusVersions: state.updates.length,
    supersededVersions: Math.max(0, state.updates.length - 1),
    draftRevisions: revisions.length,
    supersededDrafts: revisions.length - published.size,
    abandonedDrafts: draftIds.filter((id) => !sent.has(id) && !approved.has(id)),
    sideNotes: state.notes.map((note) => ({ ...note, byName: personNameInRoles(state, note.by) })),
    approvedNotSent: [...approved],
  };
}
