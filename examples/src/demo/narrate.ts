/**
 * @module demo/narrate
 * Everything the demo says, and nothing it does: each function turns what a step returned into
 * timeline lines, in plain words with ET clock times and people's names.
 */
import {
  type ApprovalGate,
  type Audience,
  audienceTimeZone,
  type CheckpointDueReminder,
  type DeliveryRoute,
  type DeskApprovalRequest,
  type FactsInput,
  type FirstHourItem,
  formatUpdateTime,
  type OutreachItem,
  type Role,
  type Runbook,
  roleWords,
  type SalesAction,
  type SimulatedClock,
  type StatusUpdate,
  severityLevel,
  type TicketInput,
  type TriageResult,
  type UpdateDueReminder,
  type UpdateOverdueReminder,
} from '@incident-comms/core';
import type { DemoDelivery } from './delivery';
import { INCIDENT } from './scenario';
import { TIMELINE_ZONE, type Timeline, wrapText } from './timeline';
import { factLines, SALES_VERBS, topicLabel } from './words';

/** The narrator of {@link createNarrator}. */
export type Narrator = ReturnType<typeof createNarrator>;

/**
 * The demo's words, bound to its timeline, runbook, clock and delivery.
 *
 * @example
 * const say = createNarrator({ timeline, runbook, clock, delivery });
 * say.heading('Recovery');
 */
