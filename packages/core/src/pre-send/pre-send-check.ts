/**
 * @module pre-send/pre-send-check
 * `preSendCheck`: the two-minute check before sending, as a checklist a person reads top to
 * bottom: newest facts and scope, names and times, next update, same story, one owner per thread.
 */

import { isResolutionDraft } from '../approvals/gates';
import { problem, ValidationError } from '../errors';
import type { Draft } from '../incident/events';
import { instantSchema } from '../incident/events';
import {
  currentStatusUpdate,
  type IncidentFacts,
  type IncidentState,
  nextUpdateOwner,
} from '../incident/state';
import { lintMessage } from '../lint/lint-message';
import { NEXT_UPDATE, REGION_NAMES } from '../lint/phrases';
import { type Span, TextDocument } from '../lint/text';
import { detectTopics } from '../lint/topics';
import type { Diagnostic } from '../lint/types';
import type { ApprovedMessage } from '../message';
import {
  type ConsistencyMessage,
  type ConsistencyReference,
  checkConsistency,
  resolveWrittenTime,
  statedNextUpdate,
  statedScope,
} from '../publish/consistency';
import { audienceTimeZone, draftLintContext } from '../publish/lint-facts';
import type { Runbook } from '../runbook/define';
import { incidentTypeDefinition } from '../runbook/lookup';
import { plural } from '../text/plural';
import { findClockTimes, formatUpdateTime } from '../time/index';
import { ROLES } from '../vocabulary';

/** The checks, in reading order. */
export type PreSendCheckId =
  | 'newest-status'
  | 'scope'
  | 'names-and-areas'
  | 'times'
  | 'next-update-stated'
  | 'same-as-other-audiences'
  | 'account-thread-owners';

/** One line of the checklist. */
export interface PreSendCheckItem {
  id: PreSendCheckId;
  /** The question, as a person would ask it. */
  label: string;
  ok: boolean;
  /** What was found, in plain words (what to fix when not ok). */
  detail: string;
}

/** A conversation with a large account and who answers it. */
export interface AccountThread {
  accountId: string;
  /** Shown in the checklist, e.g. "Acme Corp". */
  accountName?: string;
  /** Person ids answering the thread; exactly one is the practice. */
  owners: readonly string[];
}

/** Options of {@link preSendCheck}. */
export interface PreSendOptions {
  /** Open large-account threads and their owners. Accounts that asked questions (logged with an `accountId`) need one too. */
  accountThreads?: readonly AccountThread[];
  /** Other audiences' messages for this version, compared with the draft. */
  otherMessages?: ReadonlyArray<ApprovedMessage | ConsistencyMessage>;
}

const LABELS: Record<PreSendCheckId, string> = {
  'newest-status': 'Does it match the newest status and facts?',
  scope: 'Does it state the confirmed scope and impact?',
  'names-and-areas': 'Are names, product areas and regions right?',
  times: 'Are the times right and not stale?',
  'next-update-stated': 'Does it say when the next update arrives?',
  'same-as-other-audiences': 'Would support, sales and customer success say the same?',
  'account-thread-owners': 'Does every large-account thread have one owner?',
};

const FACT_NAMES: Record<keyof IncidentFacts, string> = {
  symptom: 'symptom',
  affected: 'who is affected',
  scope: 'scope',
  unknowns: 'unknowns',
  cause: 'cause',
  workaround: 'workaround',
  customerAction: 'customer action',
  teamAction: 'team action',
  regions: 'regions',
  productAreas: 'product areas',
  approvedFixTime: 'approved fix time',
};

const item = (id: PreSendCheckId, ok: boolean, detail: string): PreSendCheckItem => ({
  id,
  label: LABELS[id],
  ok,
  detail,
});

function clockIn(instant: string, zone: string): string {
  return formatUpdateTime(instant, zone);
}

const messagesOf = (diagnostics: readonly Diagnostic[], ruleIds: readonly string[]) =>
  diagnostics.filter((d) => d.severity === 'error' && ruleIds.includes(d.ruleId)).map((d) => d.message);

