/**
 * @module playbooks/support
 * The support playbook: reassure with the approved reply or escalate to the communication
 * owner, and log every customer question to the incident under a topic.
 */
import type { EventOf, IncidentState, PersonRef } from '../incident/index';
import { currentStatusUpdate } from '../incident/index';
import type { Runbook } from '../runbook/define';
import { incidentTypeDefinition } from '../runbook/lookup';
import type { ApprovalTopic, IncidentType, QuestionTopic } from '../vocabulary';
import { holderOf, incidentAreas, isRecovered, knownSymptoms, sameRegion } from './incident-view';
import { parseQuestion, parseTicket, type QuestionInput, type Ticket, type TicketInput } from './inputs';
import {
  APPROVER_TOPICS,
  classifyQuestion,
  saysItWorksAgain,
  sensitiveTopics,
  symptomsInText,
} from './phrases';

/** Why a ticket was escalated (stable codes; `detail` says it in plain words). */
export const ESCALATION_REASONS = [
  'no-approved-update',
  'new-symptom',
  'high-impact-account',
  'wording-mismatch',
  'needs-approval',
] as const;
/** One of {@link ESCALATION_REASONS}. */
export type EscalationReason = (typeof ESCALATION_REASONS)[number];

/** One reason to escalate, with the plain-words detail. */
export interface EscalationFinding {
  code: EscalationReason;
  detail: string;
}

/** A `question.logged` event ready for the host to append to the incident log. */
export type QuestionLoggedEvent = EventOf<'question.logged'>;

/** What support does with one ticket. */
export interface TriageResult {
  /** `reassure`: send the approved reply as written. `escalate`: hand it to the communication owner. */
  decision: 'reassure' | 'escalate';
  /** The decision in plain words, for the support rep. */
  reason: string;
  /** Every reason to escalate that applied (empty when reassuring). */
  findings: EscalationFinding[];
  /** The approved reply (the current status update's text); only when reassuring. */
  reply?: string;
  /** The status-update version the reply comes from. */
  replyVersion?: number;
  /** The communication owner holding the role now; only when escalating. Never an engineer. */
  escalateTo?: PersonRef;
  /** The question's topic (see `classifyQuestion`). */
  topic: QuestionTopic;
  /** The question to append to the incident log, whatever the decision. */
  questionEvent: QuestionLoggedEvent;
}

/** Where a question goes and the event that logs it. */
export interface RoutedQuestion {
  /** The communication owner now (never an engineer); `undefined` when nobody holds the role. */
  routeTo: PersonRef | undefined;
  topic: QuestionTopic;
  event: QuestionLoggedEvent;
}

/**
 * Routes a question heard by any team to the communication owner and builds the
 * `question.logged` event that records it under a topic. Practice: new customer concerns go
 * to the communication owner first, never straight to engineers.
 *
 * @param input - `{ text, at, by, from, accountId? }`: `at` is an ISO-8601 UTC instant no
 *   earlier than the log's last event (the log refuses events out of time order); `from` is
 *   the audience it came through.
 * @returns `{ routeTo, topic, event }`; the host appends `event` with `applyEvent`. The topic
 *   is `classifyQuestion`'s, with a symptom the question reports that the incident does not
 *   cover yet taking precedence (it is what the next engineering checkpoint must hear about).
 * @throws {ValidationError} `input_invalid` naming the path, e.g. `question.at`.
 * @example
 * routeQuestion({ text: 'Is our data safe?', at: t(12), by: 'priya', from: 'sales-active-deal' }, state, runbook);
 * // { routeTo: { id: 'dana', name: 'Dana' }, topic: 'data-safety', event: { type: 'question.logged', … } }
 */
export function routeQuestion(input: QuestionInput, state: IncidentState, runbook: Runbook): RoutedQuestion {
  const question = parseQuestion(input);
  return routeWithSymptoms(question, symptomsInText(question.text, runbook.incidentTypes), state, runbook);
}

