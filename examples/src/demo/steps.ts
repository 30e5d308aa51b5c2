/**
 * @module demo/steps
 * The scenario's steps, each one small function of desk calls: what a person does at that
 * moment. The words are in `narrate.ts`; the clock and the reminders in `pacing.ts`.
 */
import {
  currentStatusUpdate,
  type DeliveryRoute,
  firstHourChecklist,
  type IncidentDesk,
  type MessageKind,
  NotAuthorizedError,
  outreachList,
  type Role,
  type Runbook,
  type SimulatedClock,
  type Status,
  salesActions,
} from '@incident-comms/core';
import type { DemoDelivery } from './delivery';
import { formatDiagnostics, formatRefusals } from './diagnostics';
import type { Narrator } from './narrate';
import type { Pacing } from './pacing';
import { createProgress } from './progress';
import {
  ACCOUNTS,
  CUSTOMER_CHECK,
  creditNoteText,
  DEMOS,
  INCIDENT,
  minute,
  RISKY_DRAFTS,
  TICKETS,
} from './scenario';
import type { Timeline } from './timeline';
import type { ScenarioOutcome } from './types';

/** What every step shares. */
export interface StepContext {
  desk: IncidentDesk;
  incidentId: string;
  runbook: Runbook;
  clock: SimulatedClock;
  delivery: DemoDelivery;
  pace: Pacing;
  say: Narrator;
  timeline: Timeline;
  outcome: ScenarioOutcome;
}

const person = (c: StepContext, role: Role) => c.runbook.roles[role].primary;
const state = (c: StepContext) => c.desk.state(c.incidentId)!;

/** The communication owner declares the incident; roles come from the runbook. */
export async function declare(c: StepContext): Promise<void> {
  const actor = person(c, 'communicationOwner').id;
  await c.pace.act(
    () => c.desk.declare({ incidentId: c.incidentId, actor, ...INCIDENT }),
    () => c.say.declared(),
  );
}

/** The incident lead confirms facts at `at`. */
export async function confirmFacts(
  c: StepContext,
  at: string,
  facts: Parameters<IncidentDesk['confirmFacts']>[1]['facts'],
  summary?: string,
): Promise<void> {
  await c.pace.advanceTo(at);
  const actor = person(c, 'incidentLead').id;
  await c.pace.act(
    () => c.desk.confirmFacts(c.incidentId, { actor, facts }),
    () => c.say.factsConfirmed(facts, summary),
  );
}

/** One scheduled status update: when it is drafted, approved and published. */
export interface UpdatePlan {
  kind: MessageKind;
  status: Status;
  draftAt: string;
  grantAt: string;
  publishAt: string;
  note: string;
  followUpAt?: string;
}

/**
 * One customer update, the way the communication owner does it: the desk drafts every
 * audience's message from the template, the approvers grant, the desk publishes and delivers.
 */
export async function statusUpdate(c: StepContext, plan: UpdatePlan): Promise<void> {
  const { desk, incidentId, pace, say } = c;
  await pace.advanceTo(plan.draftAt);
  const { followUpAt } = plan;
  const release = await pace.act(() =>
    desk.draft(incidentId, { kind: plan.kind, status: plan.status, ...(followUpAt ? { followUpAt } : {}) }),
  );
  const version = release.statusUpdate.version;
  const requests = await pace.act(() => desk.requestApprovals(incidentId, release.draftId));
  say.drafted(version, plan.kind, plan.note, requests);

  await pace.advanceTo(plan.grantAt);
  for (const request of requests) {
    const approver = request.approver!;
    await pace.act(
      () =>
        desk.approve(incidentId, {
          draftId: release.draftId,
          gate: request.gate,
          actor: approver.id,
          releaseHash: release.hash,
        }),
      () => say.approved(approver.name, request.gate, version),
    );
  }

  await pace.advanceTo(plan.publishAt);
  const progress = createProgress(`update ${version}`, c.timeline);
  const routes = c.delivery.routes(c.outcome.accountEmails);
  const published = await pace.act(
    () => desk.publish(incidentId, release.draftId, { routes, events: progress.events }),
    (result) => {
      if (!result.ok)
        throw new Error(`demo bug: update ${version} was refused:\n${refusalLines(result).join('\n')}`);
      const customer = result.messages.find((m) => m.audience === 'customer')!;
      const warnings = result.warnings.map((w) => `lint warning ${w.ruleId}: ${w.message}`);
      say.published(result.statusUpdate, result.routes, warnings, customer.text, followUpAt);
    },
  );
  if (!published.ok) return;
  const batch = progress.finish(published.delivery, published.release, published.routes);
  say.delivered(batch.line, batch.problems);
  c.outcome.deliveryLines.push(...batch.sent);
  c.outcome.published.push(published.statusUpdate);
  c.outcome.rendered.push(published.release.messages);
  c.outcome.routes.push(published.routes);
  if (published.delivery) c.outcome.deliveries.push(published.delivery);
}

