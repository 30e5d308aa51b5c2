/**
 * @module demo/run-demo
 * The Tuesday checkout outage end to end on a simulated clock: the coordinator, approvals,
 * publishing, rendering for every audience, real delivery over SMTP and the Slack Web API
 * (local by default), the team playbooks, blocked drafts, a gated credit offer and the review.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type ApprovedMessage,
  approvedRelease,
  audienceTimeZone,
  createCoordinator,
  createSimulatedClock,
  currentStatusUpdate,
  type DeliveryRoute,
  type Diagnostic,
  type Draft,
  engineeringShield,
  type FactsInput,
  firstHourChecklist,
  formatUpdateTime,
  type IncidentEvent,
  type IncidentReview,
  type IncidentState,
  type MessageKind,
  NotAuthorizedError,
  outreachList,
  type PublishResult,
  planNextUpdateAt,
  previewStatusUpdate,
  publish,
  QUESTION_TOPIC_LABELS,
  type QuestionTopic,
  type ReleaseMessage,
  type Role,
  type Runbook,
  releaseDraft,
  releaseNote,
  renderReview,
  requestApprovals,
  requiredApprovals,
  reviewIncident,
  roleAssignmentsFromRunbook,
  roleWords,
  type Status,
  type StatusUpdate,
  salesActions,
  triageTicket,
} from '@incident-comms/core';
import { loadRunbook } from '@incident-comms/core/node';
import { createSqliteStore } from '@incident-comms/store-sqlite';
// Importing the templates package also registers its runbook check, so load the runbook after it.
import { renderRelease } from '@incident-comms/templates';
import { simpleParser } from 'mailparser';
import { type DeliveryEnv, type DemoDelivery, startDelivery } from './delivery';
import { formatDiagnostics, formatRefusals } from './diagnostics';
import { type DeliveryLine, deliverWithProgress } from './progress';
import {
  ACCOUNTS,
  ALERT_AT,
  CUSTOMER_CHECK,
  creditNoteText,
  DEMOS,
  FIRST_FACTS,
  FIX_FACTS,
  FOLLOW_UP_AT,
  INCIDENT,
  INCIDENT_ID,
  minute,
  NARROWED_FACTS,
  RISKY_DRAFTS,
  TICKETS,
} from './scenario';
import { createTimeline, TIMELINE_ZONE, type Timeline, wrapText } from './timeline';

/** Options of {@link runDemo}. */
export interface RunDemoOptions {
  /** Print nothing; the transcript and review files are still written. Default false. */
  quiet?: boolean | undefined;
  /** Where `transcript.md` and `review.md` go. Default `examples/output`. */
  outputDir?: string | undefined;
  /** Real-service switches; default `process.env` (see examples/README.md). */
  env?: DeliveryEnv | undefined;
  /** The runbook file. Default `examples/runbook.yaml`. */
  runbookPath?: string | undefined;
  /** Where printed text goes; default the terminal. */
  write?: ((text: string) => void) | undefined;
}

/** An email as the SMTP server received it (parsed with mailparser). */
export interface ReceivedEmail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  inReplyTo: string | undefined;
}

/** A `chat.postMessage` call as the Slack stub received it. */
export interface ReceivedSlackPost {
  channel: string;
  /** The plain-text fallback. */
  text: string;
  /** Every mrkdwn text of the Block Kit blocks, joined by newlines. */
  blocksText: string;
  threadTs: string | undefined;
}

/** A draft that `publish` refused. */
export interface BlockedDraft {
  draftId: string;
  author: string;
  audience: string;
  text: string;
  diagnostics: Diagnostic[];
  reasons: string[];
}

/** The approved credit note released to the campaign accounts. */
export interface CreditNote {
  text: string;
  recipients: string[];
  /** ISO-8601 UTC instant of release. */
  releasedAt: string;
  /** The gates and who granted them. */
  approvals: Array<{ gate: string; by: string }>;
}

