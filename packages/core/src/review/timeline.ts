/**
 * @module review/timeline
 * The review's timeline: one plain line per event that mattered to the customers' side.
 */
import { roleWords } from '../approvals/gates';
import type { IncidentEvent } from '../incident/events';
import { type IncidentState, personNameInRoles } from '../incident/state';
import type { ApprovalTopic, TopicId } from '../vocabulary';
import { minutesBetween, refusalWords } from './figures';
import type { ReviewTimelineEntry, UpdateTiming } from './types';

const FACT_WORDS: Record<string, string> = {
  affected: 'who is affected',
  customerAction: 'what customers should do',
  teamAction: 'what the team is doing',
  productAreas: 'product areas',
  approvedFixTime: 'an approved fix time',
};

const gateWords = (gate: string, topic: TopicId | undefined) =>
  topic
    ? (GATE_TOPIC_WORDS[topic as ApprovalTopic] ?? `what it says about ${topic}`)
    : gate === 'facts'
      ? 'the facts'
      : `"${gate}"`;

// What each topic gate approves, in the words of the review's timeline.
const GATE_TOPIC_WORDS: Record<ApprovalTopic, string> = {
  security: 'what it says about security',
  dataLoss: 'what it says about customer data',
  legal: 'the legal wording',
  compensation: 'the refund or credit',
  contract: 'the contract or SLA wording',
  fixTime: 'the promised fix time',
};

export function timeline(
  events: IncidentEvent[],
  state: IncidentState,
  updates: UpdateTiming[],
): ReviewTimelineEntry[] {
  const start = state.declaredAt;
  const entries: ReviewTimelineEntry[] = [];
  const add = (at: string, what: string) => entries.push({ at, minute: minutesBetween(start, at), what });
  const timingByVersion = new Map(updates.map((u) => [u.version, u]));
  const requested = new Map<string, string>();
  const topics = new Map<string, TopicId | undefined>();
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
            ...new Set(e.reasons.map((r) => r.ruleId ?? refusalWords(r.code))),
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
