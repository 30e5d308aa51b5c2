/**
 * @module desk/types
 * The incident desk's public shapes: its options, what each step takes and returns, and the
 * desk itself. The implementation is in `desk.ts`.
 */
import type { ApprovalGate, ApprovalRequestedInput } from '../approvals/index';
import type { Clock, ScheduledReminder, StoredLogError } from '../coordinator/index';
import type { AnyChannel } from '../delivery/channel';
import type { DeliveryEvents } from '../delivery/events';
import type { FloodPolicy } from '../delivery/flood';
import type { DeliveryRoute, PublishResult } from '../delivery/publish';
import type { RetryPolicy } from '../delivery/retry';
import type { EventStore, Outbox } from '../delivery/store';
import type {
  ApprovedRelease,
  Draft,
  IncidentEvent,
  IncidentState,
  PersonRef,
  RoleAssignments,
  StatusUpdate,
} from '../incident/index';
import type { Diagnostic } from '../lint/types';
import type { ApprovedMessage } from '../message';
import type { BlockedReason } from '../publish/index';
import type { ReleaseMessage } from '../release/index';
import type { Runbook } from '../runbook/define';
import type { Audience, IncidentType, MessageKind, Role, Severity, Status } from '../vocabulary';

/** One message a release must hold besides the defaults: an audience or segment in a zone. */
export interface ReleaseTarget {
  audience: Audience;
  /** A runbook segment of `audience` (e.g. `customer-us`). */
  segment?: string | undefined;
  /** The IANA zone its times are written in. */
  timeZone: string;
}

/**
 * The templates the desk renders every audience's message with. Core never imports the
 * templates package: pass it in (`import * as templates from '@incident-comms/templates'`),
 * or any object with the same `renderAll` (and `renderRelease` for segments and extra zones).
 */
export interface DeskTemplates {
  /** Every audience's message for one status-update version, in `AUDIENCES` order. */
  renderAll(
    statusUpdate: StatusUpdate,
    runbook: Runbook,
    options: { incidentId: string; followUpAt?: string | undefined },
  ): ApprovedMessage[];
  /**
   * The release's messages: every audience in its zone, every runbook segment in its zone with
   * its templates, and each of `targets`. Needed once the runbook declares segments or a route
   * names a zone.
   */
  renderRelease?(
    statusUpdate: StatusUpdate,
    runbook: Runbook,
    options: { incidentId: string; followUpAt?: string | undefined; targets?: readonly ReleaseTarget[] },
  ): ReleaseMessage[];
}

/** Where a status update goes: fixed routes, or routes worked out from the incident when it is published. */
export type DeskRoutes = readonly DeliveryRoute[] | ((state: IncidentState) => readonly DeliveryRoute[]);

/** Options of `createIncidentDesk`. */
export interface IncidentDeskOptions {
  /** The validated runbook (roles, cadence, gates, lint settings). */
  runbook: Runbook;
  /** The message templates (see {@link DeskTemplates}). */
  templates: DeskTemplates;
  /** The incident log; default in memory. Pass `@incident-comms/store-sqlite` to survive restarts. */
  events?: EventStore<IncidentEvent> | undefined;
  /** The delivery outbox; default in memory. The SQLite store is an outbox too. */
  outbox?: Outbox | undefined;
  /** Channels by their unique name; default none (publishing then records without delivering). */
  channels?: readonly AnyChannel[] | undefined;
  /** Where each published version goes; default nowhere. */
  routes?: DeskRoutes | undefined;
  /** Where time comes from; default the system clock. Tests and drills pass a simulated clock. */
  clock?: Clock | undefined;
  /** Overrides of the delivery retry policy. */
  retry?: Partial<RetryPolicy> | undefined;
  /**
   * Milliseconds after which one send is aborted (default 30 000; a channel that ignores the
   * abort is recorded `unknown` a second later). Checked when the desk is created.
   */
  attemptTimeoutMs?: number | undefined;
  /** Overrides of the delivery flood policy (maximum age, per-recipient rate cap). Checked when the desk is created. */
  flood?: Partial<FloodPolicy> | undefined;
  /** Called when a reminder listener throws (the desk carries on). Default: rethrown on a microtask. */
  onListenerError?: ((error: unknown, context: { event: string; incidentId: string }) => void) | undefined;
}

/** Input of `desk.declare`. */
export interface DeclareInput {
  /** Who declares (usually the communication owner). */
  actor: string;
  title: string;
  incidentType: IncidentType;
  severity: Severity;
  /** The incident id; default a random UUID. */
  incidentId?: string | undefined;
  /** Role holders that differ from the runbook's (the rest come from the runbook). */
  roles?: Partial<RoleAssignments> | undefined;
}

/** Input of `desk.draft`. */
export interface DraftInput {
  /** The message kind: `initial`, `update`, `workaround` or `resolved`. */
  kind: MessageKind;
  /** Who writes it; default the communication owner holding the role now. */
  actor?: string | undefined;
  /** The status it states; default the incident's (`resolved` for the `resolved` kind). */
  status?: Status | undefined;
  /** The draft id; default `update-v<N>` for the version it would become (`-2`, `-3`… if taken). */
  id?: string | undefined;
  /** Whose message the draft text is; default `customer`. */
  audience?: Audience | undefined;
  /** The runbook segment of `audience` whose message a written `text` replaces (e.g. `customer-us`). */
  segment?: string | undefined;
  /** A written text instead of the template's wording for `audience`. */
  text?: string | undefined;
  /**
   * The one-line subject of a side note: the draft is then a one-audience release of `text`
   * under this subject (released with `desk.sideNote`), not every audience's rendering.
   */
  subject?: string | undefined;
  /** ISO-8601 UTC instant of the fuller follow-up a resolved message promises. */
  followUpAt?: string | undefined;
}