function newestStatus(draft: Draft, state: IncidentState, zone: string): PreSendCheckItem {
  const current = currentStatusUpdate(state);
  const currentWords = current
    ? `current status update: version ${current.version}`
    : 'nothing published yet';
  if (draft.basedOnFactsVersion >= state.factsVersion) {
    return item(
      'newest-status',
      true,
      `Written from facts version ${state.factsVersion}, the newest (${currentWords}).`,
    );
  }
  const since = state.drafts[draft.id]?.createdAt;
  const changed = since
    ? (Object.entries(state.facts) as Array<[keyof IncidentFacts, { at: string } | undefined]>)
        .filter(([, fact]) => fact !== undefined && fact.at > since)
        .map(([key, fact]) => `${FACT_NAMES[key]} at ${clockIn(fact!.at, zone)}`)
    : [];
  if (state.recovery.confirmed && since && state.recovery.confirmed.at > since) {
    changed.push(`recovery at ${clockIn(state.recovery.confirmed.at, zone)}`);
  }
  return item(
    'newest-status',
    false,
    `Written from facts version ${draft.basedOnFactsVersion}; the newest is ${state.factsVersion}` +
      (changed.length > 0 ? ` (changed since: ${changed.join(', ')})` : '') +
      `. Start again from the latest incident note (${currentWords}).`,
  );
}

function scopeCheck(
  draft: Draft,
  state: IncidentState,
  diagnostics: readonly Diagnostic[],
): PreSendCheckItem {
  const confirmed = state.facts.scope.value;
  const problems = messagesOf(diagnostics, ['scope-accuracy', 'plain-impact']);
  const stated = statedScope(draft.text);
  if (stated && confirmed !== 'unknown' && stated.value !== confirmed) {
    problems.unshift(`It says "${stated.shown}" but the confirmed scope is "${confirmed}".`);
  }
  if (problems.length > 0) return item('scope', false, problems.join(' '));
  return item(
    'scope',
    true,
    stated
      ? `It says "${stated.shown}", matching the confirmed scope (${confirmed}).`
      : `No scope words that contradict the confirmed scope (${confirmed}).`,
  );
}

