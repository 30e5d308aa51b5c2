/**
 * @module incident/state
 * The incident state: a plain, JSON-serialisable fold of the event log, and the questions it
 * answers (who holds a role now, who owns the next update, the current status version).
 */

import { z } from 'zod';
import type { ReleaseMessage } from '../release/release';
import { roleIdSchema, topicIdSchema } from '../runbook/topics';
import { severityIdSchema } from '../severity/index';
import { incidentTypeIdSchema } from '../text/id';
import { instantSchema } from '../time/instant';
import {
  type Audience,
  type IncidentType,
  type RoleId,
  SCOPES,
  type Scope,
  SEVERITIES,
  type Severity,
  STATUSES,
  type Status,
} from '../vocabulary';
import type { Draft, StatusUpdate } from './events';

/** A fact with who confirmed it and when (ISO-8601 UTC). */
export interface ConfirmedFact<T> {
  value: T;
  by: string;
  at: string;
}

/** A person as referenced in the log. */
export interface PersonRef {
  id: string;
  name: string;
}

/** The confirmed facts of an incident; each field records who confirmed it and when. */
export interface IncidentFacts {
  symptom?: ConfirmedFact<string>;
  affected?: ConfirmedFact<string>;
  /** Starts as `unknown` at declaration. */
  scope: ConfirmedFact<Scope>;
  unknowns?: ConfirmedFact<string[]>;
  cause?: ConfirmedFact<string>;
  workaround?: ConfirmedFact<string>;
  customerAction?: ConfirmedFact<string>;
  teamAction?: ConfirmedFact<string>;
  regions?: ConfirmedFact<string[]>;
  productAreas?: ConfirmedFact<string[]>;
  /** A fix/recovery time the incident lead approved promising (ISO-8601 UTC). */
  approvedFixTime?: ConfirmedFact<string>;
}

/** An approval on one draft revision. */
export interface ApprovalRecord {
  gate: string;
  role: RoleId;
  requestedAt: string;
  requestedBy: string;
  status: 'requested' | 'granted' | 'denied';
  decidedAt?: string;
  decidedBy?: string;
  reason?: string;
  /** The content hash of the release this approval covers (the revision's `releaseHash`), once granted. */
  releaseHash?: string;
}

/** A draft with its revision history summary and approvals for the current revision. */
export interface DraftRecord extends Draft {
  /** 1 for the first version; each `draft.created` with the same id is a new revision. */
  revision: number;
  author: string;
  createdAt: string;
  /** Approvals of the current revision, by gate id. An edit clears them. */
  approvals: Record<string, ApprovalRecord>;
  /** The status-update version it became, once published. */
  publishedVersion?: number;
  /** The content hash of this revision's release (`releaseHash`), when it carries messages. */
  releaseHash?: string;
}

/**
 * A release approved and recorded in the log: the exact messages delivery sends for one
 * status-update version or one side note, the hash its approvals name, and who approved it.
 * Instants are ISO-8601 UTC.
 */
export interface ApprovedRelease {
  incidentId: string;
  incidentTitle: string;
  /** The status-update version (for a side note: the version current when it was released, 0 before any). */
  version: number;
  /** The side note's id (its draft id); absent for a status-update version. */
  noteId?: string;
  draftId: string;
  draftRevision: number;
  kind: Draft['kind'];
  status: Draft['status'];
  severity: Severity;
  /** When it was published or released. */
  publishedAt: string;
  /** The next-update time the version promised (absent for notes and once resolved). */
  nextUpdateAt?: string;
  /** `sha256:` + 64 hex digits over kind, status and messages (`releaseHash`). */
  hash: string;
  /** The approved messages, in release order. */
  messages: ReleaseMessage[];
  /** Every granted approval, each naming this hash. */
  approvals: Array<{ gate: string; role: RoleId; by: string; at: string; releaseHash: string }>;
}

/** A customer question logged to the incident. */
export interface QuestionRecord {
  at: string;
  by: string;
  question: string;
  topic: string;
  from: string;
  accountId?: string;
}

/**
 * A side note released outside the status versions (`note.released`): an approved draft sent to
 * some recipients, e.g. a credit offer to named accounts. Instants are ISO-8601 UTC.
 */
export interface NoteRecord {
  draftId: string;
  revision: number;
  audience: Audience;
  /** When it was sent. */
  at: string;
  /** Person id who released it (the draft's author or the communication owner). */
  by: string;
  /** How many recipients it went to. */
  recipients: number;
  /** The channel it went out by, e.g. `account-note`. */
  channel?: string;
}