/** Routes a parsed question; reported symptoms the incident does not cover yet decide the topic first. */
function routeWithSymptoms(
  question: QuestionInput,
  reported: readonly IncidentType[],
  state: IncidentState,
  runbook: Runbook,
): RoutedQuestion {
  const known = knownSymptoms(state, runbook);
  const symptoms = [...reported.filter((s) => !known.has(s)), ...reported.filter((s) => known.has(s))];
  const topic = classifyQuestion(question.text, { symptoms, incidentTypes: runbook.incidentTypes });
  const event: QuestionLoggedEvent = {
    type: 'question.logged',
    at: question.at,
    actor: question.by,
    question: question.text,
    topic,
    from: question.from,
    ...(question.accountId ? { accountId: question.accountId } : {}),
  };
  return { routeTo: holderOf(state, runbook, 'communicationOwner'), topic, event };
}

function reportedSymptoms(ticket: Ticket, runbook: Runbook): IncidentType[] {
  return ticket.symptom ? [ticket.symptom] : symptomsInText(ticket.text, runbook.incidentTypes);
}

const TOPIC_WORDS: Record<ApprovalTopic, string> = {
  security: 'security',
  dataLoss: 'whether data is safe',
  legal: 'legal matters',
  compensation: 'refunds or credits',
  contract: 'contract or SLA terms',
  fixTime: 'a fix time',
};

function findings(
  ticket: Ticket,
  topic: QuestionTopic,
  state: IncidentState,
  runbook: Runbook,
): EscalationFinding[] {
  const found: EscalationFinding[] = [];
  const update = currentStatusUpdate(state);
  if (!update) {
    found.push({
      code: 'no-approved-update',
      detail: 'No status update has been published yet, so there is no approved reply to send.',
    });
  }
  const areas = incidentAreas(state, runbook);
  const known = knownSymptoms(state, runbook);
  const reported = reportedSymptoms(ticket, runbook);
  const newSymptoms = reported.filter((s) => !known.has(s));
  if (newSymptoms.length > 0) {
    const names = newSymptoms.map((s) => incidentTypeDefinition(runbook, s).name.toLowerCase());
    found.push({
      code: 'new-symptom',
      detail: `The customer reports ${names.join(' and ')}, which the confirmed facts do not cover.`,
    });
  } else if (ticket.productArea && !areas.includes(ticket.productArea)) {
    found.push({
      code: 'new-symptom',
      detail: `The customer reports a problem in ${ticket.productArea}, which is not among the affected areas (${areas.join(', ')}).`,
    });
  }
  const tier = ticket.accountTier?.toLowerCase();
  const highTier = tier !== undefined && runbook.highImpact.tiers.some((t) => t.toLowerCase() === tier);
  if (highTier || ticket.flags.length > 0) {
    const why = [
      ...(highTier ? [`${ticket.accountTier} tier`] : []),
      ...ticket.flags.map((f) => f.replace(/-/g, ' ')),
    ];
    found.push({
      code: 'high-impact-account',
      detail: `The account has high business impact (${why.join(', ')}); its thread needs one owner.`,
    });
  }
  // What the approved wording says: still failing, or fixed/being monitored.
  const saysFailing =
    update !== undefined && (update.status === 'investigating' || update.status === 'identified');
  const working = ticket.reportsWorking ?? saysItWorksAgain(ticket.text);
  if (saysFailing && working) {
    found.push({
      code: 'wording-mismatch',
      detail: 'The customer says it works again, while the approved update still says it is failing.',
    });
  }
  const stillFailing =
    !working &&
    (reported.some((s) => known.has(s)) ||
      (ticket.productArea !== undefined && areas.includes(ticket.productArea)));
  if (update && stillFailing && (!saysFailing || isRecovered(state))) {
    const claim =
      update.status === 'monitoring'
        ? 'the approved update says a fix is out and being monitored'
        : update.status === 'resolved'
          ? 'the approved update says it is resolved'
          : 'the incident lead has confirmed recovery';
    found.push({ code: 'wording-mismatch', detail: `The customer still sees the problem, while ${claim}.` });
  }
  const regions = [...new Set([...(state.facts.regions?.value ?? []), ...(update?.regions ?? [])])];
  if (ticket.region && regions.length > 0 && !regions.some((r) => sameRegion(r, ticket.region!))) {
    found.push({
      code: 'wording-mismatch',
      detail: `The customer is in ${ticket.region}, which is not among the confirmed regions (${regions.join(', ')}).`,
    });
  }
  const sensitive = sensitiveTopics(ticket.text).filter((t) => APPROVER_TOPICS.includes(t));
  if (topic === 'data-safety' && !sensitive.includes('dataLoss') && !sensitive.includes('security')) {
    sensitive.push('dataLoss');
  }
  if (sensitive.length > 0) {
    const deciders = [...new Set(sensitive.map((t) => runbook.approvals[t] ?? 'approver'))].map(
      (role) => holderOf(state, runbook, role)?.name ?? `the ${role}`,
    );
    found.push({
      code: 'needs-approval',
      detail: `The customer asks about ${sensitive.map((t) => TOPIC_WORDS[t]).join(' and ')}; only words approved by ${deciders.join(' and ')} may answer that.`,
    });
  }
  return found;
}

