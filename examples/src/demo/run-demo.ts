/**
 * @module demo/run-demo
 * The Tuesday checkout outage end to end on a simulated clock, through the incident desk:
 * approvals, publishing every audience's message, real delivery over SMTP and the Slack Web
 * API (local by default), the team playbooks, blocked drafts, a gated credit offer and the review.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createIncidentDesk,
  createSimulatedClock,
  type Role,
  renderReview,
  reviewIncident,
} from '@incident-comms/core';
import { loadRunbook } from '@incident-comms/core/node';
import { createSqliteStore } from '@incident-comms/store-sqlite';
import * as templates from '@incident-comms/templates';
import { type DemoDelivery, startDelivery } from './delivery';
import { createNarrator } from './narrate';
import { createPacing } from './pacing';
import { printReceived, receivedEmails, receivedSlackPosts } from './received';
import { ALERT_AT, INCIDENT, INCIDENT_ID } from './scenario';
import { startStatusPage } from './status-page';
import type { StepContext } from './steps';
import { playCheckoutOutage } from './story';
import { startTeamsAndWebhook, TEAMS_WEBHOOK } from './teams-and-webhook';
import { createTimeline } from './timeline';
import type { DemoResult, RunDemoOptions, ScenarioOutcome } from './types';

export type {
  BlockedDraft,
  CreditNote,
  DemoResult,
  ReceivedEmail,
  ReceivedSlackPost,
  RunDemoOptions,
} from './types';

const EXAMPLES_DIR = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Runs the checkout-outage scenario end to end and reports what was delivered.
 *
 * Steps (times ET, on a simulated clock; nothing waits for real): 9:10 SEV1 declared and roles
 * assigned from the runbook; 9:15 facts confirmed; first update approved and published by 9:19
 * and delivered by email and Slack; support, sales and customer success playbooks; two risky
 * drafts blocked by lint; a credit offer held for the approver; updates on the 15-minute SEV1
 * rhythm; recovery confirmed with a real card order; the resolved message; the review.
 *
 * @param options - `quiet`, `outputDir`, `env`, `runbookPath`, `write`.
 * @returns a {@link DemoResult}; servers and pools are closed before it resolves.
 * @throws whatever fails in the scenario (a refused publish is a bug in the demo, so it throws).
 * @example
 * const result = await runDemo({ quiet: true, outputDir: '/tmp/demo' });
 * result.published.length; // 6
 */