/** What {@link runDemo} returns, for tests and for hosts that want to look inside. */
export interface DemoResult {
  incidentId: string;
  runbook: Runbook;
  /** Every published status-update version, oldest first. */
  published: StatusUpdate[];
  /** Per version (same order), every audience's approved message. */
  rendered: ReleaseMessage[][];
  /** Every delivery sent (versions and the side note): one line each of `deliveries.jsonl`. */
  deliveryLines: DeliveryLine[];
  /** Per version, the routes it was delivered on. */
  routes: DeliveryRoute[][];
  /** Per version, what the publisher reported. */
  deliveries: PublishResult[];
  /** Accounts customer success wrote to (their email addresses). */
  accountEmails: string[];
  blocked: BlockedDraft[];
  creditNote: CreditNote | undefined;
  /** What the local SMTP server received (empty when `SMTP_URL` sends to a real server). */
  emails: ReceivedEmail[];
  /** What the local Slack stub received (empty when posting to real Slack). */
  slackPosts: ReceivedSlackPost[];
  mode: DemoDelivery['mode'];
  /** The incident log as stored. */
  events: IncidentEvent[];
  state: IncidentState;
  review: IncidentReview;
  reviewMarkdown: string;
  files: { transcript: string; review: string; deliveries: string };
}

const EXAMPLES_DIR = fileURLToPath(new URL('../../', import.meta.url));

const SALES_VERBS = {
  reschedule: 'reschedules',
  continue: 'keeps',
  'pause-promise': 'pauses promises in',
} as const;

/** A question topic as people read it (`sign-in`, `billing / double charge`); other topics as logged. */
const topicLabel = (topic: string) => QUESTION_TOPIC_LABELS[topic as QuestionTopic] ?? topic;