export function createNarrator(deps: {
  timeline: Timeline;
  runbook: Runbook;
  clock: SimulatedClock;
  delivery: DemoDelivery;
}) {
  const { timeline, runbook, clock, delivery } = deps;
  const people = new Map<string, string>();
  for (const holders of Object.values(runbook.roles)) {
    people.set(holders.primary.id, holders.primary.name);
    people.set(holders.backup.id, holders.backup.name);
  }
  const now = () => clock.isoNow();
  const name = (role: Role) => runbook.roles[role].primary.name;
  const et = (at: string) => formatUpdateTime(at, TIMELINE_ZONE);
  const zoned = (at: string, audience: Audience) =>
    formatUpdateTime(at, audienceTimeZone(runbook, audience), { relativeTo: now() });
  const wrap = (text: string, width = 88) => wrapText(text, width);
  const who = (id: string) => people.get(id) ?? id;
  const describeRoutes = (routes: readonly DeliveryRoute[]) =>
    routes
      .filter((r) => r.recipients.length > 0)
      .map((r) =>
        r.channel === 'email'
          ? `${r.recipients.length} ${r.audience === 'customer' ? 'customers' : 'accounts (their zone)'} by email`
          : `the internal summary to ${r.recipients.map((x) => delivery.recipientName(r.channel, x)).join(', ')}`,
      )
      .join(', ');

  return {
    who,
    et,
    zoned,
    heading: (text: string) => timeline.heading(text),
    updateDue: (r: UpdateDueReminder) =>
      timeline.event(
        r.at,
        'coordinator',
        `reminds ${r.owner?.name ?? 'nobody (ownership gap!)'}: the next update is due at ${et(r.dueAt)}, in ${r.leadMinutes} minutes`,
      ),
    updateOverdue: (r: UpdateOverdueReminder) =>
      timeline.event(
        r.at,
        'coordinator',
        `⚠ the update promised for ${et(r.dueAt)} is late (${r.minutesLate} min)`,
      ),
    checkpointDue: (r: CheckpointDueReminder) => {
      const why = r.reasons.map((x) => x.reason.replace(/-/g, ' ')).join(', ');
      timeline.event(r.at, 'coordinator', `engineering checkpoint due (${why || 'interval'})`);
    },
    checkpointHeld: (newQuestions: number, batches: string, newSymptoms: string[]) =>
      timeline.event(
        now(),
        name('communicationOwner'),
        `checks in with engineering (${name('incidentLead')}); ${
          newQuestions === 0
            ? 'no new customer questions to pass on'
            : `passes on ${newQuestions} batched question${newQuestions === 1 ? '' : 's'}: ${batches}`
        }`,
        newSymptoms,
      ),
    declared() {
      timeline.event(
        now(),
        name('communicationOwner'),
        `declares ${INCIDENT.severity}: "${INCIDENT.title}" (${INCIDENT.incidentType})`,
        [
          `${severityLevel(runbook, INCIDENT.severity).label}: update customers every ${severityLevel(runbook, INCIDENT.severity).cadenceMinutes} minutes; first update within ${severityLevel(runbook, INCIDENT.severity).firstUpdateTargetMinutes} minutes`,
        ],
      );
      timeline.event(now(), name('communicationOwner'), 'assigns roles from runbook.yaml');
      timeline.table(
        ['role', 'primary', 'backup'],
        (Object.entries(runbook.roles) as Array<[Role, Runbook['roles'][Role]]>).map(([r, h]) => [
          roleWords(r).replace(/^the /, ''),
          h.primary.name,
          h.backup.name,
        ]),
      );
    },
    factsConfirmed: (facts: FactsInput, summary?: string) =>
      timeline.event(
        now(),
        name('incidentLead'),
        summary ? `confirms new facts: ${summary}` : 'confirms the first facts',
        factLines(facts),
      ),
    outreach: (list: readonly OutreachItem[], total: number) =>
      timeline.event(
        now(),
        name('customerSuccess'),
        `lists ${list.length} of ${total} accounts for a personal note (each update goes to them too)`,
        list.map((item) => `${item.rank}. ${item.name}: ${item.reason}`),
      ),
    firstHour: (items: readonly FirstHourItem[]) =>
      timeline.event(
        now(),
        name('communicationOwner'),
        `first-hour checklist: ${items.filter((i) => i.ok).length}/${items.length} done`,
        items.map((i) => `${i.ok ? '✔' : '✖'} ${i.id}: ${i.detail}`),
      ),
    drafted: (version: number, kind: string, note: string, requests: readonly DeskApprovalRequest[]) =>
      timeline.event(
        now(),
        name('communicationOwner'),
        `drafts update ${version} (${kind}) from the runbook template: ${note}`,
        [
          `asks ${requests.map((r) => `${r.approver?.name ?? 'nobody'} to approve the ${r.gate}`).join(', ')}`,
        ],
      ),
    approved: (approver: string, gate: string, version: number) =>
      timeline.event(now(), approver, `approves the ${gate} of update ${version}`),
    published(
      update: StatusUpdate,
      routes: readonly DeliveryRoute[],
      warnings: string[],
      customerText: string,
      followUpAt?: string,
    ) {
      const next = update.nextUpdateAt
        ? `next update by ${zoned(update.nextUpdateAt, 'customer')} (Berlin accounts: ${zoned(update.nextUpdateAt, 'cs-account')})`
        : `follow-up by ${followUpAt ? zoned(followUpAt, 'customer') : 'a time to be set'}`;
      timeline.event(
        now(),
        name('communicationOwner'),
        `publishes update ${update.version} (${update.status}); ${next}`,
        [`to ${describeRoutes(routes)}`, ...warnings],
      );
      timeline.block(`customer email, update ${update.version}:`, wrap(customerText));
    },
    delivered: (line: string, problems: string[]) => timeline.event(now(), 'delivery', line, problems),
    ticket(ticket: TicketInput, result: TriageResult) {
      const support = name('support');
      const logged = `logged question: ${topicLabel(result.topic)}`;
      if (result.decision === 'reassure') {
        timeline.event(
          now(),
          support,
          `ticket ${ticket.id}: reassure with the approved reply (update ${result.replyVersion})`,
          [`customer: "${ticket.text}"`, `reply: "${wrapText(result.reply ?? '', 100)[0]} …"`, logged],
        );
      } else {
        timeline.event(
          now(),
          support,
          `ticket ${ticket.id}: escalate to ${result.escalateTo?.name ?? 'the incident lead'}`,
          [
            `customer: "${ticket.text}"`,
            ...result.findings.map((f) => `${f.code.replace(/-/g, ' ')}: ${f.detail}`),
            logged,
          ],
        );
      }
    },
    salesAction: (a: SalesAction) =>
      timeline.event(
        now(),
        name('sales'),
        `${SALES_VERBS[a.action]} the ${et(a.at)} ${a.kind} with ${a.name ?? a.itemId}`,
        [a.reason],
      ),
    blocked(
      draft: { id: string; author: string; what: string; text: string },
      reasons: number,
      lint: string[],
      refusals: string[],
    ) {
      timeline.event(
        now(),
        who(draft.author),
        `tries to send ${draft.what}: BLOCKED (${reasons} reasons, recorded in the log)`,
        [`"${draft.text}"`],
      );
      timeline.block(`lint ${draft.id}`, lint);
      if (refusals.length > 0) timeline.block('also missing', refusals);
    },
    creditDrafted: (text: string, gates: readonly ApprovalGate[]) =>
      timeline.event(now(), name('customerSuccess'), 'drafts a credit offer for the campaign accounts', [
        `"${text}"`,
        ...gates.map(
          (g) =>
            `needs the ${g.id} gate approved by ${g.approver?.name ?? 'nobody'} (${roleWords(g.role)})${g.span ? `, because of "${g.span.text}"` : ''}`,
        ),
      ]),
    creditRefused: (message: string) =>
      timeline.event(now(), name('sales'), 'tries to approve the credit: refused by the incident log', [
        message,
      ]),
    creditFactsApproved: () =>
      timeline.event(now(), name('incidentLead'), 'approves the facts of the credit note'),
    creditChecked: (ok: boolean, refusals: string[]) =>
      timeline.event(
        now(),
        name('customerSuccess'),
        `checks whether it may go out: ${ok ? 'yes' : 'not yet'}`,
        ok ? [] : refusals,
      ),
    creditApproved: () => timeline.event(now(), name('approver'), 'approves the credit (compensation gate)'),
    creditSent: (accounts: number) =>
      timeline.event(
        now(),
        name('customerSuccess'),
        `sends the approved credit note to ${accounts} accounts by email: a side note, not a new status version`,
      ),
    recoveryStarted: (note: string) =>
      timeline.event(now(), name('engineering'), `reports recovery started: ${note}`),
    dashboardsGreen: () =>
      timeline.event(
        now(),
        name('engineering'),
        'sees card charges succeeding again on the payment dashboards',
      ),
    recoveryConfirmed: (recoveredAt: string, check: string) =>
      timeline.event(
        now(),
        name('incidentLead'),
        `confirms recovery (since ${et(recoveredAt)}) with a customer-facing check`,
        [check, 'a dashboard alone is not enough: the resolved message may go out now'],
      ),
    ended: (status: string, resolvedAt: string, versions: number) =>
      timeline.event(
        now(),
        'incident',
        `state: ${status} at ${et(resolvedAt)}, ${versions} versions published`,
      ),
  };
}
