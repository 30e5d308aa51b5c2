/**
 * @module desk/desk
 * `createIncidentDesk`: the one object a host holds. Each step reads the incident, decides
 * with the exported pure functions, appends through the coordinator and delivers through the
 * outbox; it adds no policy of its own.
 */
import { requestApprovals } from '../approvals/index';
import {
  type Clock,
  type CoordinatorEventInput,
  createCoordinator,
  createSystemClock,
  IncidentQuarantinedError,
} from '../coordinator/index';
import { createMemoryEventStore, createMemoryOutbox } from '../delivery/memory-store';
import type { PublishResult } from '../delivery/publish';
import { systemClock } from '../delivery/retry';
import { problem, ValidationError } from '../errors';
import {
  applyEvent,
  type IncidentEvent,
  type IncidentState,
  incidentPolicyFromRunbook,
  nextUpdateOwner,
  parseEvent,
  roleAssignmentsFromRunbook,
  roleHolder,
} from '../incident/index';
import { triageTicket } from '../playbooks/index';
import { audienceTimeZone, publish, releaseNote } from '../publish/index';
import { approvedRelease, editReleaseMessage, releaseDeliveryMessages, releaseDraft } from '../release/index';
import { toIsoInstant } from '../time/iso-instant';
import type { IncidentDesk } from './api';
import { createDeskDelivery } from './delivery';
import { parseDeclareInput, parseDraftInput } from './inputs';
import {
  draftMessages,
  draftOutline,
  promisedNextUpdate,
  recorded,
  releaseOf,
  releaseTargets,
} from './release';
import { unfinishedDeliveries } from './resume';
import { createSerialQueue } from './serial';
import { currentPromise, emptyResult } from './side-note';
import type { DecisionInput, IncidentDeskOptions, ResumeReport } from './types';
import { deskView } from './view';

/**
 * Creates the incident desk over an event store, an outbox, channels and routes. Every call
 * to one incident runs after the previous one settled (one in flight at a time), so
 * concurrent host calls never interleave their appends; multi-event steps are applied to a
 * copy of the state first, so a refused event leaves nothing half-applied. The coordinator's
 * reminders (`update.due`, `update.overdue`, `checkpoint.due`) run inside it on `clock`.
 *
 * Practice encoded by the functions it calls: roles come from the runbook when the incident
 * is declared; every message is rendered from one status update; nothing goes out unapproved,
 * and each recipient gets each version once.
 *
 * @param options - `{ runbook, templates, events?, outbox?, channels?, routes?, clock?, retry? }`;
 *   memory stores by default, so nothing needs setting up.
 * @returns an {@link IncidentDesk}. After a restart over a durable store call `resume()`.
 * @throws from its steps: {@link ValidationError} `input_invalid`, `EventRejectedError`
 *   `event_rejected`, `NotAuthorizedError` `approval_not_authorized`, `DeliveryInputError`.
 * @example
 * const desk = createIncidentDesk({ runbook, templates, channels: [email], routes });
 * const { incidentId } = await desk.declare({ actor: 'dana', title: 'Card payments failing', incidentType: 'checkout', severity: 'SEV2' });
 * await desk.confirmFacts(incidentId, { actor: 'lee', facts: { symptom: 'Card payments fail', affected: 'Customers paying by card', teamAction: 'We are looking into it' } });
 * const release = await desk.draft(incidentId, { kind: 'initial' });
 * for (const ask of await desk.requestApprovals(incidentId, release.draftId))
 *   await desk.approve(incidentId, { draftId: release.draftId, gate: ask.gate, actor: ask.approver!.id });
 * const published = await desk.publish(incidentId, release.draftId); // published.delivery?.totals.sent
 */