export async function runDemo(options: RunDemoOptions = {}): Promise<DemoResult> {
  const runbookPath = options.runbookPath ?? join(EXAMPLES_DIR, 'runbook.yaml');
  const outputDir = resolve(options.outputDir ?? join(EXAMPLES_DIR, 'output'));
  const runbook = await loadRunbook(runbookPath, { checks: [templates.checkRunbookTemplates] });
  const timeline = createTimeline({ quiet: options.quiet, write: options.write });
  const role = (r: Role) => runbook.roles[r].primary;
  const delivery = await startDelivery(options.env ?? process.env, {
    status: { name: 'Acme Status', address: 'status@acme.example' },
    owner: {
      name: role('communicationOwner').name,
      address: role('communicationOwner').email ?? 'status@acme.example',
    },
    accounts: {
      name: `${role('customerSuccess').name} (Acme)`,
      address: role('customerSuccess').email ?? 'success@acme.example',
    },
  });
  const work = await mkdtemp(join(tmpdir(), 'incident-comms-demo-'));
  const store = createSqliteStore({ path: join(work, 'incident.db') });
  const clock = createSimulatedClock(ALERT_AT);
  // Teams (the internal summary) and a signed webhook (the customer version to a billing
  // service) beside Slack and email: every channel delivers the same approved release.
  const extra = await startTeamsAndWebhook(runbook.sourceOfTruth);
  const routed: DemoDelivery = {
    ...delivery,
    routes: (emails) => [...delivery.routes(emails), ...extra.routes],
  };
  const channels = [...delivery.channels, delivery.noteChannel, ...extra.channels];
  const desk = createIncidentDesk({ runbook, templates, events: store, outbox: store, channels, clock });
  const page = await startStatusPage(desk, runbook, clock);
  const cli = options.write === undefined && !options.quiet;
  if (cli)
    console.log(
      `The source-of-truth page: ${page.url}\n` +
        '  It is served only while the demo runs (it stops when the demo exits, in a few seconds);\n' +
        '  open it now to watch the outage play.\n',
    );
  try {
    timeline.raw(preface(runbookPath, delivery));
    const say = createNarrator({ timeline, runbook, clock, delivery });
    const pace = createPacing({
      desk,
      clock,
      runbook,
      incidentId: INCIDENT_ID,
      say,
      ownerId: role('communicationOwner').id,
    });
    const outcome: ScenarioOutcome = {
      published: [],
      rendered: [],
      deliveryLines: [],
      routes: [],
      deliveries: [],
      accountEmails: [],
      blocked: [],
      creditNote: undefined,
    };
    const context: StepContext = {
      desk,
      incidentId: INCIDENT_ID,
      runbook,
      clock,
      delivery: routed,
      pace,
      say,
      timeline,
      outcome,
    };
    await playCheckoutOutage(context);

    const events = await store.load(INCIDENT_ID);
    const review = reviewIncident(events, runbook);
    const reviewMarkdown = renderReview(review);
    const emails = await receivedEmails(delivery);
    const slackPosts = receivedSlackPosts(delivery);
    printReceived(timeline, delivery, emails, slackPosts, outcome);
    for (const line of extra.summary()) timeline.raw(`  ${line}\n`);
    const tamper = await extra.tamperCheck();
    timeline.raw(
      `  A tampered copy of the last webhook was refused: HTTP ${tamper.status} (${tamper.code ?? 'no code'}).\n`,
    );

    // The review is printed, not kept in the transcript: it has its own file.
    timeline.heading('Review (also in review.md)');
    for (const line of reviewMarkdown.trimEnd().split('\n')) timeline.raw(`  ${line}\n`);
    await mkdir(outputDir, { recursive: true });
    const files = {
      transcript: join(outputDir, 'transcript.md'),
      review: join(outputDir, 'review.md'),
      deliveries: join(outputDir, 'deliveries.jsonl'),
    };
    await writeFile(files.transcript, timeline.toMarkdown(`Transcript: ${INCIDENT.title} (${INCIDENT_ID})`));
    await writeFile(files.review, reviewMarkdown);
    await writeFile(
      files.deliveries,
      outcome.deliveryLines.map((line) => `${JSON.stringify(line)}\n`).join(''),
    );
    timeline.raw(`\nWrote ${files.transcript}\n      ${files.review}\n      ${files.deliveries}\n`);
    if (cli) await page.holdOpen();

    const state = desk.state(INCIDENT_ID)!;
    const { mode } = delivery;
    const peers = {
      teamsCards: extra.teams.posts(TEAMS_WEBHOOK).length,
      webhooksVerified: extra.receiver.requests.filter((r) => r.status === 200).length,
      tamper,
    };
    return {
      incidentId: INCIDENT_ID,
      runbook,
      peers,
      ...outcome,
      emails,
      slackPosts,
      mode,
      events,
      state,
      review,
      reviewMarkdown,
      files,
    };
  } finally {
    await page.close();
    await extra.close();
    desk.stop();
    await delivery.close();
    store.close();
    await rm(work, { recursive: true, force: true });
  }
}

function preface(runbookPath: string, delivery: DemoDelivery): string {
  const email = delivery.smtp
    ? `a real SMTP server on 127.0.0.1:${delivery.smtp.port} (smtp-server, started by this demo)`
    : 'the SMTP server in SMTP_URL';
  const slack = delivery.slackStub
    ? `a local Slack Web API stub at ${delivery.slackStub.url}`
    : 'your Slack workspace (SLACK_TOKEN, SLACK_CHANNEL)';
  return [
    `incident-comms demo: ${INCIDENT.title.toLowerCase()} on Tuesday 3 March 2026`,
    `  runbook   ${relative(process.cwd(), runbookPath) || runbookPath}`,
    '  clock     simulated from 9:10 AM ET; nothing waits for real',
    `  email     ${email}`,
    `  Slack     ${slack}`,
    ...(delivery.smtp || delivery.slackStub
      ? [
          '  Set SMTP_URL, or SLACK_TOKEN and SLACK_CHANNEL, to deliver to real services (see examples/README.md).',
        ]
      : []),
    '',
  ].join('\n');
}