function namesCheck(
  draft: Draft,
  state: IncidentState,
  runbook: Runbook,
  diagnostics: readonly Diagnostic[],
): PreSendCheckItem {
  // Template leftovers, and a host plugin's rules (`acme/no-codename`): the names a team keeps.
  const problems = [
    ...messagesOf(diagnostics, ['unfilled-placeholder']),
    ...diagnostics.filter((d) => d.severity === 'error' && d.ruleId.includes('/')).map((d) => d.message),
  ];
  const text = draft.text;
  const lower = text.toLowerCase();
  // Product areas: any the runbook knows that the draft names must be among the confirmed ones.
  const typeArea = incidentTypeDefinition(runbook, state.incidentType).productArea;
  const confirmedAreas = state.facts.productAreas?.value ?? [typeArea];
  const knownAreas = new Set([
    ...runbook.productAreas,
    ...Object.values(runbook.incidentTypes).map((d) => d.productArea),
  ]);
  const mentions = (name: string) =>
    new RegExp(`(?<![\\p{L}\\p{N}-])${escapeRegExp(name.toLowerCase())}(?![\\p{L}\\p{N}-])`, 'u').test(lower);
  const wrongAreas = [...knownAreas].filter(
    (area) => mentions(area) && !confirmedAreas.some((c) => c.toLowerCase() === area.toLowerCase()),
  );
  if (wrongAreas.length > 0) {
    problems.push(
      `It names ${wrongAreas.map((a) => `"${a}"`).join(', ')}; the confirmed product areas are ${confirmedAreas.join(', ')}.`,
    );
  }
  // Regions: a named region must be a confirmed one.
  const confirmedRegions = (state.facts.regions?.value ?? []).map((r) => r.toLowerCase());
  const wrongRegions = [...new Set([...text.matchAll(REGION_NAMES)].map((m) => m[0]))].filter(
    (r) => !confirmedRegions.some((c) => c === r.toLowerCase() || c.includes(r.toLowerCase())),
  );
  if (wrongRegions.length > 0) {
    problems.push(
      `It names ${wrongRegions.map((r) => `"${r}"`).join(', ')}; ` +
        (confirmedRegions.length > 0
          ? `the confirmed regions are ${state.facts.regions!.value.join(', ')}.`
          : 'no region is confirmed.'),
    );
  }
  // People: naming someone who is out for a role the backup now holds.
  for (const role of ROLES) {
    const assigned = state.roles[role];
    if (!assigned || !state.unavailable.includes(assigned.primary.id)) continue;
    const holder = state.unavailable.includes(assigned.backup.id) ? undefined : assigned.backup;
    if (mentions(assigned.primary.name)) {
      problems.push(
        `It names ${assigned.primary.name}, who is out; ${holder ? `${holder.name} covers the ${role} role now` : `nobody covers the ${role} role`}.`,
      );
    }
  }
  if (draft.audience === 'internal') {
    const owner = nextUpdateOwner(state);
    if (owner && !mentions(owner.name))
      problems.push(`An internal update names who owns the next update: ${owner.name}.`);
  }
  if (problems.length > 0) return item('names-and-areas', false, problems.join(' '));
  return item(
    'names-and-areas',
    true,
    `Product areas (${confirmedAreas.join(', ')}), regions and names match the confirmed facts.`,
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function timesCheck(
  draft: Draft,
  now: string,
  zone: string,
  nextUpdateDue: string | undefined,
): PreSendCheckItem {
  const problems: string[] = [];
  const text = draft.text;
  // Times that promise something (next update, fix time) must be ahead of us. Each is read as
  // the linter reads it: a day word counts; a next-update time is read against the schedule.
  const doc = new TextDocument(text);
  const nextUpdateSentences = [...text.matchAll(new RegExp(NEXT_UPDATE.source, 'gi'))].map((m) =>
    doc.sentenceAt(m.index),
  );
  const fixTimeSentences = detectTopics(text)
    .filter((m) => m.topic === 'fixTime')
    .map((m) => doc.sentenceAt(m.start));
  const within = (spans: readonly Span[], offset: number) =>
    spans.find((span) => offset >= span.start && offset < span.end);
  for (const mention of findClockTimes(text)) {
    const aboutNext = within(nextUpdateSentences, mention.start);
    const span = aboutNext ?? within(fixTimeSentences, mention.start);
    if (span === undefined) continue;
    const sentence = text.slice(span.start, span.end);
    const at = resolveWrittenTime(mention, sentence, {
      now,
      due: aboutNext ? nextUpdateDue : undefined,
      timeZone: zone,
    });
    if (at && at.getTime() <= Date.parse(now)) {
      problems.push(`"${mention.text}" has already passed (it is ${clockIn(now, zone)}).`);
    }
  }
  const stated = statedNextUpdate(text, now, zone, nextUpdateDue);
  if (stated && nextUpdateDue && stated.value !== new Date(nextUpdateDue).toISOString()) {
    problems.push(
      `It says the next update is at ${stated.shown}; it is due at ${clockIn(nextUpdateDue, zone)}.`,
    );
  }
  if (problems.length > 0) return item('times', false, problems.join(' '));
  return item(
    'times',
    true,
    stated
      ? `The next update time (${stated.shown}) is ahead and matches the schedule.`
      : 'No promised time is stale.',
  );
}

function nextUpdateCheck(
  draft: Draft,
  now: string,
  zone: string,
  nextUpdateDue: string | undefined,
): PreSendCheckItem {
  if (isResolutionDraft(draft)) {
    return item('next-update-stated', true, 'A resolution needs no next update time.');
  }
  const stated = statedNextUpdate(draft.text, now, zone, nextUpdateDue);
  if (stated) return item('next-update-stated', true, `It says the next update arrives at ${stated.shown}.`);
  return item(
    'next-update-stated',
    false,
    `Say when the next update arrives, as a clock time with a zone${nextUpdateDue ? ` (due ${clockIn(nextUpdateDue, zone)})` : ''}.`,
  );
}

function sameStoryCheck(
  draft: Draft,
  state: IncidentState,
  now: string,
  zone: string,
  nextUpdateDue: string | undefined,
  options: PreSendOptions,
): PreSendCheckItem {
  const current = currentStatusUpdate(state);
  const record = state.drafts[draft.id];
  const publishedVersion = record?.publishedVersion;
  // A variant of a published version is compared with that version; a draft of the next
  // version with the facts that version will carry.
  const reference: ConsistencyReference =
    publishedVersion !== undefined && current && current.version === publishedVersion
      ? current
      : {
          label: `confirmed facts for version ${state.updates.length + 1}`,
          status: draft.status,
          scope: state.facts.scope.value,
          ...(state.facts.symptom ? { symptom: state.facts.symptom.value } : {}),
          ...(state.facts.customerAction ? { customerAction: state.facts.customerAction.value } : {}),
          ...(nextUpdateDue ? { nextUpdateAt: nextUpdateDue } : {}),
          publishedAt: now,
        };
  const report = checkConsistency(
    [
      { audience: draft.audience, text: draft.text, status: draft.status, publishedAt: now, timeZone: zone },
      ...(options.otherMessages ?? []),
    ],
    { reference, now, timeZone: zone },
  );
  if (!report.consistent)
    return item('same-as-other-audiences', false, report.differences.map((d) => `${d.message}.`).join(' '));
  const others = options.otherMessages?.length ?? 0;
  return item(
    'same-as-other-audiences',
    true,
    `What is broken, who is affected, what to do and the next update match the ${reference.label ?? `status update v${reference.version}`}` +
      (others > 0 ? ` and the ${plural(others, 'other audience message')}.` : '.'),
  );
}

function threadsCheck(state: IncidentState, zone: string, options: PreSendOptions): PreSendCheckItem {
  const threads = options.accountThreads ?? [];
  const problems: string[] = [];
  for (const thread of threads) {
    const owners = [...new Set(thread.owners)];
    const name = thread.accountName ?? thread.accountId;
    if (owners.length === 0) problems.push(`${name}: nobody owns the thread.`);
    else if (owners.length > 1)
      problems.push(`${name}: ${owners.length} people answer (${owners.join(', ')}); pick one.`);
  }
  const known = new Set(threads.map((th) => th.accountId));
  const asked = new Map<string, string>();
  for (const q of state.questions)
    if (q.accountId && !known.has(q.accountId) && !asked.has(q.accountId)) asked.set(q.accountId, q.at);
  for (const [accountId, at] of asked)
    problems.push(`${accountId} asked at ${clockIn(at, zone)}: nobody owns the thread.`);
  if (problems.length > 0) return item('account-thread-owners', false, problems.join(' '));
  return item(
    'account-thread-owners',
    true,
    threads.length === 0
      ? 'No large-account threads are open.'
      : `Each of the ${threads.length} large-account threads has one owner.`,
  );
}

/**
 * The two-minute check before sending a draft, as a checklist a person can read:
 * 1. `newest-status`: written from the newest facts version (names what changed since);
 * 2. `scope`: scope words match the confirmed scope, impact stated plainly (lint's
 *    `scope-accuracy` and `plain-impact`);
 * 3. `names-and-areas`: no placeholders left; product areas the runbook knows and regions
 *    it names are confirmed ones; nobody named who is out; internal updates name the owner;
 * 4. `times`: next-update and fix-time times are in the future, and the next update time
 *    matches the one due (the new version's cadence plan for an unpublished draft); times are
 *    read as the linter reads them ({@link resolveWrittenTime}: "tomorrow" or a weekday counts);
 * 5. `next-update-stated`: a clock time for the next update (not needed once resolved);
 * 6. `same-as-other-audiences`: {@link checkConsistency} of the draft (and `otherMessages`)
 *    against the facts of its version: the current status update for a variant of it, the
 *    confirmed facts for a draft of the next version;
 * 7. `account-thread-owners`: every large-account thread (`options.accountThreads`, plus any
 *    account that asked a logged question) has exactly one owner.
 *
 * Practice: "do a two-minute check before sending": newest status and scope, names and
 * timestamps, next update time, the same wording across teams, one owner per big account.
 *
 * @param draft - the draft to send (need not be recorded; its approvals are not checked here).
 * @param state - the incident state.
 * @param runbook - a validated runbook (time zones, product areas, lint settings).
 * @param now - ISO-8601 UTC instant.
 * @param options - large-account threads and other audiences' messages.
 * @returns seven items in reading order, each `{ id, label, ok, detail }`.
 * @throws {ValidationError} `input_invalid` when `now` is not an ISO-8601 UTC instant.
 * @example
 * for (const line of preSendCheck(draft, state, runbook, '2026-03-03T14:20:00Z')) {
 *   console.log(`${line.ok ? '✓' : '✗'} ${line.label} ${line.detail}`);
 * }
 */
export function preSendCheck(
  draft: Draft,
  state: IncidentState,
  runbook: Runbook,
  now: string,
  options: PreSendOptions = {},
): PreSendCheckItem[] {
  if (!instantSchema.safeParse(now).success) {
    throw new ValidationError('pre-send check', [
      problem('now', 'an ISO-8601 UTC instant', JSON.stringify(now)),
    ]);
  }
  const zone = audienceTimeZone(runbook, draft.audience);
  const context = draftLintContext(state, draft, runbook, now);
  const diagnostics = lintMessage(draft.text, context);
  const due = context.nextUpdateDue === undefined ? undefined : String(context.nextUpdateDue);
  return [
    newestStatus(draft, state, zone),
    scopeCheck(draft, state, diagnostics),
    namesCheck(draft, state, runbook, diagnostics),
    timesCheck(draft, now, zone, due),
    nextUpdateCheck(draft, now, zone, due),
    sameStoryCheck(draft, state, now, zone, due, options),
    threadsCheck(state, zone, options),
  ];
}
