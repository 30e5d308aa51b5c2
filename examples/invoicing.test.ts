/**
 * The second example runbook end to end: an invoicing company with customers in London and
 * Chicago, its own severity ladder and incident type, and a "regulator" topic only its legal
 * reviewer may approve. A test incident goes through the desk to a real SMTP server on loopback
 * and the Slack Web API stub: each city's customers read their own zone, a draft naming the
 * regulator waits for the legal reviewer (nobody else can clear it), and the resolved message
 * names the runbook's own symptom.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEmailChannel } from '@incident-comms/channel-email';
import { type SmtpTestServer, startSmtpTestServer } from '@incident-comms/channel-email/testing';
import { createSlackChannel } from '@incident-comms/channel-slack';
import {
  createStubWebClient,
  type SlackApiStub,
  startSlackApiStub,
} from '@incident-comms/channel-slack/testing';
import {
  createIncidentDesk,
  createSimulatedClock,
  type DeliveryRoute,
  formatUpdateTime,
  type IncidentDesk,
  NotAuthorizedError,
  parseRunbook,
  planNextUpdateAt,
  type Runbook,
  renderRunbook,
} from '@incident-comms/core';
import { createVirtualClock } from '@incident-comms/core/testing';
import * as templates from '@incident-comms/templates';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const LONDON = 'finance@bakery.example.co.uk';
const CHICAGO = 'ap@deli.example.com';
const DENVER = 'books@ranch.example.com';
// The Chicago segment's recipients read Central time, except one route whose readers are in Denver.
const ROUTES: DeliveryRoute[] = [
  { channel: 'email', audience: 'customer', segment: 'customer-london', recipients: [LONDON] },
  {
    channel: 'email',
    audience: 'customer',
    segment: 'customer-chicago',
    timeZone: 'America/Chicago',
    recipients: [CHICAGO],
  },
  {
    channel: 'email',
    audience: 'customer',
    segment: 'customer-chicago',
    timeZone: 'America/Denver',
    recipients: [DENVER],
  },
  { channel: 'slack', audience: 'internal', recipients: ['C0INCIDENTS'] },
];
// Wednesday 14 January 2026, 15:00 UTC: 15:00 GMT in London, 9:00 AM CST in Chicago.
const START = '2026-01-14T15:00:00Z';

let runbook: Runbook;
let smtp: SmtpTestServer;
let slack: SlackApiStub;
let transport: ReturnType<typeof nodemailer.createTransport>;

beforeAll(async () => {
  runbook = parseRunbook(await readFile(join(HERE, 'invoicing-runbook.yaml'), 'utf8'), {
    source: 'invoicing-runbook.yaml',
    checks: [templates.checkRunbookTemplates],
  });
  smtp = await startSmtpTestServer();
  slack = await startSlackApiStub();
  transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, ignoreTLS: true });
});
afterAll(async () => {
  transport.close();
  await smtp.close();
  await slack.close();
});

function deskOn(clock: ReturnType<typeof createSimulatedClock>): IncidentDesk {
  return createIncidentDesk({
    runbook,
    templates,
    clock,
    routes: ROUTES,
    channels: [
      createEmailChannel({ transport, from: 'status@ledgerly.example', replyTo: 'hana@ledgerly.example' }),
      createSlackChannel({ client: createStubWebClient(slack), clock: createVirtualClock() }),
    ],
  });
}

async function approveAll(desk: IncidentDesk, id: string, draftId: string) {
  for (const ask of await desk.requestApprovals(id, draftId)) {
    await desk.approve(id, { draftId, gate: ask.gate, actor: ask.approver!.id });
  }
}

async function publishOk(desk: IncidentDesk, id: string, draftId: string) {
  const result = await desk.publish(id, draftId);
  if (!result.ok) throw new Error(result.reasons.map((r) => r.message).join('\n'));
  return result;
}

describe('the invoicing runbook, end to end through the desk', () => {
  it('loads its own roles, topics, segments and incident type', () => {
    expect(runbook.roles.legalReviewer?.primary.name).toBe('Lena Fischer');
    expect(runbook.approvals.regulator).toBe('legalReviewer');
    expect(Object.keys(runbook.audiences)).toEqual(['customer-london', 'customer-chicago']);
    expect(runbook.severityLadder.map((level) => level.id)).toEqual(['SEV0', 'SEV1', 'SEV2', 'SEV3']);
    expect(runbook.incidentTypes['invoices-not-sending']?.symptom).toBe(
      'invoices are not being sent to your customers',
    );
    // The one-page runbook a new rep reads is this company's, not the built-in lists.
    const { markdown } = renderRunbook(runbook);
    for (const words of [
      'Legal reviewer',
      'Lena Fischer',
      'mentions a regulator',
      'SEV0',
      'Invoices not sending',
      'America/Chicago',
    ])
      expect(markdown).toContain(words);
  });

  it('gives each city its own zone, holds the regulator for legal, and names the symptom when resolved', async () => {
    const clock = createSimulatedClock(START);
    const nowIso = () => new Date(clock.now()).toISOString();
    const desk = deskOn(clock);
    const { incidentId: id } = await desk.declare({
      incidentId: 'inc-invoices',
      actor: 'hana',
      title: 'Invoices not sending',
      incidentType: 'invoices-not-sending',
      severity: 'SEV1',
    });
    clock.advanceBy(4);
    await desk.confirmFacts(id, {
      actor: 'noor',
      facts: {
        symptom: 'invoices are not being sent to your customers',
        affected: 'customers sending invoices by email',
        scope: 'many',
        unknowns: ['why the sending queue stopped'],
        teamAction: 'Engineers are restarting the invoice sending queue.',
        customerAction: 'Please do not resend invoices; queued ones go out once sending recovers.',
      },
    });

    // The first note: one release, a message per city, all approved together.
    clock.advanceBy(1);
    const first = await desk.draft(id, { kind: 'initial' });
    const byCity = (segment: string) => first.messages.find((m) => m.segment === segment)!;
    expect(byCity('customer-london').timeZone).toBe('Europe/London');
    expect(byCity('customer-chicago').timeZone).toBe('America/Chicago');
    // A route's readers in another zone get the segment's message written in their zone.
    expect(first.messages.filter((m) => m.segment === 'customer-chicago').map((m) => m.timeZone)).toEqual([
      'America/Chicago',
      'America/Denver',
    ]);
    await approveAll(desk, id, first.draftId);
    const published = await publishOk(desk, id, first.draftId);
    expect(published.delivery?.totals.sent).toBe(4);
    const london = (await smtp.parsed(LONDON)).at(-1)!;
    const chicago = (await smtp.parsed(CHICAGO)).at(-1)!;
    const next = published.statusUpdate.nextUpdateAt!;
    expect(london.text).toContain(
      formatUpdateTime(next, 'Europe/London', { relativeTo: published.statusUpdate.publishedAt }),
    );
    expect(london.text).toMatch(/\b\d{1,2}:\d{2} (?:GMT|BST)\b/);
    expect(london.text).not.toMatch(/\b(?:CT|CST|CDT)\b/);
    expect(chicago.text).toMatch(/\b\d{1,2}:\d{2} [AP]M CT\b/);
    expect(chicago.text).not.toMatch(/\b(?:GMT|BST)\b/);
    expect((await smtp.parsed(DENVER)).at(-1)!.text).toMatch(/\b\d{1,2}:\d{2} [AP]M MT\b/);

    // A Chicago agent writes "CT" by hand: linted in Chicago's zone, it goes out as written.
    clock.advanceBy(10);
    const planned = planNextUpdateAt(runbook, 'SEV1', 'investigating', nowIso())!;
    const ct = formatUpdateTime(planned, 'America/Chicago', { relativeTo: nowIso() });
    const handWritten = `Invoices are still not being sent to your customers. Engineers are restarting the invoice sending queue. Please do not resend invoices. Next update by ${ct}.`;
    const update = await desk.draft(id, { kind: 'update', segment: 'customer-chicago', text: handWritten });
    expect(update.messages.find((m) => m.segment === 'customer-chicago')?.text).toBe(handWritten);
    const check = desk.check(id, update.draftId);
    const found = check.ok ? check.warnings : check.diagnostics;
    expect(found.filter((d) => d.ruleId === 'next-update-time')).toEqual([]);
    await approveAll(desk, id, update.draftId);
    await publishOk(desk, id, update.draftId);
    expect((await smtp.parsed(CHICAGO)).at(-1)!.text!.trim()).toBe(handWritten);

    // Mentioning the regulator: the draft waits for the legal reviewer, and only for her.
    clock.advanceBy(5);
    const regulated = await desk.draft(id, {
      kind: 'update',
      text: `Invoices are still not being sent to your customers. We have told the FCA about the delay. Engineers are restarting the invoice sending queue. Next update by ${formatUpdateTime(planNextUpdateAt(runbook, 'SEV1', 'investigating', nowIso())!, 'Europe/London', { relativeTo: nowIso() })}.`,
    });
    const gate = regulated.approvals.find((g) => g.id === 'regulator');
    expect(gate).toMatchObject({ role: 'legalReviewer', approver: { id: 'lena' } });
    expect(gate?.reason).toMatch(/regulator/);
    const asks = await desk.requestApprovals(id, regulated.draftId);
    await desk.approve(id, { draftId: regulated.draftId, gate: 'facts', actor: 'noor' });
    const waiting = await desk.publish(id, regulated.draftId);
    expect(!waiting.ok && waiting.reasons.map((r) => r.gate)).toContain('regulator');
    for (const actor of ['grace', 'theo', 'noor', 'hana', 'omar']) {
      await expect(
        desk.approve(id, { draftId: regulated.draftId, gate: 'regulator', actor }),
      ).rejects.toThrow(NotAuthorizedError);
    }
    expect(asks.find((a) => a.gate === 'regulator')?.approver?.id).toBe('lena');
    await desk.approve(id, { draftId: regulated.draftId, gate: 'regulator', actor: 'lena' });
    await publishOk(desk, id, regulated.draftId);

    // Resolved: the message names the runbook's own symptom.
    clock.advanceBy(20);
    await desk.confirmRecovery(id, {
      actor: 'noor',
      customerCheck: 'Sent a real invoice from a London and a Chicago account',
    });
    const resolved = await desk.draft(id, { kind: 'resolved' });
    await approveAll(desk, id, resolved.draftId);
    await publishOk(desk, id, resolved.draftId);
    for (const to of [LONDON, CHICAGO]) {
      const mail = (await smtp.parsed(to)).at(-1)!;
      expect(mail.subject).toMatch(/^Resolved/);
      // The runbook's own wording of its incident type, not another type's.
      const type = runbook.incidentTypes['invoices-not-sending']!;
      // Resolved messages name the symptom in the type's own words.
      expect(mail.text).toContain(`The problem where ${type.symptom}`);
      expect(mail.text).toContain(type.phrases.experienced);
      expect(mail.text).toContain(type.phrases.afterRecovery);
      expect(mail.text).not.toMatch(/email and integration syncs|checkout|sign-in/i);
    }
    expect(slack.posts('C0INCIDENTS').length).toBe(4);
    desk.stop();
  });
});
