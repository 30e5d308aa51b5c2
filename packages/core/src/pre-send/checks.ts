/**
 * @module pre-send/checks
 * The items of the pre-send check, one function each: newest facts, scope, names, times, next
 * update and same story. Each returns one checklist line with what to fix.
 */
import { isResolutionDraft } from '../approvals/gates';
import type { Draft } from '../incident/events';
import {
  currentStatusUpdate,
  type IncidentFacts,
  type IncidentState,
  nextUpdateOwner,
} from '../incident/state';
import { NEXT_UPDATE, REGION_NAMES } from '../lint/phrases';
import { type Span, TextDocument } from '../lint/text';
import { detectTopics } from '../lint/topics';
import type { Diagnostic } from '../lint/types';
import { checkConsistency } from '../publish/consistency';
import type { ConsistencyReference } from '../publish/consistency-types';
import { resolveWrittenTime, statedNextUpdate, statedScope } from '../publish/stated-facts';
import type { Runbook } from '../runbook/define';
import { incidentTypeDefinition } from '../runbook/lookup';
import { plural } from '../text/plural';
import { findClockTimes, formatUpdateTime } from '../time/index';
import { ROLES } from '../vocabulary';
import type { PreSendCheckId, PreSendCheckItem, PreSendOptions } from './types';

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

export const item = (id: PreSendCheckId, ok: boolean, detail: string): PreSendCheckItem => ({
  id,
  label: LABELS[id],
  ok,
  detail,
});

export function clockIn(instant: string, zone: string): string {
  return formatUpdateTime(instant, zone);
}

const messagesOf = (diagnostics: readonly Diagnostic[], ruleIds: readonly string[]) =>
  diagnostics.filter((d) => d.severity === 'error' && ruleIds.includes(d.ruleId)).map((d) => d.message);

export function newestStatus(draft: Draft, state: IncidentState, zone: string): PreSendCheckItem {
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

export function scopeCheck(
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

export function namesCheck(
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

export function timesCheck(
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

export function nextUpdateCheck(
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

export function sameStoryCheck(
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