/**
 * A draft and everything one approval covers: every audience's message rendered from the status
 * update the draft would become, with its next-update time planned on the cadence.
 */
export interface DeskRelease {
  incidentId: string;
  draftId: string;
  /** The recorded revision (1 for a new draft; each edit adds one and voids approvals). */
  revision: number;
  /** The draft as recorded in the log. */
  draft: Draft;
  /** The status update it would become if published at the draft's time. */
  statusUpdate: StatusUpdate;
  /** Every audience's message, rendered from `statusUpdate`; the draft's audience carries the draft text. */
  messages: ApprovedMessage[];
  /** The content hash of the recorded release; approvals bind to it. */
  hash: string | undefined;
  /** The next-update time it promises (ISO-8601 UTC); absent for a resolution. */
  nextUpdateAt?: string | undefined;
  /** The gates it needs (approvals and preconditions). */
  approvals: ApprovalGate[];
}

/** One approval the desk asked for: the appended request and who decides it now. */
export interface DeskApprovalRequest extends ApprovalRequestedInput {
  /** The person holding the deciding role now; `undefined` is an ownership gap. */
  approver: PersonRef | undefined;
}

/** Input of `desk.approve` and `desk.deny`. */
export interface DecisionInput {
  draftId: string;
  gate: string;
  actor: string;
  /** Default the draft's current revision. */
  revision?: number | undefined;
  /**
   * For a grant: the content hash of the release the approver saw (`DeskRelease.hash`); the
   * log refuses it when the draft changed since. Default the current revision's hash.
   */
  releaseHash?: string | undefined;
}

/** Options of `desk.publish` and `desk.sideNote`. */
export interface DeskPublishOptions {
  /** Who is recorded on a `publish.blocked` event; default the communication owner. */
  actor?: string | undefined;
  /** Routes for this delivery instead of the desk's. */
  routes?: readonly DeliveryRoute[] | undefined;
  /** Receives per-delivery events (progress, failures). */
  events?: DeliveryEvents | undefined;
}

/** What `desk.publish` did. */
export type DeskPublishResult =
  | {
      ok: true;
      statusUpdate: StatusUpdate;
      /** The approved release the version delivers (its hash, messages and approvals). */
      release: ApprovedRelease;
      /** Every audience's message of the published version. */
      messages: ApprovedMessage[];
      routes: DeliveryRoute[];
      /** The delivery summary; `undefined` when no route had a recipient. */
      delivery: PublishResult | undefined;
      /** Lint warnings (they do not block). */
      warnings: Diagnostic[];
    }
  | {
      ok: false;
      /** Every reason, as `publish` gives them; a `publish.blocked` event was appended. */
      reasons: BlockedReason[];
      diagnostics: Diagnostic[];
    };

/** Options of `desk.sideNote`: a side note needs its own routes and a subject. */
export interface SideNoteOptions extends DeskPublishOptions {
  routes: readonly DeliveryRoute[];
}

/** What `desk.sideNote` did. */
export type SideNoteResult =
  | {
      ok: true;
      /** The approved one-audience release, as recorded by `note.released`. */
      release: ApprovedRelease;
      message: ApprovedMessage;
      delivery: PublishResult;
      recipients: number;
    }
  | { ok: false; reasons: BlockedReason[]; diagnostics: Diagnostic[] };

/** Input of `desk.logQuestion`. */
export interface DeskQuestionInput {
  actor: string;
  question: string;
  topic: string;
  /** Who asked: an audience or free text. */
  from: string;
  accountId?: string | undefined;
}

/** Input of `desk.confirmRecovery`. */
export interface RecoveryInput {
  actor: string;
  /** The customer-facing check that proved recovery. */
  customerCheck: string;
  /** When service recovered, if earlier than now. */
  recoveredAt?: string | undefined;
}

/** The read model of `desk.current`: what a dashboard shows for one incident. */
export interface DeskView {
  state: IncidentState;
  /** The latest approved (published) version; `undefined` before the first. */
  statusUpdate: StatusUpdate | undefined;
  /** Who holds each assigned role now (backup while the primary is out; `undefined` is a gap). */
  owners: Partial<Record<Role, PersonRef | undefined>>;
  /** Who owns the next customer update. */
  nextUpdateOwner: PersonRef | undefined;
  /** What is due: the next update and checkpoint instants, and the reminders scheduled. */
  due: {
    nextUpdateAt: string | undefined;
    checkpointAt: string | undefined;
    reminders: ScheduledReminder[];
  };
  /** Drafts recorded and not published, with their gate states. */
  openDrafts: Array<{ draftId: string; revision: number; waitingFor: string[] }>;
}

/** What `desk.resume` picked up after a restart. */
export interface ResumeReport {
  /** Incidents loaded from the log. */
  incidents: string[];
  /** One delivery summary per version whose deliveries were unfinished. */
  deliveries: PublishResult[];
  /** Reminders scheduled after loading (those already past fire at once). */
  reminders: ScheduledReminder[];
  /**
   * Incidents whose stored log no longer replays, left out of `incidents`: each error names the
   * incident and the failing event (`eventIndex`, `eventType`, `cause`). Every call to one of
   * them refuses with `incident_quarantined`; every other incident works, and new ones can be
   * declared. Empty when every log replayed.
   */
  quarantined: StoredLogError[];
}