/**
 * Decides whether support reassures a customer with the approved reply or escalates the
 * ticket to the communication owner, and logs the question to the incident.
 *
 * Practice: reassure when the runbook covers the symptom and the approved message still fits;
 * escalate when the customer reports a new symptom, the account has high business impact, or
 * the approved wording no longer matches what the customer sees. Escalation goes to the
 * communication owner, never to an engineer.
 *
 * Escalates when (every reason that applies is listed in `findings`):
 * - no status update has been published (nothing approved to send);
 * - the reported symptom (`ticket.symptom`, else read from `ticket.text`) is not the incident's
 *   type, not an incident type of an affected area, and not in `facts.symptom`; or
 *   `ticket.productArea` is not an affected area;
 * - `ticket.accountTier` is one of `runbook.highImpact.tiers`, or the ticket carries any
 *   account flag (active launch, campaign, high order volume, high impact);
 * - the customer says it works again (`reportsWorking`, else read from `text`) while the
 *   status is `investigating`/`identified`; or still sees the problem after recovery was
 *   confirmed or the update says `monitoring`/`resolved`; or is in a region outside the confirmed regions;
 * - the customer asks about something only the named approver may answer (security, data
 *   safety, legal, refunds/credits, contract/SLA; found by the linter's `detectTopics` and the
 *   data-safety question topic), since the approved reply cannot answer it and support must
 *   not improvise.
 *
 * @param ticket - see `parseTicket`: `{ id, at, by, text, symptom?, productArea?, region?,
 *   reportsWorking?, accountId?, accountTier?, flags? }`.
 * @param state - the incident state.
 * @param runbook - the validated runbook.
 * @returns a {@link TriageResult}; `reply` (the current status update's text) only when
 *   reassuring, `escalateTo` only when escalating. `questionEvent` always (at `ticket.at`,
 *   actor `ticket.by`, from `support-reply`).
 * @throws {ValidationError} `input_invalid` when the ticket is malformed or names a product
 *   area the runbook does not list (path `ticket.productArea`).
 * @example
 * const result = triageTicket({ id: 'T-1', at: t(12), by: 'tom', text: 'My card payment failed' }, state, runbook);
 * result.decision; // 'reassure'
 * result.reply; // the current status update's text
 */
export function triageTicket(ticket: TicketInput, state: IncidentState, runbook: Runbook): TriageResult {
  const parsed = parseTicket(ticket, runbook);
  const { topic, event, routeTo } = routeWithSymptoms(
    parseQuestion({
      text: parsed.text,
      at: parsed.at,
      by: parsed.by,
      from: 'support-reply',
      ...(parsed.accountId ? { accountId: parsed.accountId } : {}),
    }),
    reportedSymptoms(parsed, runbook),
    state,
    runbook,
  );
  const found = findings(parsed, topic, state, runbook);
  const update = currentStatusUpdate(state);
  if (found.length === 0 && update) {
    return {
      decision: 'reassure',
      reason: `The approved update (version ${update.version}) covers what the customer reports; send it as written.`,
      findings: [],
      reply: update.text,
      replyVersion: update.version,
      topic,
      questionEvent: event,
    };
  }
  const owner = routeTo
    ? `Escalate to ${routeTo.name}, the communication owner.`
    : 'Nobody holds the communication owner role right now; ask the incident lead to name one.';
  return {
    decision: 'escalate',
    reason: [...found.map((f) => f.detail), owner].join(' '),
    findings: found,
    ...(routeTo ? { escalateTo: routeTo } : {}),
    topic,
    questionEvent: event,
  };
}