/** The permission policy an incident runs under (from its `declared` event, defaults filled). */
export interface IncidentPolicy {
  /** Which role decides each sensitive topic's gate. */
  approvals: Record<string, RoleId>;
  /** Who may override the permission table in an emergency (with a reason); often nobody. */
  admins: PersonRef[];
  /** Severity ids an event may name, most severe first (absent: the default SEV1–SEV3). */
  severities?: readonly string[];
  /** Incident type ids the declaration may name (absent: the default five). */
  incidentTypes?: readonly string[];
  /** Person ids the runbook names for each role, primary then backup (absent: not declared with it). */
  staffing?: Readonly<Record<string, readonly string[]>>;
}

/**
 * An emergency override: an event an admin appended that the permission table would have
 * refused, with the rule it set aside and the reason given. The review lists every one.
 */
export interface OverrideRecord {
  /** When (ISO-8601 UTC). */
  at: string;
  /** The admin's person id. */
  by: string;
  /** The overriding event's type. */
  eventType: string;
  /** The permission rules set aside, e.g. `['approval-decided-by-gate-role']`. */
  rules: string[];
  /** The reason the admin gave. */
  reason: string;
}

/** Why an engineering checkpoint was brought forward. */
export interface CheckpointTrigger {
  reason: 'scope-changed' | 'workaround-found' | 'recovery-started';
  at: string;
}

/** The state of one incident: a pure fold of its log (see `applyEvent`). JSON-serialisable. */
export interface IncidentState {
  id: string;
  title: string;
  incidentType: IncidentType;
  declaredAt: string;
  declaredBy: string;
  severity: Severity;
  /** When the severity last changed (declaration counts). */
  severityChangedAt: string;
  /** Status of the current status update; `investigating` before the first one. */
  status: Status;
  resolvedAt?: string;
  closedAt?: string;
  roles: Partial<Record<string, { primary: PersonRef; backup: PersonRef }>>;
  /** Person ids marked unavailable. */
  unavailable: string[];
  /** The permission policy (absent in states stored before it existed: the defaults apply). */
  policy?: IncidentPolicy;
  /** Emergency overrides of the permission table, oldest first. */
  overrides?: OverrideRecord[];
  facts: IncidentFacts;
  /** Increments on every change to confirmed facts (0 at declaration). */
  factsVersion: number;
  recovery: {
    startedAt?: string;
    confirmed?: { at: string; by: string; customerCheck: string; recoveredAt: string };
  };
  drafts: Record<string, DraftRecord>;
  /** Every published version, oldest first. The last is current; the others are superseded. */
  updates: StatusUpdate[];
  /** Side notes released outside the status versions, oldest first. */
  notes: NoteRecord[];
  /** Every approved release recorded in the log (versions and side notes), oldest first. */
  releases: ApprovedRelease[];
  questions: QuestionRecord[];
  /** Instants of held engineering checkpoints. */
  checkpoints: string[];
  /** Reasons to hold a checkpoint now, collected since the last one. */
  checkpointTriggers: CheckpointTrigger[];
  /** Drafts that `publish` refused, with why (for the review). */
  blocked: Array<{
    at: string;
    draftId: string;
    revision: number;
    reasons: Array<{ code: string; message: string; ruleId?: string }>;
  }>;
  lastEventAt: string;
  eventCount: number;
}

const person = z.object({ id: z.string(), name: z.string() });
const list = z.array(z.unknown());
const map = z.record(z.string(), z.unknown());

/**
 * The shape of an {@link IncidentState}, checked where a state comes in from outside (a state
 * loaded from a store and handed to `applyEvent`): every top-level field with its type, the
 * roles and the confirmed scope; collections are checked to be collections, not item by item.
 *
 * @example
 * incidentStateSchema.safeParse(replay(events)).success; // true
 * incidentStateSchema.safeParse({ foo: 1 }).success; // false
 */
export const incidentStateSchema = z
  .object({
    id: z.string().min(1),
    title: z.string(),
    incidentType: incidentTypeIdSchema,
    declaredAt: instantSchema,
    declaredBy: z.string(),
    severity: severityIdSchema,
    severityChangedAt: instantSchema,
    status: z.enum(STATUSES),
    resolvedAt: instantSchema.optional(),
    closedAt: instantSchema.optional(),
    roles: z.record(roleIdSchema, z.object({ primary: person, backup: person })),
    unavailable: z.array(z.string()),
    policy: z
      .object({
        approvals: z.record(topicIdSchema, roleIdSchema),
        admins: z.array(person),
        severities: z.array(z.string()).optional(),
        incidentTypes: z.array(z.string()).optional(),
      })
      .optional(),
    overrides: list.optional(),
    facts: z.looseObject({ scope: z.object({ value: z.enum(SCOPES), by: z.string(), at: z.string() }) }),
    factsVersion: z.number().int().min(0),
    recovery: map,
    drafts: map,
    updates: list,
    notes: list,
    releases: list,
    questions: list,
    checkpoints: z.array(z.string()),
    checkpointTriggers: list,
    blocked: list,
    lastEventAt: instantSchema,
    eventCount: z.number().int().min(1),
  })
  .superRefine(
    (state, ctx) => {
      // The severity must be on the incident's own ladder (the one its declaration carried); checked
      // beside the field problems, so a damaged state names every broken field at once.
      const given = (state as { policy?: { severities?: unknown } }).policy?.severities;
      const ladder: readonly unknown[] = Array.isArray(given) ? given : SEVERITIES;
      if (typeof state.severity === 'string' && !ladder.includes(state.severity))
        ctx.addIssue({
          code: 'custom',
          path: ['severity'],
          input: state.severity,
          message: `expected a severity on the incident's ladder (${ladder.join(', ')})`,
        });
    },
    { when: () => true },
  );