export function createIncidentDesk(options: IncidentDeskOptions): IncidentDesk {
  const { runbook, templates } = options;
  const clock: Clock = options.clock ?? createSystemClock();
  const store = options.events ?? createMemoryEventStore<IncidentEvent>();
  const outbox = options.outbox ?? createMemoryOutbox();
  const _channels = options.channels ?? [];
  const coordinator = createCoordinator({
    runbook,
    clock,
    store,
    ...(options.onListenerError ? { onListenerError: options.onListenerError } : {}),
  });
  const calls = createSerialQueue();

  /** Whole seconds, the log's own style. */
  const stamp = () => toIsoInstant(Math.floor(clock.now() / 1000) * 1000);

  function known(id: string): IncidentState {
    const state = coordinator.state(id);
    const broken = state ? undefined : coordinator.quarantined().find((e) => e.incidentId === id);
    if (broken) throw new IncidentQuarantinedError(broken);
    if (!state)
      throw new ValidationError('incident', [
        problem('incidentId', 'a declared incident', JSON.stringify(id)),
      ]);
    return state;
  }

  /**
   * Checks every event against a copy of the state (and `check` against the resulting state),
   * then appends them in order: a refusal from either leaves nothing appended.
   */
  async function append(
    id: string,
    inputs: readonly CoordinatorEventInput[],
    check?: (trial: IncidentState) => void,
  ): Promise<IncidentState> {
    const at = stamp();
    const events = inputs.map((e) => ({ ...e, at: e.at ?? at }) as CoordinatorEventInput);
    let trial = coordinator.state(id);
    for (const e of events) {
      trial = applyEvent(
        trial,
        parseEvent(e.type === 'declared' ? { ...e, incidentId: e.incidentId ?? id } : e),
      );
    }
    if (trial) check?.(trial);
    let state = coordinator.state(id)!;
    for (const e of events) state = await coordinator.dispatch(id, e);
    return state;
  }

  /** Runs one step of incident `id` after its earlier steps, with the log loaded. */
  function step<T>(id: string, task: (state: IncidentState) => Promise<T>): Promise<T> {
    return calls.run(id, async () => {
      await coordinator.start();
      // A store shared by several instances: decide on what the others appended too.
      if (store.claimReminder) await coordinator.refresh(id);
      return task(known(id));
    });
  }

  const { deliver, deliverable, routesFor } = createDeskDelivery(options, outbox, {
    now: () => clock.now(),
    sleep: systemClock.sleep,
  });

  /** Appends an approval decision on the draft's current revision (unless one is named). */
  function decide(
    id: string,
    input: DecisionInput & ({ type: 'approval.granted' } | { type: 'approval.denied'; reason: string }),
  ): Promise<IncidentState> {
    return step(id, (state) => {
      const record = recorded(state, input.draftId);
      const { releaseHash = record.releaseHash, ...decision } = input;
      const revision = input.revision ?? record.revision;
      const hash = decision.type === 'approval.granted' && releaseHash ? { releaseHash } : {};
      return append(id, [{ ...decision, revision, ...hash } as CoordinatorEventInput]);
    });
  }

  const desk: IncidentDesk = {
    async declare(input) {
      // The shape, and only the runbook's own severities and incident types: every problem at once.
      const { actor, title, incidentType, severity, ...parsed } = parseDeclareInput(runbook, input);
      const incidentId = parsed.incidentId ?? globalThis.crypto.randomUUID();
      await coordinator.start();
      return calls.run(incidentId, async () => {
        const given = Object.entries({ ...roleAssignmentsFromRunbook(runbook), ...parsed.roles });
        const roles = Object.fromEntries(
          given.flatMap(([role, pair]) => (pair === undefined ? [] : [[role, pair] as const])),
        );
        const policy = incidentPolicyFromRunbook(runbook);
        const state = await append(incidentId, [
          // The declaration carries the runbook's policy: its topics' roles decide their gates.
          { type: 'declared', actor, incidentId, title, incidentType, severity, policy },
          { type: 'roles.assigned', actor, roles },
        ]);
        return { incidentId, state };
      });
    },

    confirmFacts: (id, { actor, facts }) =>
      step(id, () => append(id, [{ type: 'facts.confirmed', actor, facts }])),

    draft: (id, input) =>
      step(id, async (state) => {
        parseDraftInput(state, input);
        const now = stamp();
        const actor = input.actor ?? nextUpdateOwner(state)?.id;
        if (!actor)
          throw new ValidationError('draft', [
            problem('actor', 'a person id (no communication owner holds the role)'),
          ]);
        const outline = draftOutline(state, input);
        const draftId = outline.id;
        const targets = releaseTargets(routesFor(state));
        const messages = draftMessages(templates, runbook, state, outline, now, { ...input, targets });
        const after = await append(id, [
          { type: 'draft.created', actor, draft: releaseDraft(outline, messages), at: now },
        ]);
        return releaseOf(runbook, after, recorded(after, draftId), now);
      }),

    edit: (id, draftId, { actor, text }) =>
      step(id, async (state) => {
        const {
          revision: _r,
          author: _a,
          createdAt: _c,
          approvals: _p,
          publishedVersion: _v,
          releaseHash: _h,
          ...draft
        } = recorded(state, draftId);
        const now = stamp();
        // The edit rewords the draft audience's message of the release; approvals start afresh.
        const messages = editReleaseMessage(draft.messages ?? [], {
          audience: draft.audience,
          segment: draft.segment,
          timeZone: audienceTimeZone(runbook, draft.audience, draft.segment),
          text,
        });
        const after = await append(id, [
          { type: 'draft.created', actor, draft: releaseDraft(draft, messages), at: now },
        ]);
        return releaseOf(runbook, after, recorded(after, draftId), now);
      }),

    requestApprovals: (id, draftId, input = {}) =>
      step(id, async (state) => {
        const actor = input.actor ?? nextUpdateOwner(state)?.id ?? recorded(state, draftId).author;
        const requests = requestApprovals(recorded(state, draftId), state, runbook, stamp(), actor);
        const after = await append(id, requests);
        return requests.map((r) => ({ ...r, approver: roleHolder(after, r.role) }));
      }),

    approve: (id, input) => decide(id, { type: 'approval.granted', ...input }),
    deny: (id, input) => decide(id, { type: 'approval.denied', ...input }),

    check(id, draftId, checkOptions = {}) {
      const state = known(id);
      const record = recorded(state, draftId);
      const now = stamp();
      const nextUpdateAt = checkOptions.sideNote
        ? currentPromise(state, now)
        : promisedNextUpdate(runbook, state, record, now);
      return publish(state, record, runbook, now, nextUpdateAt ? { nextUpdateAt } : {});
    },

    async publish(id, draftId, publishOptions = {}) {
      const decided = await step(id, async (state) => {
        const record = recorded(state, draftId);
        const now = stamp();
        const nextUpdateAt = promisedNextUpdate(runbook, state, record, now);
        const outcome = publish(state, record, runbook, now, {
          ...(nextUpdateAt ? { nextUpdateAt } : {}),
          ...(publishOptions.actor ? { actor: publishOptions.actor } : {}),
        });
        if (!outcome.ok) {
          await append(id, [outcome.event]);
          return { ok: false as const, reasons: outcome.reasons, diagnostics: outcome.diagnostics };
        }
        const update = outcome.statusUpdate;
        // Routes that cannot carry this version are refused before it is recorded as published.
        const after = await append(id, [outcome.event], (trial) =>
          deliverable(
            approvedRelease(trial, { version: update.version }),
            publishOptions.routes ?? routesFor(trial),
          ),
        );
        const release = approvedRelease(after, { version: update.version });
        const messages = releaseDeliveryMessages(release);
        const routes = [...(publishOptions.routes ?? routesFor(after))];
        return {
          ok: true as const,
          statusUpdate: update,
          release,
          messages,
          routes,
          warnings: outcome.warnings,
        };
      });
      if (!decided.ok) return decided;
      const delivery = await deliver(id, decided.release, decided.routes, publishOptions.events);
      return { ...decided, delivery };
    },

    async sideNote(id, draftId, noteOptions) {
      const decided = await step(id, async (state) => {
        const record = recorded(state, draftId);
        const now = stamp();
        const promised = currentPromise(state, now);
        const recipients = new Set(
          noteOptions.routes.flatMap((r) => r.recipients.map((x) => `${r.channel}\u0000${x}`)),
        );
        const routeChannels = [...new Set(noteOptions.routes.map((r) => r.channel))];
        // The log records the approved note (its exact message) before anything is sent.
        const outcome = releaseNote(state, record, runbook, now, {
          recipients: Math.max(1, recipients.size),
          ...(routeChannels.length === 1 ? { channel: routeChannels[0] } : {}),
          ...(promised ? { nextUpdateAt: promised } : {}),
          actor: noteOptions.actor ?? record.author,
        });
        if (!outcome.ok) {
          await append(id, [outcome.event]);
          return { ok: false as const, reasons: outcome.reasons, diagnostics: [] };
        }
        const after = await append(id, [outcome.event], (trial) =>
          deliverable(approvedRelease(trial, { noteId: draftId }), noteOptions.routes),
        );
        return { ok: true as const, release: approvedRelease(after, { noteId: draftId }) };
      });
      if (!decided.ok) return decided;
      const { release } = decided;
      const message = releaseDeliveryMessages(release)[0]!;
      const delivery =
        (await deliver(id, release, noteOptions.routes, noteOptions.events)) ?? emptyResult(message);
      const sent = delivery.deliveries.filter((d) => d.state === 'sent').length;
      return { ok: true, release, message, delivery, recipients: sent };
    },

    triage: (id, ticket) =>
      step(id, async (state) => {
        const result = triageTicket(ticket, state, runbook);
        await append(id, [result.questionEvent]);
        return result;
      }),

    logQuestion: (id, { actor, question, topic, from, accountId }) =>
      step(id, () =>
        append(id, [
          { type: 'question.logged', actor, question, topic, from, ...(accountId ? { accountId } : {}) },
        ]),
      ),

    holdCheckpoint: (id, { actor, note }) =>
      step(id, () => append(id, [{ type: 'checkpoint.held', actor, ...(note ? { note } : {}) }])),

    startRecovery: (id, { actor, note }) =>
      step(id, () => append(id, [{ type: 'recovery.started', actor, ...(note ? { note } : {}) }])),

    confirmRecovery: (id, { actor, customerCheck, recoveredAt }) =>
      step(id, () =>
        append(id, [
          { type: 'recovery.confirmed', actor, customerCheck, ...(recoveredAt ? { recoveredAt } : {}) },
        ]),
      ),

    // A published resolution already resolved it; the log takes one resolution only.
    resolve: (id, { actor }) =>
      step(id, (state) =>
        state.status === 'resolved' ? Promise.resolve(state) : append(id, [{ type: 'resolved', actor }]),
      ),

    current(id) {
      return deskView(known(id), runbook, stamp(), coordinator.scheduled(id));
    },

    state: (id) => coordinator.state(id),
    scheduled: (id) => coordinator.scheduled(id),
    on: (event, listener) => coordinator.on(event, listener),

    async resume(): Promise<ResumeReport> {
      await coordinator.start();
      const resumed: PublishResult[] = [];
      for (const id of coordinator.incidents()) {
        resumed.push(...(await calls.run(id, () => resumeDeliveries(id))));
      }
      return {
        incidents: coordinator.incidents(),
        deliveries: resumed,
        reminders: coordinator.scheduled(),
        quarantined: coordinator.quarantined(),
      };
    },

    stop: () => coordinator.stop(),
  };

  /** Finishes what one incident's deliveries still owe after a restart, in release order. */
  const resumeDeliveries = async (id: string): Promise<PublishResult[]> => {
    const state = known(id);
    const owed = await unfinishedDeliveries(state, routesFor(state), outbox);
    return (await Promise.all(owed.map(async (o) => deliver(id, o.release, o.routes, undefined)))).filter(
      (r): r is PublishResult => r !== undefined,
    );
  };

  return desk;
}