/** Confirmed-fact fields as the timeline names them. */
const FACT_LABELS: Record<string, string> = {
  symptom: 'what customers see',
  affected: 'who',
  scope: 'scope',
  unknowns: 'still unknown',
  cause: 'cause',
  workaround: 'workaround',
  customerAction: 'customers should',
  teamAction: 'team',
};

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
  const runbook = await loadRunbook(runbookPath);
  const timeline = createTimeline({ quiet: options.quiet, write: options.write });
  const people = peopleOf(runbook);
  const who = (id: string) => people.get(id)?.name ?? id;
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
  let work: string | undefined;
  let store: ReturnType<typeof createSqliteStore<IncidentEvent>> | undefined;
  let coordinator: ReturnType<typeof createCoordinator> | undefined;
  try {
    work = await mkdtemp(join(tmpdir(), 'incident-comms-demo-'));
    store = createSqliteStore<IncidentEvent>({ path: join(work, 'incident.db') });
    const clock = createSimulatedClock(ALERT_AT);
    coordinator = createCoordinator({ runbook, clock, store });
    timeline.raw(preface(runbookPath, delivery));

    const scenario = createScenario({ runbook, timeline, coordinator, clock, store, delivery, who });
    const outcome = await scenario.run();
    const events = await store.load(INCIDENT_ID);
    const review = reviewIncident(events, runbook);
    const reviewMarkdown = renderReview(review);

    const emails = await receivedEmails(delivery);
    const slackPosts = receivedSlackPosts(delivery);
    printReceived(timeline, delivery, emails, slackPosts, outcome);

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

    return {
      incidentId: INCIDENT_ID,
      runbook,
      ...outcome,
      emails,
      slackPosts,
      mode: delivery.mode,
      events,
      state: coordinator.state(INCIDENT_ID)!,
      review,
      reviewMarkdown,
      files,
    };
  } finally {
    coordinator?.stop();
    await delivery.close();
    store?.close();
    if (work) await rm(work, { recursive: true, force: true });
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

function peopleOf(runbook: Runbook): Map<string, { name: string; role: Role }> {
  const people = new Map<string, { name: string; role: Role }>();
  for (const [r, holders] of Object.entries(runbook.roles) as Array<[Role, Runbook['roles'][Role]]>) {
    people.set(holders.primary.id, { name: holders.primary.name, role: r });
    people.set(holders.backup.id, { name: holders.backup.name, role: r });
  }
  return people;
}

interface ScenarioDeps {
  runbook: Runbook;
  timeline: Timeline;
  coordinator: ReturnType<typeof createCoordinator>;
  clock: ReturnType<typeof createSimulatedClock>;
  store: ReturnType<typeof createSqliteStore<IncidentEvent>>;
  delivery: DemoDelivery;
  who: (id: string) => string;
}

type ScenarioOutcome = Pick<
  DemoResult,
  | 'published'
  | 'rendered'
  | 'routes'
  | 'deliveries'
  | 'deliveryLines'
  | 'accountEmails'
  | 'blocked'
  | 'creditNote'
>;

/** The scenario's steps, sharing the coordinator, the clock and the narrator. */
function createScenario(deps: ScenarioDeps) {
  const { runbook, timeline, coordinator, clock, store, delivery, who } = deps;
  const holder = (r: Role) => runbook.roles[r].primary;
  const owner = holder('communicationOwner');
  const lead = holder('incidentLead');
  const et = (at: string) => formatUpdateTime(at, TIMELINE_ZONE);
  const zoned = (at: string, audience: ApprovedMessage['audience']) =>
    formatUpdateTime(at, audienceTimeZone(runbook, audience), { relativeTo: clock.isoNow() });
  const now = () => clock.isoNow();
  const state = () => coordinator.state(INCIDENT_ID)!;

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
  // Reminders the coordinator emits while an event is being applied are printed after the line
  // that narrates the event, so the timeline reads cause first, then the reminder.
  let deferred: Array<() => void> | undefined;
  let dueCheckpoints = 0;
  let holding = false;
  const remind = (print: () => void) => (deferred ? deferred.push(print) : print());

  coordinator.on('update.due', (r) =>
    remind(() =>
      timeline.event(
        r.at,
        'coordinator',
        `reminds ${r.owner?.name ?? 'nobody (ownership gap!)'}: the next update is due at ${et(r.dueAt)}, in ${r.leadMinutes} minutes`,
      ),
    ),
  );
  coordinator.on('update.overdue', (r) =>
    remind(() =>
      timeline.event(
        r.at,
        'coordinator',
        `⚠ the update promised for ${et(r.dueAt)} is late (${r.minutesLate} min)`,
      ),
    ),
  );
  coordinator.on('checkpoint.due', (r) => {
    const why = r.reasons.map((x) => x.reason.replace(/-/g, ' ')).join(', ');
    remind(() => timeline.event(r.at, 'coordinator', `engineering checkpoint due (${why || 'interval'})`));
    dueCheckpoints += 1;
  });

  /**
   * Appends one event through the coordinator, narrates it with `narrate` (only once it was
   * accepted), then prints the reminders it caused and holds a checkpoint that fell due.
   */
  async function dispatch(
    event: Parameters<typeof coordinator.dispatch>[1],
    narrate?: () => void,
  ): Promise<void> {
    deferred = [];
    try {
      await coordinator.dispatch(INCIDENT_ID, event);
    } catch (error) {
      deferred = undefined;
      throw error;
    }
    const reminders = deferred;
    deferred = undefined;
    narrate?.();
    for (const print of reminders) print();
    await holdDueCheckpoints();
  }

  /** Moves the simulated clock to `at`, holding each checkpoint the moment it falls due. */
  async function advanceTo(at: string): Promise<void> {
    for (;;) {
      const next = coordinator.scheduled(INCIDENT_ID)[0];
      if (!next || Date.parse(next.at) > Date.parse(at)) break;
      clock.advanceTo(next.at);
      await holdDueCheckpoints();
    }
    clock.advanceTo(at);
    await holdDueCheckpoints();
  }

  async function holdDueCheckpoints(): Promise<void> {
    if (holding || dueCheckpoints === 0) return;
    holding = true;
    try {
      dueCheckpoints = 0;
      const shield = engineeringShield(state(), runbook, now());
      const batches = shield.batches.map((b) => `${b.count}× ${topicLabel(b.topic)}`).join(', ');
      // A symptom the incident does not cover is raised first: it may change the scope.
      const newSymptoms = shield.newSymptoms.map(
        (s) =>
          `new symptom to check: ${s.name.toLowerCase()} (reported ${s.questions
            .map((q) => `by ${who(q.by)} at ${et(q.at)}`)
            .join(', ')})`,
      );
      const note = [...newSymptoms, ...(batches ? [`questions taken to engineering: ${batches}`] : [])].join(
        '; ',
      );
      await dispatch({ type: 'checkpoint.held', actor: owner.id, ...(note ? { note } : {}) }, () =>
        timeline.event(
          now(),
          owner.name,
          `checks in with engineering (${lead.name}); ${
            shield.newQuestionCount === 0
              ? 'no new customer questions to pass on'
              : `passes on ${shield.newQuestionCount} batched question${shield.newQuestionCount === 1 ? '' : 's'}: ${batches}`
          }`,
          newSymptoms,
        ),
      );
    } finally {
      holding = false;
    }
  }

  /**
   * One customer update, the way the communication owner does it: draft from the template at
   * `draftAt`, ask for approval, the incident lead grants at `grantAt`, publish at `publishAt`,
   * render every audience from the published version and deliver.
   */
  async function statusUpdate(step: {
    kind: MessageKind;
    status: Status;
    draftAt: string;
    grantAt: string;
    publishAt: string;
    note: string;
    followUpAt?: string;
  }): Promise<StatusUpdate> {
    await advanceTo(step.draftAt);
    const version = state().updates.length + 1;
    const draftId = `update-v${version}`;
    const nextUpdateAt = planNextUpdateAt(runbook, state().severity, step.status, now());
    const renderOptions = { incidentId: INCIDENT_ID, followUpAt: step.followUpAt };
    const publishOptions = nextUpdateAt ? { nextUpdateAt } : {};
    // Render every audience's message from the exact version `publish` will create from this
    // draft: the release the approvers see is what delivery sends.
    const outline = {
      id: draftId,
      kind: step.kind,
      audience: 'customer' as const,
      status: step.status,
      basedOnFactsVersion: state().factsVersion,
    };
    const provisional = previewStatusUpdate(
      state(),
      { ...outline, text: '(draft)' },
      runbook,
      now(),
      publishOptions,
    );
    const draft: Draft = releaseDraft(outline, renderRelease(provisional, runbook, renderOptions));
    await dispatch({ type: 'draft.created', actor: owner.id, draft });
    const requests = requestApprovals(draft, state(), runbook, now(), owner.id);
    for (const request of requests) await dispatch(request);
    timeline.event(
      now(),
      owner.name,
      `drafts update ${version} (${step.kind}) from the runbook template: ${step.note}`,
      [`asks ${requests.map((r) => `${who(holder(r.role).id)} to approve the ${r.gate}`).join(', ')}`],
    );

    await advanceTo(step.grantAt);
    for (const request of requests) {
      const approver = holder(request.role);
      await dispatch(
        {
          type: 'approval.granted',
          actor: approver.id,
          draftId,
          revision: request.revision,
          gate: request.gate,
          releaseHash: state().drafts[draftId]!.releaseHash,
        },
        () => timeline.event(now(), approver.name, `approves the ${request.gate} of update ${version}`),
      );
    }

    await advanceTo(step.publishAt);
    const result = publish(state(), draft, runbook, now(), publishOptions);
    if (!result.ok) {
      throw new Error(
        `demo bug: update ${version} was refused:\n${[...formatRefusals(result.reasons), ...formatDiagnostics(result.diagnostics)].join('\n')}`,
      );
    }
    const update = result.statusUpdate;
    const messages = draft.messages!;
    const routes = delivery.routes(outcome.accountEmails);
    const next = update.nextUpdateAt
      ? `next update by ${zoned(update.nextUpdateAt, 'customer')} (Berlin accounts: ${zoned(update.nextUpdateAt, 'cs-account')})`
      : `follow-up by ${step.followUpAt ? zoned(step.followUpAt, 'customer') : 'a time to be set'}`;
    await dispatch(result.event, () => {
      timeline.event(now(), owner.name, `publishes update ${version} (${update.status}); ${next}`, [
        `to ${describeRoutes(routes, delivery)}`,
        ...result.warnings.map((w) => `lint warning ${w.ruleId}: ${w.message}`),
      ]);
      timeline.block(
        `customer email, update ${version}:`,
        wrap(messages.find((m) => m.audience === 'customer')!.text),
      );
    });

    const release = approvedRelease(state(), { version });
    const batch = await deliverWithProgress(
      `update ${version}`,
      { release, routes, channels: delivery.channels, outbox: store, retry: { maxAttempts: 3 } },
      timeline,
    );
    timeline.event(now(), 'delivery', batch.line, batch.problems);
    outcome.deliveryLines.push(...batch.sent);
    outcome.published.push(update);
    outcome.rendered.push(messages);
    outcome.routes.push(routes);
    outcome.deliveries.push(batch.result);
    return update;
  }

  async function declare(): Promise<void> {
    timeline.heading('9:10 AM ET: card charges start failing at checkout');
    await dispatch({ type: 'declared', actor: owner.id, ...INCIDENT }, () =>
      timeline.event(
        now(),
        owner.name,
        `declares ${INCIDENT.severity}: "${INCIDENT.title}" (${INCIDENT.incidentType})`,
        [
          `${runbook.severities[INCIDENT.severity].label}: update customers every ${runbook.cadence.minutes[INCIDENT.severity]} minutes; first update within ${runbook.cadence.firstUpdateTargetMinutes} minutes`,
        ],
      ),
    );
    const roles = roleAssignmentsFromRunbook(runbook);
    await dispatch({ type: 'roles.assigned', actor: owner.id, roles });
    timeline.event(now(), owner.name, 'assigns roles from runbook.yaml');
    timeline.table(
      ['role', 'primary', 'backup'],
      (Object.entries(runbook.roles) as Array<[Role, Runbook['roles'][Role]]>).map(([r, h]) => [
        roleWords(r).replace(/^the /, ''),
        h.primary.name,
        h.backup.name,
      ]),
    );
  }

  async function confirmFirstFacts(): Promise<void> {
    await advanceTo(minute(5));
    await dispatch({ type: 'facts.confirmed', actor: lead.id, facts: FIRST_FACTS }, () =>
      timeline.event(now(), lead.name, 'confirms the first facts', factLines(FIRST_FACTS)),
    );
  }

  async function customerSuccessOutreach(): Promise<void> {
    await advanceTo(minute(6));
    const accounts = ACCOUNTS.map(({ email: _email, ...account }) => account);
    const list = outreachList(accounts, state(), runbook);
    const byId = new Map(ACCOUNTS.map((a) => [a.id, a.email]));
    outcome.accountEmails = list.map((item) => byId.get(item.accountId)!);
    const cs = holder('customerSuccess');
    timeline.event(
      now(),
      cs.name,
      `lists ${list.length} of ${ACCOUNTS.length} accounts for a personal note (each update goes to them too)`,
      list.map((item) => `${item.rank}. ${item.name}: ${item.reason}`),
    );
  }

  async function firstHour(): Promise<void> {
    const items = firstHourChecklist(state(), runbook, now());
    timeline.event(
      now(),
      owner.name,
      `first-hour checklist: ${items.filter((i) => i.ok).length}/${items.length} done`,
      items.map((i) => `${i.ok ? '✔' : '✖'} ${i.id}: ${i.detail}`),
    );
  }

  async function supportTickets(): Promise<void> {
    const support = holder('support');
    for (const ticket of TICKETS) {
      await advanceTo(ticket.at);
      const result = triageTicket(ticket, state(), runbook);
      await dispatch(result.questionEvent);
      if (result.decision === 'reassure') {
        timeline.event(
          now(),
          support.name,
          `ticket ${ticket.id}: reassure with the approved reply (update ${result.replyVersion})`,
          [
            `customer: "${ticket.text}"`,
            `reply: "${wrapText(result.reply ?? '', 100)[0]} …"`,
            `logged question: ${topicLabel(result.topic)}`,
          ],
        );
      } else {
        timeline.event(
          now(),
          support.name,
          `ticket ${ticket.id}: escalate to ${result.escalateTo?.name ?? 'the incident lead'}`,
          [
            `customer: "${ticket.text}"`,
            ...result.findings.map((f) => `${f.code.replace(/-/g, ' ')}: ${f.detail}`),
            `logged question: ${topicLabel(result.topic)}`,
          ],
        );
      }
    }
  }

  async function salesDemos(): Promise<void> {
    await advanceTo(minute(14));
    const sales = holder('sales');
    for (const action of salesActions(DEMOS, state(), runbook, now())) {
      timeline.event(
        now(),
        sales.name,
        `${SALES_VERBS[action.action]} the ${et(action.at)} ${action.kind} with ${action.name ?? action.itemId}`,
        [action.reason],
      );
    }
  }

  async function riskyDrafts(): Promise<void> {
    for (const [index, risky] of RISKY_DRAFTS.entries()) {
      await advanceTo(minute(16 + index));
      const draft: Draft = {
        id: risky.id,
        kind: 'update',
        audience: risky.audience,
        status: state().status,
        text: risky.text,
        basedOnFactsVersion: state().factsVersion,
      };
      await dispatch({ type: 'draft.created', actor: risky.author, draft });
      const result = publish(state(), draft, runbook, now(), { actor: risky.author });
      if (result.ok) throw new Error(`demo bug: the risky draft ${risky.id} was not blocked`);
      await dispatch(result.event);
      timeline.event(
        now(),
        who(risky.author),
        `tries to send ${risky.what}: BLOCKED (${result.reasons.length} reasons, recorded in the log)`,
        [`"${risky.text}"`],
      );
      timeline.block(`lint ${risky.id}`, formatDiagnostics(result.diagnostics));
      const refusals = formatRefusals(result.reasons);
      if (refusals.length > 0) timeline.block('also missing', refusals);
      outcome.blocked.push({
        draftId: risky.id,
        author: risky.author,
        audience: risky.audience,
        text: risky.text,
        diagnostics: result.diagnostics,
        reasons: result.reasons.map((r) => r.ruleId ?? r.code),
      });
    }
  }

  async function creditOffer(): Promise<void> {
    timeline.heading('A credit offer waits for the named approver');
    const cs = holder('customerSuccess');
    const sales = holder('sales');
    const approver = holder('approver');
    await advanceTo(minute(26));
    const current = currentStatusUpdate(state())!;
    const text = creditNoteText(zoned(current.nextUpdateAt!, 'cs-account'));
    // A side note is a release too: one audience, written by hand, then the same lint, gates
    // and content binding as a status version.
    const draft: Draft = releaseDraft(
      {
        id: 'credit-campaign-accounts',
        kind: 'update',
        audience: 'cs-account',
        status: current.status,
        basedOnFactsVersion: state().factsVersion,
      },
      [
        {
          audience: 'cs-account',
          timeZone: audienceTimeZone(runbook, 'cs-account'),
          subject: `Credit for today's checkout problem: ${state().title}`,
          text,
        },
      ],
    );
    await dispatch({ type: 'draft.created', actor: cs.id, draft });
    const gates = requiredApprovals(draft, state(), runbook);
    for (const request of requestApprovals(draft, state(), runbook, now(), cs.id)) await dispatch(request);
    timeline.event(now(), cs.name, 'drafts a credit offer for the campaign accounts', [
      `"${text}"`,
      ...gates.map(
        (g) =>
          `needs the ${g.id} gate approved by ${g.approver?.name ?? 'nobody'} (${roleWords(g.role)})${g.span ? `, because of "${g.span.text}"` : ''}`,
      ),
    ]);

    await advanceTo(minute(27));
    try {
      await dispatch({
        type: 'approval.granted',
        actor: sales.id,
        draftId: draft.id,
        revision: 1,
        gate: 'compensation',
        releaseHash: state().drafts[draft.id]!.releaseHash,
      });
      throw new Error('demo bug: a sales rep could approve a credit');
    } catch (error) {
      if (!(error instanceof NotAuthorizedError)) throw error;
      // The refusal already says it in names and role words.
      timeline.event(now(), sales.name, 'tries to approve the credit: refused by the incident log', [
        error.message,
      ]);
    }

    await advanceTo(minute(28));
    await dispatch({
      type: 'approval.granted',
      actor: lead.id,
      draftId: draft.id,
      revision: 1,
      gate: 'facts',
      releaseHash: state().drafts[draft.id]!.releaseHash,
    });
    timeline.event(now(), lead.name, 'approves the facts of the credit note');
    const held = publish(state(), draft, runbook, now(), { nextUpdateAt: current.nextUpdateAt! });
    timeline.event(
      now(),
      cs.name,
      `checks whether it may go out: ${held.ok ? 'yes' : 'not yet'}`,
      held.ok ? [] : formatRefusals(held.reasons),
    );

    await advanceTo(minute(31));
    await dispatch({
      type: 'approval.granted',
      actor: approver.id,
      draftId: draft.id,
      revision: 1,
      gate: 'compensation',
    });
    timeline.event(now(), approver.name, 'approves the credit (compensation gate)');
    const routes: DeliveryRoute[] = [
      {
        channel: 'account-note',
        audience: 'cs-account',
        recipients: outcome.accountEmails.map(delivery.address),
      },
    ];
    // Not appended as a status version: the current version stays the one story every team
    // repeats; the credit goes only to the listed accounts (see examples/README.md). The log
    // records the release (the exact approved message, to how many, by which channel) first.
    const decided = releaseNote(state(), draft, runbook, now(), {
      nextUpdateAt: current.nextUpdateAt!,
      recipients: routes[0]!.recipients.length,
      channel: 'account-note',
      actor: cs.id,
    });
    if (!decided.ok) {
      throw new Error(
        `demo bug: the approved credit note was refused:\n${formatRefusals(decided.reasons).join('\n')}`,
      );
    }
    await dispatch(decided.event);
    const batch = await deliverWithProgress(
      'credit note',
      {
        release: approvedRelease(state(), { noteId: draft.id }),
        routes,
        channels: [delivery.noteChannel],
        outbox: store,
        retry: { maxAttempts: 3 },
      },
      timeline,
    );
    timeline.event(
      now(),
      cs.name,
      `sends the approved credit note to ${outcome.accountEmails.length} accounts by email: a side note, not a new status version`,
    );
    timeline.event(now(), 'delivery', batch.line, batch.problems);
    outcome.deliveryLines.push(...batch.sent);
    outcome.creditNote = {
      text,
      recipients: [...outcome.accountEmails],
      releasedAt: now(),
      approvals: Object.values(state().drafts[draft.id]!.approvals).map((a) => ({
        gate: a.gate,
        by: a.decidedBy ?? '',
      })),
    };
  }

  async function confirmFacts(at: string, facts: typeof NARROWED_FACTS, summary: string): Promise<void> {
    await advanceTo(at);
    await dispatch({ type: 'facts.confirmed', actor: lead.id, facts }, () =>
      timeline.event(now(), lead.name, `confirms new facts: ${summary}`, factLines(facts)),
    );
  }

  async function recover(): Promise<void> {
    timeline.heading('Recovery');
    const engineer = holder('engineering');
    await advanceTo(minute(70));
    const note = 'the correction is live for all card traffic';
    await dispatch({ type: 'recovery.started', actor: engineer.id, note }, () =>
      timeline.event(now(), engineer.name, `reports recovery started: ${note}`),
    );
    await advanceTo(minute(75));
    timeline.event(now(), engineer.name, 'sees card charges succeeding again on the payment dashboards');
    await advanceTo(minute(76));
    await dispatch(
      { type: 'recovery.confirmed', actor: lead.id, customerCheck: CUSTOMER_CHECK, recoveredAt: minute(75) },
      () =>
        timeline.event(
          now(),
          lead.name,
          `confirms recovery (since ${et(minute(75))}) with a customer-facing check`,
          [CUSTOMER_CHECK, 'a dashboard alone is not enough: the resolved message may go out now'],
        ),
    );
  }

  return {
    async run(): Promise<ScenarioOutcome> {
      await declare();
      await confirmFirstFacts();

      timeline.heading('First customer update (target: within 15 minutes of the alert)');
      await customerSuccessOutreach();
      await statusUpdate({
        kind: 'initial',
        status: 'investigating',
        draftAt: minute(6),
        grantAt: minute(8),
        publishAt: minute(9),
        note: 'thin facts, sent fast',
      });
      await firstHour();

      timeline.heading('Support, sales and customer success work from the approved update');
      await supportTickets();
      await salesDemos();

      timeline.heading('Drafts that must not go out');
      await riskyDrafts();

      timeline.heading('The SEV1 rhythm: an update every 15 minutes');
      await statusUpdate({
        kind: 'update',
        status: 'investigating',
        draftAt: minute(21),
        grantAt: minute(22),
        publishAt: minute(23),
        note: 'no new facts, but on time',
      });

      await creditOffer();

      timeline.heading('The cause is found and a workaround confirmed');
      await confirmFacts(
        minute(32),
        NARROWED_FACTS,
        'the cause is found (a failing step in the card charge flow); PayPal and gift cards work',
      );
      // The incident lead confirmed the cause: from now on every version says `identified`.
      await statusUpdate({
        kind: 'workaround',
        status: 'identified',
        draftAt: minute(36),
        grantAt: minute(37),
        publishAt: minute(38),
        note: 'the cause is identified; tells customers how to pay meanwhile',
      });
      // A regular update: nothing new, sent on time. The update template still repeats the
      // confirmed workaround, so customers keep seeing how to pay.
      await statusUpdate({
        kind: 'update',
        status: 'identified',
        draftAt: minute(51),
        grantAt: minute(52),
        publishAt: minute(53),
        note: 'testing continues; no news, but on time',
      });
      await confirmFacts(minute(64), FIX_FACTS, 'the correction is rolling out');
      await statusUpdate({
        kind: 'update',
        status: 'identified',
        draftAt: minute(66),
        grantAt: minute(67),
        publishAt: minute(68),
        note: 'the correction is going out',
      });

      await recover();
      await statusUpdate({
        kind: 'resolved',
        status: 'resolved',
        draftAt: minute(77),
        grantAt: minute(78),
        publishAt: minute(79),
        note: 'what customers saw, when it recovered, what to do, when the follow-up comes',
        followUpAt: FOLLOW_UP_AT,
      });
      // Publishing the resolved version resolves the incident; no separate `resolved` event follows.
      timeline.event(
        now(),
        'incident',
        `state: ${state().status} at ${et(state().resolvedAt!)}, ${state().updates.length} versions published`,
      );
      return outcome;
    },
  };
}

/** One line per confirmed fact, in the order people read them, with plain labels. */
function factLines(facts: FactsInput): string[] {
  return Object.entries(FACT_LABELS).flatMap(([key, label]) => {
    const value = (facts as Record<string, unknown>)[key];
    if (value === undefined || key === 'scope') return [];
    const text = Array.isArray(value) ? value.join('; ') : String(value);
    return [
      key === 'affected' && facts.scope ? `${label}: ${text} (scope: ${facts.scope})` : `${label}: ${text}`,
    ];
  });
}

function describeRoutes(routes: readonly DeliveryRoute[], delivery: DemoDelivery): string {
  return routes
    .filter((r) => r.recipients.length > 0)
    .map((r) =>
      r.channel === 'email'
        ? `${r.recipients.length} ${r.audience === 'customer' ? 'customers' : 'accounts (their zone)'} by email`
        : `the internal summary to ${r.recipients.map((x) => delivery.recipientName(r.channel, x)).join(', ')}`,
    )
    .join(', ');
}

const wrap = (text: string, width = 88) => wrapText(text, width);

async function receivedEmails(delivery: DemoDelivery): Promise<ReceivedEmail[]> {
  if (!delivery.smtp) return [];
  return Promise.all(
    delivery.smtp.messages.map(async (m) => {
      const parsed = await simpleParser(m.raw);
      return {
        to: m.to,
        subject: parsed.subject ?? '',
        text: parsed.text ?? '',
        html: typeof parsed.html === 'string' ? parsed.html : '',
        inReplyTo: parsed.inReplyTo,
      };
    }),
  );
}

function receivedSlackPosts(delivery: DemoDelivery): ReceivedSlackPost[] {
  if (!delivery.slackStub) return [];
  return delivery.slackStub.posts().map((call) => {
    const blocks = Array.isArray(call.args.blocks)
      ? (call.args.blocks as Array<Record<string, unknown>>)
      : [];
    const texts = blocks.flatMap((b) => {
      const t = b.text as { text?: unknown } | undefined;
      const elements = Array.isArray(b.elements) ? (b.elements as Array<{ text?: unknown }>) : [];
      return [t?.text, ...elements.map((e) => e.text)].filter((x): x is string => typeof x === 'string');
    });
    return {
      channel: String(call.args.channel ?? ''),
      text: String(call.args.text ?? ''),
      blocksText: texts.join('\n'),
      threadTs: typeof call.args.thread_ts === 'string' ? call.args.thread_ts : undefined,
    };
  });
}

function printReceived(
  timeline: Timeline,
  delivery: DemoDelivery,
  emails: readonly ReceivedEmail[],
  posts: readonly ReceivedSlackPost[],
  outcome: Pick<ScenarioOutcome, 'accountEmails' | 'creditNote'>,
): void {
  timeline.heading('What the servers received');
  if (delivery.smtp) {
    const accounts = new Set(outcome.accountEmails);
    const isNote = (e: ReceivedEmail) =>
      outcome.creditNote !== undefined && e.text.trim() === outcome.creditNote.text.trim();
    const groups = [
      {
        name: 'customers (customer audience)',
        pick: (e: ReceivedEmail) => !e.to.some((t) => accounts.has(t)),
      },
      {
        name: 'campaign accounts, status updates (cs-account audience)',
        pick: (e: ReceivedEmail) => e.to.some((t) => accounts.has(t)) && !isNote(e),
      },
      { name: 'campaign accounts, approved credit note', pick: isNote },
    ];
    timeline.block(`SMTP server on 127.0.0.1:${delivery.smtp.port}: ${emails.length} emails`, [], 2);
    for (const group of groups) {
      const got = emails.filter(group.pick);
      const recipients = new Set(got.flatMap((e) => e.to));
      const sample = got[got.length - 1];
      timeline.block(
        `${group.name}: ${got.length} emails to ${recipients.size} recipients`,
        [
          ...(sample
            ? [
                `sample, to ${sample.to.join(', ')}:`,
                `Subject: ${sample.subject}`,
                ...wrap(sample.text.trim(), 100),
              ]
            : []),
        ],
        4,
      );
    }
  } else timeline.block('Email went out through SMTP_URL; nothing was captured locally.', [], 2);

  if (delivery.slackStub) {
    const channels = [...new Set(posts.map((p) => p.channel))];
    timeline.block(
      `Slack Web API stub: ${posts.length} chat.postMessage calls, the internal summary (ET) in every team channel`,
      [],
      2,
    );
    for (const channel of channels) {
      const got = posts.filter((p) => p.channel === channel);
      const replies = got.filter((p) => p.threadTs !== undefined).length;
      timeline.block(
        `${delivery.recipientName('slack', channel)} (${channel}): ${got.length} posts, ${replies} of them replies in the incident thread`,
        [],
        4,
      );
    }
    const sample = posts[0];
    if (sample) {
      timeline.block(
        'first post (plain-text fallback; the Block Kit blocks carry the same text):',
        wrap(sample.text, 100),
        4,
      );
    }
  } else timeline.block('Slack messages went to the real workspace; nothing was captured locally.', [], 2);
}