/**
 * Who holds `role` right now: the primary, or the backup while the primary is marked
 * unavailable. Practice: one backup covers each role if someone is out.
 *
 * @param state - the replayed incident state.
 * @param role - one of `ROLES`.
 * @returns the holder `{ id, name }`, or `undefined` when the role is not assigned or both
 *   people are unavailable (an ownership gap).
 * @example
 * roleHolder(state, 'approver'); // { id: 'dana', name: 'Dana Ortiz' } (or the backup while Dana is out)
 */
export function roleHolder(state: IncidentState, role: RoleId): PersonRef | undefined {
  const assigned = state.roles[role];
  if (!assigned) return undefined;
  if (!state.unavailable.includes(assigned.primary.id)) return assigned.primary;
  if (!state.unavailable.includes(assigned.backup.id)) return assigned.backup;
  return undefined;
}

/**
 * A person's name as the log's role assignments give it (primary or backup of any role), else
 * the id itself; for text a person reads.
 *
 * @example
 * personNameInRoles(state, 'maya'); // 'Maya Chen'
 * personNameInRoles(state, 'someone-else'); // 'someone-else'
 */
export function personNameInRoles(state: IncidentState, id: string): string {
  for (const held of Object.values(state.roles)) {
    if (held?.primary.id === id) return held.primary.name;
    if (held?.backup.id === id) return held.backup.name;
  }
  return id;
}

/**
 * Who owns the next customer update: the communication owner, or its backup while the primary
 * is out (practice: one named owner for every update). `undefined` during an ownership gap.
 *
 * @example
 * nextUpdateOwner(state)?.name; // 'Maya Chen'
 */
export function nextUpdateOwner(state: IncidentState): PersonRef | undefined {
  return roleHolder(state, 'communicationOwner');
}

/**
 * The current status update: the newest published version, the one every channel should
 * match. `undefined` before the first publish.
 *
 * @example
 * currentStatusUpdate(state)?.version; // 3
 */
export function currentStatusUpdate(state: IncidentState): StatusUpdate | undefined {
  return state.updates[state.updates.length - 1];
}

/**
 * Every published version but the newest, oldest first, kept unchanged as superseded (practice:
 * updates are never edited in place; a new version replaces them).
 *
 * @example
 * supersededUpdates(state).map((u) => u.version); // [1, 2] when version 3 is current
 */
export function supersededUpdates(state: IncidentState): StatusUpdate[] {
  return state.updates.slice(0, -1);
}

/**
 * Questions logged after the last engineering checkpoint (all of them before the first), in log
 * order. Practice: batch customer questions into the next checkpoint instead of pinging
 * engineers one question at a time.
 *
 * @example
 * questionsSinceCheckpoint(state).map((q) => q.topic); // ['billing', 'timing']
 */
export function questionsSinceCheckpoint(state: IncidentState): QuestionRecord[] {
  const last = state.checkpoints[state.checkpoints.length - 1];
  return last === undefined ? [...state.questions] : state.questions.filter((q) => q.at > last);
}

/**
 * Logged questions grouped by topic, most-asked first (ties by topic name). Practice: the most
 * frequent questions show what the last update failed to answer.
 *
 * @returns one group per topic: `{ topic, count, questions }`, questions in log order.
 * @example
 * questionsByTopic(state)[0]; // { topic: 'billing', count: 4, questions: [...] }
 */
export function questionsByTopic(
  state: IncidentState,
): Array<{ topic: string; count: number; questions: QuestionRecord[] }> {
  const groups = new Map<string, QuestionRecord[]>();
  for (const q of state.questions) groups.set(q.topic, [...(groups.get(q.topic) ?? []), q]);
  return [...groups.entries()]
    .map(([topic, questions]) => ({ topic, count: questions.length, questions }))
    .sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic));
}
