/**
 * @module review/review
 * `reviewIncident` reads a finished incident's event log and measures the customer side of the
 * response: first update, lateness, approval waits, versions, questions, ownership gaps, blocks.
 */
import type { IncidentEvent, IncidentEventInput } from '../incident/events';
import { parseEvent, replay } from '../incident/reducer';
import type { Runbook } from '../runbook/define';
import { moreSevere } from '../severity/index';
import type { Severity } from '../vocabulary';
import {
  absences,
  approvalWaits,
  blockedFigures,
  firstTargetMinutes,
  gapsFor,
  minutesBetween,
  questionTopics,
  updateTimings,
  versionCounts,
} from './figures';
import { suggestRunbookChanges } from './suggestions';
import { timeline } from './timeline';
import type { IncidentReview, ReviewOptions } from './types';

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
