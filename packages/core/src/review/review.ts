/**
 * @module review/review
 * `reviewIncident` reads a finished incident's event log and measures the customer side of the
 * response: first update, lateness, approval waits, versions, questions, ownership gaps, blocks.
 */
import { differenceInMilliseconds } from 'date-fns/differenceInMilliseconds';
import { parseISO } from 'date-fns/parseISO';
import { roleWords } from '../approvals/gates';
import type { EventOf, IncidentEvent, IncidentEventInput } from '../incident/events';
import { applyEvent, parseEvent, replay } from '../incident/reducer';
import {
  type IncidentState,
  type NoteRecord,
  type OverrideRecord,
  type PersonRef,
  personNameInRoles,
  roleHolder,
} from '../incident/state';
import type { BlockedCode } from '../publish/publish';
import type { Runbook } from '../runbook/define';
import { severityLevel } from '../runbook/lookup';
import { moreSevere } from '../severity/index';
import { toIsoInstant } from '../time/iso-instant';
import type { ApprovalTopic, IncidentType, Role, Severity, Status } from '../vocabulary';
import { suggestRunbookChanges } from './suggestions';

/** Thresholds that turn figures into suggestions. All in minutes or counts. */
export interface ReviewOptions {
  /** An approval that waited longer than this is called slow (default 10 minutes). */
  slowApprovalMinutes?: number;
  /** A question topic asked at least this often should go into the template (default 3). */
  frequentQuestionCount?: number;
  /** Draft revisions per published version above which drafting was too slow (default 2). */
  revisionsPerVersionLimit?: number;
}

/** One line of the review's timeline. */
export interface ReviewTimelineEntry {
  /** ISO-8601 UTC instant. */
  at: string;
  /** Minutes after the declaration (may be fractional). */
  minute: number;
  /** What happened, in plain words. */
  what: string;
}

/** How one customer update kept (or missed) the time promised for it. */
export interface UpdateTiming {
  /** Status version (1-based); `undefined` for a promise no update ever kept. */
  version: number | undefined;
  status: Status | undefined;
  /** ISO-8601 UTC instant it was published; `undefined` when it never came. */
  publishedAt: string | undefined;
  /** The time it was due: the previous version's `nextUpdateAt`, or for version 1 the first-update target. */
  promisedAt: string;
  /** Where the promise came from. */
  promiseBasis: 'first-update-target' | 'previous-update';
  /** `true` when published at or before `promisedAt`. */
  onTime: boolean;
  /** Minutes after `promisedAt` (0 when on time). For a missed promise: until the log ended. */
  lateMinutes: number;
}

/** How long one approval gate held a draft. */
export interface ApprovalWait {
  draftId: string;
  revision: number;
  gate: string;
  role: Role;
  topic: ApprovalTopic | undefined;
  requestedAt: string;
  /** When it was granted or denied; `undefined` while still waiting when the log ended. */
  decidedAt: string | undefined;
  outcome: 'granted' | 'denied' | 'pending';
  /** Person id who decided. */
  decidedBy: string | undefined;
  /** Minutes from request to decision (or to the end of the log while pending). */
  waitMinutes: number;
  /** The role's primary person (as assigned in the log). */
  primary: PersonRef | undefined;
  backup: PersonRef | undefined;
  /** Minutes of the wait during which the role's primary was marked unavailable. */
  primaryAbsentMinutes: number;
}

/** A period with nobody to hold a role (neither primary nor backup available, or not assigned). */
export interface OwnershipGap {
  role: Role;
  /** ISO-8601 UTC start of the gap. */
  from: string;
  /** ISO-8601 UTC end of the gap (the incident's end when it never closed). */
  to: string;
  minutes: number;
  /** Why: nobody assigned yet, or everyone named was away. */
  reason: 'not-assigned' | 'all-unavailable';
}

/** Customer questions about one topic. */
export interface ReviewQuestionTopic {
  topic: string;
  count: number;
  /** Up to three of the questions, oldest first. */
  examples: string[];
  /** Who passed them on (audiences or teams), distinct. */
  from: string[];
}

/** Drafts the linter refused, grouped by the lint rule that refused them. */
export interface ReviewBlockedRule {
  /** The lint rule id, e.g. `no-fix-time-promise`. */
  rule: string;
  /** Refused publish attempts in which this rule reported an error. */
  count: number;
  /** Distinct messages given, in first-seen order. */
  messages: string[];
}