const refusalLines = (result: {
  reasons: Parameters<typeof formatRefusals>[0];
  diagnostics: Parameters<typeof formatDiagnostics>[0];
}) => [...formatRefusals(result.reasons), ...formatDiagnostics(result.diagnostics)];

/** Customer success lists the accounts that get a personal note (and every update). */
export async function customerSuccessOutreach(c: StepContext): Promise<void> {
  await c.pace.advanceTo(minute(6));
  const accounts = ACCOUNTS.map(({ email: _email, ...account }) => account);
  const list = outreachList(accounts, state(c), c.runbook);
  const byId = new Map(ACCOUNTS.map((a) => [a.id, a.email]));
  c.outcome.accountEmails = list.map((item) => byId.get(item.accountId)!);
  c.say.outreach(list, ACCOUNTS.length);
}

/** The communication owner runs the first-hour checklist. */
export async function firstHour(c: StepContext): Promise<void> {
  c.say.firstHour(firstHourChecklist(state(c), c.runbook, c.clock.isoNow()));
}

/** Support triages each ticket; the desk logs its question. */
export async function supportTickets(c: StepContext): Promise<void> {
  for (const ticket of TICKETS) {
    await c.pace.advanceTo(ticket.at);
    await c.pace.act(
      () => c.desk.triage(c.incidentId, ticket),
      (result) => c.say.ticket(ticket, result),
    );
  }
}

/** Sales decides what to do with today's demos and renewals. */
export async function salesDemos(c: StepContext): Promise<void> {
  await c.pace.advanceTo(minute(14));
  for (const action of salesActions(DEMOS, state(c), c.runbook, c.clock.isoNow())) c.say.salesAction(action);
}

/** Two drafts written under pressure; the desk refuses both and records why. */
export async function riskyDrafts(c: StepContext): Promise<void> {
  for (const [index, risky] of RISKY_DRAFTS.entries()) {
    await c.pace.advanceTo(minute(16 + index));
    const { id, author: actor, audience, text } = risky;
    await c.pace.act(() => c.desk.draft(c.incidentId, { id, kind: 'update', audience, text, actor }));
    const result = await c.pace.act(() => c.desk.publish(c.incidentId, id, { actor }));
    if (result.ok) throw new Error(`demo bug: the risky draft ${id} was not blocked`);
    c.say.blocked(
      risky,
      result.reasons.length,
      formatDiagnostics(result.diagnostics),
      formatRefusals(result.reasons),
    );
    c.outcome.blocked.push({
      draftId: id,
      author: actor,
      audience,
      text,
      diagnostics: result.diagnostics,
      reasons: result.reasons.map((r) => r.ruleId ?? r.code),
    });
  }
}

