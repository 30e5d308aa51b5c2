/**
 * @module desk/api
 * The incident desk's methods: one call per step of the flow, each documented with what it
 * appends, what it refuses and a small example.
 */
import type { CoordinatorEvents, ScheduledReminder } from '../coordinator/index';
import type { FactsInput, IncidentState } from '../incident/index';
import type { TicketInput, TriageResult } from '../playbooks/index';
import type { PublishOutcome } from '../publish/index';
import type {
  DecisionInput,
  DeclareInput,
  DeskApprovalRequest,
  DeskPublishOptions,
  DeskPublishResult,
  DeskQuestionInput,
  DeskRelease,
  DeskView,
  DraftInput,
  RecoveryInput,
  ResumeReport,
  SideNoteOptions,
  SideNoteResult,
} from './types';

/** The reminder and change events a desk emits (the coordinator's). */
export type DeskEvents = CoordinatorEvents;

/**
 * The one object a host holds. Each step is one call that appends the right events, returns
 * a typed result and refuses what the runbook forbids with the pure functions' typed errors.
 * Calls to one incident run one at a time, in call order.
 */
export interface IncidentDesk {
  /**
   * Declares an incident (`declared`) and staffs it from the runbook (`roles.assigned`,
   * `roleAssignmentsFromRunbook`, with `input.roles` overriding). Practice: owners and backups
   * are named before anything breaks.
   * @throws {ValidationError} `input_invalid` for a malformed title, or an incident type or
   *   severity the runbook does not define (path `incidentType` / `severity`).
   * @example
   * const { incidentId } = await desk.declare({ actor: 'dana', title: 'Card payments failing', incidentType: 'checkout', severity: 'SEV1' });
   */
  declare(input: DeclareInput): Promise<{ incidentId: string; state: IncidentState }>;
  /**
   * Appends `facts.confirmed`: what customers see, who is affected, what the team is doing,
   * and, once known, cause, workaround and customer action. Only the incident lead confirms.
   * @throws {EventRejectedError} `event_rejected` when someone else confirms.
   * @example
   * await desk.confirmFacts(id, { actor: 'lee', facts: { symptom: 'card payments fail', affected: 'customers paying by card', teamAction: 'We are on it.' } });
   */
  confirmFacts(incidentId: string, input: { actor: string; facts: FactsInput }): Promise<IncidentState>;
  /**
   * Records a draft (`draft.created`) and returns its release: every audience's message
   * rendered from the version it would become, its next update planned on the cadence
   * (`planNextUpdateAt`), its content hash and the gates it needs. `text` replaces the draft
   * audience's wording; `subject` makes a one-audience side note.
   * @throws {ValidationError} `input_invalid` while the facts a status update needs are unconfirmed.
   * @example
   * const release = await desk.draft(id, { kind: 'update' }); // release.messages: one per audience
   */
  draft(incidentId: string, input: DraftInput): Promise<DeskRelease>;
  /**
   * Rewords the draft audience's message: a new revision with a new hash; its approvals start
   * afresh.
   * @example
   * const edited = await desk.edit(id, 'update-v2', { actor: 'dana', text: 'Card payments … Next update by 9:50 AM ET.' });
   */
  edit(incidentId: string, draftId: string, input: { actor: string; text: string }): Promise<DeskRelease>;
  /**
   * Appends one `approval.requested` per gate still missing (`requestApprovals`) and says who
   * decides each now. Actor default: the communication owner.
   * @example
   * for (const ask of await desk.requestApprovals(id, release.draftId)) notify(ask.approver, ask.gate);
   */
  requestApprovals(
    incidentId: string,
    draftId: string,
    input?: { actor?: string },
  ): Promise<DeskApprovalRequest[]>;
  /**
   * Grants a gate (`approval.granted`, naming the release hash the approver saw).
   * @throws {NotAuthorizedError} `approval_not_authorized` when `actor` does not hold the gate's role now.
   * @throws {EventRejectedError} `event_rejected` when the draft changed since (another hash or revision).
   * @example
   * await desk.approve(id, { draftId: release.draftId, gate: 'facts', actor: 'lee', releaseHash: release.hash });
   */
  approve(incidentId: string, input: DecisionInput): Promise<IncidentState>;
  /**
   * Declines a gate with a reason (`approval.denied`); the draft needs new wording.
   * @throws {NotAuthorizedError} `approval_not_authorized` as for `approve`.
   * @example
   * await desk.deny(id, { draftId: 'update-v2', gate: 'compensation', actor: 'maya', reason: 'No credit promised yet.' });
   */
  deny(incidentId: string, input: DecisionInput & { reason: string }): Promise<IncidentState>;
  /**
   * Whether a draft may go out now, as `publish` (or, with `sideNote`, `sideNote`) decides it;
   * appends nothing.
   * @example
   * const held = desk.check(id, 'credit-note', { sideNote: true }); // held.ok, or held.reasons
   */
  check(incidentId: string, draftId: string, options?: { sideNote?: boolean }): PublishOutcome;
  /**
   * Decides with `publish`; refused, appends `publish.blocked` and returns every reason;
   * accepted, appends `update.published` (version N+1, keeping the time the draft promised)
   * and delivers exactly the approved release through the outbox (`publishUpdate`), once per
   * recipient, then returns the delivery summary.
   * @throws {DeliveryInputError} `delivery_input_invalid` when routes name unknown channels.
   * @example
   * const published = await desk.publish(id, release.draftId); // published.ok && published.delivery?.totals.sent
   */
  publish(incidentId: string, draftId: string, options?: DeskPublishOptions): Promise<DeskPublishResult>;
  /**
   * Releases an approved one-audience draft outside the status versions (`note.released` via
   * `releaseNote`, recorded before sending) and delivers it to `options.routes` only.
   * @example
   * await desk.sideNote(id, 'credit-note', { routes: [{ channel: 'email', audience: 'cs-account', recipients }] });
   */
  sideNote(incidentId: string, draftId: string, options: SideNoteOptions): Promise<SideNoteResult>;
  /**
   * Triages a support ticket (`triageTicket`: reassure with the approved reply, or escalate to
   * the communication owner) and logs its question.
   * @example
   * const { decision, reply } = await desk.triage(id, { id: 'T-1', at, by: 'tom', text: 'My card was declined' });
   */
  triage(incidentId: string, ticket: TicketInput): Promise<TriageResult>;
  /**
   * Logs a customer question (`question.logged`) for the engineering checkpoint and the review.
   * @example
   * await desk.logQuestion(id, { actor: 'tom', question: 'Was I charged twice?', topic: 'billing', from: 'support-reply' });
   */
  logQuestion(incidentId: string, input: DeskQuestionInput): Promise<IncidentState>;
  /**
   * Records an engineering checkpoint (`checkpoint.held`), typically on `checkpoint.due`.
   * @example
   * desk.on('checkpoint.due', () => desk.holdCheckpoint(id, { actor: 'dana', note: '3 questions passed on' }));
   */
  holdCheckpoint(incidentId: string, input: { actor: string; note?: string }): Promise<IncidentState>;
  /**
   * Appends `recovery.started` (brings a checkpoint forward).
   * @example
   * await desk.startRecovery(id, { actor: 'alex', note: 'the fix is live' });
   */
  startRecovery(incidentId: string, input: { actor: string; note?: string }): Promise<IncidentState>;
  /**
   * Appends `recovery.confirmed` with the customer-facing check; a dashboard alone is not enough.
   * @example
   * await desk.confirmRecovery(id, { actor: 'lee', customerCheck: 'a real card order went through' });
   */
  confirmRecovery(incidentId: string, input: RecoveryInput): Promise<IncidentState>;
  /**
   * Resolves the incident (`resolved`); once a resolved version was published it already is,
   * and the state is returned unchanged.
   * @throws {EventRejectedError} `event_rejected` before recovery is confirmed.
   * @example
   * (await desk.resolve(id, { actor: 'lee' })).status; // 'resolved'
   */
  resolve(incidentId: string, input: { actor: string }): Promise<IncidentState>;
  /**
   * The read model: latest approved version, who owns what, what is due, open drafts.
   * @throws {ValidationError} `input_invalid` for an unknown incident.
   * @example
   * desk.current(id).due.nextUpdateAt; // '2026-03-03T14:35:00.000Z'
   */
  current(incidentId: string): DeskView;
  /** The incident's state, or `undefined` when unknown (call `resume()` first after a restart). */
  state(incidentId: string): IncidentState | undefined;
  /** Pending reminders (of one incident, or all), earliest first. */
  scheduled(incidentId?: string): ScheduledReminder[];
  /**
   * Listens to reminders (`update.due`, `update.overdue` with its escalation step,
   * `checkpoint.due`) and changes; returns the function that stops listening.
   * @example
   * desk.on('update.due', (r) => notify(r.owner, `Next update due at ${r.dueAt}`));
   */
  on<K extends keyof DeskEvents>(event: K, listener: DeskEvents[K]): () => void;
  /**
   * After a restart: loads every incident from the log, re-plans its reminders (one already
   * past fires once, at once) and finishes unfinished deliveries (a send caught mid-flight is
   * reported `unknown`, never resent blindly). Idempotent.
   * @example
   * const { deliveries } = await desk.resume();
   */
  resume(): Promise<ResumeReport>;
  /** Stops reminders; calls already running finish. */
  stop(): void;
}