/**
 * Publish refusals that were not lint (approvals, recovery, stale drafts, a missing owner or
 * facts), grouped by refusal code. Their messages are left out: they repeat per draft.
 */
export interface ReviewBlockedReason {
  /** The refusal code, e.g. `approval-missing` (a `BlockedCode`, or a code from another version). */
  code: string;
  /** The code in plain words, e.g. `approval not asked for`. */
  label: string;
  /** Refused publish attempts that gave this reason. */
  count: number;
}

/** One suggested change to the runbook, drawn from a figure. */
export interface RunbookSuggestion {
  /** Stable id of the kind of suggestion, e.g. `slow-approval`. */
  id:
    | 'slow-approval'
    | 'approver-absent'
    | 'late-updates'
    | 'slow-first-update'
    | 'frequent-question'
    | 'ownership-gap'
    | 'lint-blocks'
    | 'many-revisions';
  /** The suggestion in plain words, led by the figure: "Approval for … waited 25 minutes: …". */
  text: string;
}

/** Everything `reviewIncident` measured. Durations in minutes; instants ISO-8601 UTC. */
export interface IncidentReview {
  incident: {
    id: string;
    title: string;
    incidentType: IncidentType;
    /** Severity at the end of the incident. */
    severity: Severity;
    /** Highest severity it reached. */
    peakSeverity: Severity;
    declaredAt: string;
    resolvedAt: string | undefined;
    closedAt: string | undefined;
    /** Minutes from declaration to resolution (or to the last event when unresolved). */
    durationMinutes: number;
  };
  /** The runbook's default time zone, for rendering clock times. */
  timeZone: string;
  timeline: ReviewTimelineEntry[];
  firstUpdate:
    | { at: string; minutesAfterDeclared: number; targetMinutes: number; withinTarget: boolean }
    | undefined;
  updates: UpdateTiming[];
  /** Share of promised updates that came on time, 0..1; `undefined` when nothing was promised. */
  onTimeShare: number | undefined;
  approvals: ApprovalWait[];
  versions: {
    /** Published status versions. */
    statusVersions: number;
    /** Published versions later replaced by a newer one. */
    supersededVersions: number;
    /** Every `draft.created` (each edit is a revision). */
    draftRevisions: number;
    /** Revisions that were never published (edited again, abandoned or blocked). */
    supersededDrafts: number;
    /**
     * Draft ids that never became a published version, were never released as a side note and
     * were not approved either: dropped, blocked, or still waiting for a gate when the log ended.
     */
    abandonedDrafts: string[];
    /**
     * Side notes released outside the status versions, oldest first, as the log recorded them
     * (`note.released`): an approved draft sent to some recipients, e.g. a credit offer to named
     * accounts. `byName` is the sender's name as the roles assigned it, else the id.
     */
    sideNotes: Array<NoteRecord & { byName: string }>;
    /**
     * Draft ids approved but never sent: every gate requested for their latest revision was
     * granted (at least one), yet they were neither published as a version nor released as a
     * side note when the log ended.
     */
    approvedNotSent: string[];
  };
  questions: ReviewQuestionTopic[];
  ownershipGaps: OwnershipGap[];
  /**
   * Emergency overrides of the permission table, oldest first: who set which rule aside on
   * which event, when and why (an admin the declaration names; see `PERMISSION_TABLE`).
   */
  overrides: OverrideRecord[];
  /**
   * Refused publish attempts (`publish.blocked`). Lint refusals (reasons with a `ruleId`) are
   * kept apart from approval and other refusals, so lint figures and suggestions count only lint.
   */
  blocked: {
    /** Refused publish attempts, for any reason. */
    total: number;
    /** Attempts that lint refused (at least one reason with a `ruleId`). */
    byLint: number;
    /** Lint refusals by rule id, most frequent first. */
    byRule: ReviewBlockedRule[];
    /** Approval and other refusals by code, most frequent first. */
    byReason: ReviewBlockedReason[];
  };
  suggestions: RunbookSuggestion[];
}

const MINUTE_MS = 60_000;

/** Minutes from `from` to `to` (ISO-8601 instants), fractional, never rounded. @internal */
export function minutesBetween(from: string, to: string): number {
  return differenceInMilliseconds(parseISO(to), parseISO(from)) / MINUTE_MS;
}

const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);
// The first-update target of the incident's severity on the runbook's ladder.
function firstTargetMinutes(state: IncidentState, runbook: Runbook): number {
  return severityLevel(runbook, state.severity).firstUpdateTargetMinutes;
}