/** Customer success drafts a credit offer; it waits for the named approver, then goes to the accounts only. */
export async function creditOffer(c: StepContext): Promise<void> {
  const { desk, incidentId, pace, say } = c;
  const cs = person(c, 'customerSuccess');
  await pace.advanceTo(minute(26));
  const current = currentStatusUpdate(state(c))!;
  const text = creditNoteText(say.zoned(current.nextUpdateAt!, 'cs-account'));
  const draftId = 'credit-campaign-accounts';
  // A side note is a release too: one audience, written by hand, with its own subject.
  const subject = `Credit for today's checkout problem: ${state(c).title}`;
  const audience = 'cs-account';
  const draft = {
    id: draftId,
    kind: 'update',
    audience,
    status: current.status,
    text,
    subject,
    actor: cs.id,
  } as const;
  const release = await pace.act(() => desk.draft(incidentId, draft));
  await pace.act(() => desk.requestApprovals(incidentId, draftId, { actor: cs.id }));
  say.creditDrafted(text, release.approvals);

  await pace.advanceTo(minute(27));
  const sales = person(c, 'sales').id;
  const refused = await desk.approve(incidentId, { draftId, gate: 'compensation', actor: sales }).then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(refused instanceof NotAuthorizedError))
    throw refused ?? new Error('demo bug: a sales rep could approve a credit');
  say.creditRefused(refused.message);

  await pace.advanceTo(minute(28));
  const lead = person(c, 'incidentLead').id;
  await pace.act(
    () => desk.approve(incidentId, { draftId, gate: 'facts', actor: lead }),
    say.creditFactsApproved,
  );
  const held = desk.check(incidentId, draftId, { sideNote: true });
  say.creditChecked(held.ok, held.ok ? [] : formatRefusals(held.reasons));

  await pace.advanceTo(minute(31));
  const approver = person(c, 'approver').id;
  await pace.act(
    () => desk.approve(incidentId, { draftId, gate: 'compensation', actor: approver }),
    say.creditApproved,
  );
  // A side note, not a status version: the current version stays the one story every team repeats.
  const recipients = c.outcome.accountEmails.map(c.delivery.address);
  const routes: DeliveryRoute[] = [{ channel: 'account-note', audience: 'cs-account', recipients }];
  const progress = createProgress('credit note', c.timeline);
  await pace.act(
    () => desk.sideNote(incidentId, draftId, { routes, actor: cs.id, events: progress.events }),
    (note) => {
      if (!note.ok)
        throw new Error(`demo bug: the credit note was refused:\n${refusalLines(note).join('\n')}`);
      say.creditSent(c.outcome.accountEmails.length);
      const batch = progress.finish(note.delivery, note.release, routes);
      say.delivered(batch.line, batch.problems);
      c.outcome.deliveryLines.push(...batch.sent);
    },
  );
  c.outcome.creditNote = {
    text,
    recipients: [...c.outcome.accountEmails],
    releasedAt: c.clock.isoNow(),
    approvals: Object.values(state(c).drafts[draftId]!.approvals).map((a) => ({
      gate: a.gate,
      by: a.decidedBy ?? '',
    })),
  };
}

/** Engineering reports recovery; the incident lead confirms it with a customer-facing check. */
export async function recover(c: StepContext): Promise<void> {
  const { desk, incidentId, pace, say } = c;
  await pace.advanceTo(minute(70));
  const note = 'the correction is live for all card traffic';
  const engineer = person(c, 'engineering').id;
  await pace.act(
    () => desk.startRecovery(incidentId, { actor: engineer, note }),
    () => say.recoveryStarted(note),
  );
  await pace.advanceTo(minute(75));
  say.dashboardsGreen();
  await pace.advanceTo(minute(76));
  const lead = person(c, 'incidentLead').id;
  const recoveredAt = minute(75);
  await pace.act(
    () => desk.confirmRecovery(incidentId, { actor: lead, customerCheck: CUSTOMER_CHECK, recoveredAt }),
    () => say.recoveryConfirmed(recoveredAt, CUSTOMER_CHECK),
  );
}