/** Sorted unavailable intervals per person id, built from `availability.changed`. */
function absences(events: IncidentEvent[], end: string): Map<string, Array<{ from: string; to: string }>> {
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
function gapsFor(role: Role, events: IncidentEvent[], end: string): OwnershipGap[] {
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

function questionTopics(state: IncidentState): ReviewQuestionTopic[] {
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
const REFUSAL_WORDS: Readonly<Record<BlockedCode, string>> = {
  'draft-not-recorded': 'draft not recorded in the log',
  'draft-edited': 'edited after approval',
  'draft-already-published': 'draft already published',
  'incident-resolved': 'incident already resolved',
  'stale-draft': 'written against old facts',
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

function blockedFigures(state: IncidentState): IncidentReview['blocked'] {
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
        const label = REFUSAL_WORDS[reason.code as BlockedCode] ?? reason.code;
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

function updateTimings(
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

function approvalWaits(
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

function versionCounts(events: IncidentEvent[], state: IncidentState): IncidentReview['versions'] {
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

const FACT_WORDS: Record<string, string> = {
  affected: 'who is affected',
  customerAction: 'what customers should do',
  teamAction: 'what the team is doing',
  productAreas: 'product areas',
  approvedFixTime: 'an approved fix time',
};

/** A person's name as the log assigned it (roles), else the id; for text a person reads. */

const gateWords = (gate: string, topic: ApprovalTopic | undefined) =>
  topic ? GATE_TOPIC_WORDS[topic] : gate === 'facts' ? 'the facts' : `"${gate}"`;

// What each topic gate approves, in the words of the review's timeline.
const GATE_TOPIC_WORDS: Record<ApprovalTopic, string> = {
  security: 'what it says about security',
  dataLoss: 'what it says about customer data',
  legal: 'the legal wording',
  compensation: 'the refund or credit',
  contract: 'the contract or SLA wording',
  fixTime: 'the promised fix time',
};

function timeline(
  events: IncidentEvent[],
  state: IncidentState,
  updates: UpdateTiming[],
): ReviewTimelineEntry[] {
  const start = state.declaredAt;
  const entries: ReviewTimelineEntry[] = [];
  const add = (at: string, what: string) => entries.push({ at, minute: minutesBetween(start, at), what });
  const timingByVersion = new Map(updates.map((u) => [u.version, u]));
  const requested = new Map<string, string>();
  const topics = new Map<string, ApprovalTopic | undefined>();
  for (const e of events) {
    switch (e.type) {
      case 'declared':
        add(e.at, `Declared ${e.severity}: ${e.title}`);
        break;
      case 'severity.set':
        add(e.at, `Severity set to ${e.severity}${e.reason ? ` (${e.reason})` : ''}`);
        break;
      case 'facts.confirmed': {
        const parts = Object.keys(e.facts)
          .map((key) => FACT_WORDS[key] ?? key)
          .join(', ');
        add(e.at, `Incident lead confirmed facts: ${parts}`);
        break;
      }
      case 'scope.changed':
        add(e.at, `Scope changed to ${e.scope}${e.affected ? ` (${e.affected})` : ''}`);
        break;
      case 'workaround.found':
        add(e.at, `Workaround found: ${e.workaround}`);
        break;
      case 'availability.changed':
        add(e.at, `${personNameInRoles(state, e.personId)} ${e.available ? 'back' : 'unavailable'}`);
        break;
      case 'approval.requested': {
        const key = `${e.draftId}#${e.revision}#${e.gate}`;
        requested.set(key, e.at);
        topics.set(key, e.topic);
        const holder = state.roles[e.role]?.primary;
        const who = `${roleWords(e.role)}${holder ? ` (${holder.name})` : ''}`;
        add(e.at, `Approval of ${gateWords(e.gate, e.topic)} in draft ${e.draftId} asked of ${who}`);
        break;
      }
      case 'approval.granted':
      case 'approval.denied': {
        const key = `${e.draftId}#${e.revision}#${e.gate}`;
        const asked = requested.get(key);
        const waited = asked ? ` after ${Math.round(minutesBetween(asked, e.at))} min` : '';
        const verdict = e.type === 'approval.granted' ? 'approved' : 'declined';
        add(
          e.at,
          `${personNameInRoles(state, e.actor)} ${verdict} ${gateWords(e.gate, topics.get(key))} in draft ${e.draftId}${waited}`,
        );
        break;
      }
      case 'note.released':
        add(
          e.at,
          `${personNameInRoles(state, e.actor)} sent draft ${e.draftId} as a side note to ${e.recipients} ` +
            `${e.recipients === 1 ? 'recipient' : 'recipients'} (${e.audience}${e.channel ? `, by ${e.channel}` : ''}): not a status version`,
        );
        break;
      case 'publish.blocked':
        add(
          e.at,
          `Publishing blocked for draft ${e.draftId}: ${[
            ...new Set(e.reasons.map((r) => r.ruleId ?? REFUSAL_WORDS[r.code as BlockedCode] ?? r.code)),
          ].join(', ')}`,
        );
        break;
      case 'update.published': {
        const timing = timingByVersion.get(e.update.version);
        const verdict = !timing
          ? ''
          : timing.onTime
            ? ' (on time)'
            : ` (late by ${Math.ceil(timing.lateMinutes)} min)`;
        add(e.at, `Published v${e.update.version} ${e.update.status}${verdict}`);
        break;
      }
      case 'recovery.started':
        add(e.at, 'Recovery started');
        break;
      case 'recovery.confirmed':
        add(e.at, `Recovery confirmed: ${e.customerCheck}`);
        break;
      case 'resolved':
        add(e.at, 'Resolved');
        break;
      case 'closed':
        add(e.at, 'Closed');
        break;
      default:
        break;
    }
  }
  return entries;
}

/**
 * Reviews a finished (or still open) incident from its event log: the figures a team looks at
 * in the 20–30 minutes after service is back (practice: "review the response after service is
 * back": most-asked questions, where ownership slowed down, how long approvals held updates).
 *
 * @param log - the incident's events, oldest first (as stored; parsed and replayed with `replay`).
 * @param runbook - the runbook the incident ran under (first-update target, time zone).
 * @param options - thresholds for suggestions ({@link ReviewOptions}).
 * @returns an {@link IncidentReview}: durations in minutes (fractional, unrounded), instants
 *   ISO-8601 UTC, and `suggestions` drawn from the figures.
 * @throws {ValidationError} `input_invalid` when an event is malformed (path `events.N…`).
 * @throws {EventRejectedError} `event_rejected` when the log breaks a rule of the practice.
 * @example
 * const review = reviewIncident(log, runbook);
 * review.firstUpdate?.minutesAfterDeclared; // 12
 * review.approvals[0]?.waitMinutes; // 25
 */
export function reviewIncident(
  log: ReadonlyArray<IncidentEventInput | IncidentEvent>,
  runbook: Runbook,
  options: ReviewOptions = {},
): IncidentReview {
  const state = replay(log);
  const events = log.map((event, index) => parseEvent(event, `events.${index}`));
  const end = state.resolvedAt ?? state.closedAt ?? state.lastEventAt;
  const logEnd = state.closedAt ?? state.lastEventAt;
  const away = absences(events, logEnd);
  const { updates, onTimeShare } = updateTimings(state, runbook, end);
  const first = state.updates[0];
  const firstUpdateMinutes = first ? minutesBetween(state.declaredAt, first.publishedAt) : undefined;
  const peakSeverity = events.reduce<Severity>((peak, e) => {
    const sev = e.type === 'declared' || e.type === 'severity.set' ? e.severity : peak;
    return moreSevere(runbook.severityLadder, peak, sev);
  }, state.severity);

  const versions = versionCounts(events, state);
  const review: Omit<IncidentReview, 'suggestions'> = {
    incident: {
      id: state.id,
      title: state.title,
      incidentType: state.incidentType,
      severity: state.severity,
      peakSeverity,
      declaredAt: state.declaredAt,
      resolvedAt: state.resolvedAt,
      closedAt: state.closedAt,
      durationMinutes: minutesBetween(state.declaredAt, end),
    },
    timeZone: runbook.timeZones.default,
    timeline: timeline(events, state, updates),
    firstUpdate:
      first && firstUpdateMinutes !== undefined
        ? {
            at: first.publishedAt,
            minutesAfterDeclared: firstUpdateMinutes,
            targetMinutes: firstTargetMinutes(state, runbook),
            withinTarget: firstUpdateMinutes <= firstTargetMinutes(state, runbook),
          }
        : undefined,
    updates,
    onTimeShare,
    approvals: approvalWaits(events, state, away, logEnd),
    versions,
    questions: questionTopics(state),
    ownershipGaps: gapsFor('communicationOwner', events, end),
    overrides: state.overrides ?? [],
    blocked: blockedFigures(state),
  };
  return { ...review, suggestions: suggestRunbookChanges(review, runbook, options) };
}
