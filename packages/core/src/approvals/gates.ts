/**
 * @module approvals/gates
 * Which approvals a draft needs before it may be published, who gives each one, and whether
 * the draft's current revision has them. Topic detection is the linter's (`detectTopics`).
 */
import type { Draft } from '../incident/events';
import {
  type ApprovalRecord,
  type DraftRecord,
  type IncidentFacts,
  type IncidentState,
  type PersonRef,
  roleHolder,
} from '../incident/state';
import type { LintConfig } from '../lint/config';
import { detectTopics } from '../lint/topics';
import type { Runbook } from '../runbook/define';
import { approvalTopics } from '../runbook/topics';
import type { Role, RoleId, TopicId } from '../vocabulary';

/** The gate every update passes: the incident lead confirms the draft states the current facts. */
export const FACTS_GATE = 'facts';
/** The gate of a resolution message: recovery confirmed with a customer-facing check. */
export const RESOLUTION_GATE = 'resolution';

/** A span of the draft text (UTF-16 offsets, like `String.prototype.slice`). */
export interface TextSpan {
  start: number;
  end: number;
  text: string;
  /**
   * Where the span is, when not in the draft text: the confirmed fact it sits in, e.g.
   * `facts.customerAction` (offsets are then into that fact's value).
   */
  source?: string;
}

// Confirmed facts that templates render into customer messages; a topic there needs its gate
// as much as one in the draft's own words.
const CUSTOMER_FACING_FACTS = [
  'symptom',
  'affected',
  'teamAction',
  'workaround',
  'customerAction',
  'cause',
  'unknowns',
  'regions',
] as const;

/**
 * The confirmed facts that reach customers (every template may render them), each with its
 * path: `facts.customerAction`, `facts.unknowns.0`.
 *
 * @example
 * customerFacingFacts(state.facts); // [{ path: 'facts.symptom', text: 'card payments fail' }, …]
 */
export function customerFacingFacts(facts: Partial<IncidentFacts>): Array<{ path: string; text: string }> {
  return CUSTOMER_FACING_FACTS.flatMap((key) => {
    const value = facts[key]?.value;
    if (value === undefined) return [];
    return Array.isArray(value)
      ? value.map((text, i) => ({ path: `facts.${key}.${i}`, text }))
      : [{ path: `facts.${key}`, text: value }];
  });
}

/**
 * Every approval topic a release would carry to customers: found in the draft text and in the
 * customer-facing confirmed facts (a refund promise in `customerAction` needs the approver
 * just as one in the text does). One detector, the linter's `detectTopics`.
 *
 * @param config - the runbook's lint settings (its extra topic phrases); default phrases without.
 * @returns the spans per topic, draft text first; fact spans carry `source`.
 * @example
 * gatedTopics('Checkout is failing.', { customerAction: { value: 'We will refund every order.', by: 'lee', at } });
 * // Map { 'compensation' => [{ start: 8, end: 14, text: 'refund', source: 'facts.customerAction' }] }
 */
export function gatedTopics(
  texts: string | readonly string[],
  facts: Partial<IncidentFacts>,
  config?: LintConfig,
): Map<TopicId, TextSpan[]> {
  const byTopic = new Map<TopicId, TextSpan[]>();
  const own = (typeof texts === 'string' ? [texts] : texts).map((text) => ({
    path: undefined as string | undefined,
    text,
  }));
  const sources = [...own, ...customerFacingFacts(facts)];
  for (const source of sources) {
    for (const match of detectTopics(source.text, config)) {
      const spans = byTopic.get(match.topic) ?? [];
      spans.push({
        start: match.start,
        end: match.end,
        text: match.text,
        ...(source.path ? { source: source.path } : {}),
      });
      byTopic.set(match.topic, spans);
    }
  }
  return byTopic;
}

/**
 * One gate a draft must pass before it may be published.
 *
 * - `kind: 'approval'`: someone holding `role` must grant it with an `approval.granted` event
 *   on the draft's current revision (id = `gate`).
 * - `kind: 'precondition'`: read from the incident state; no approval event can satisfy it.
 *   Only the `resolution` gate is a precondition (see {@link requiredApprovals}).
 */
export interface ApprovalGate {
  /** Stable gate id, used as `gate` in approval events: `facts`, a topic id, or `resolution`. */
  id: string;
  kind: 'approval' | 'precondition';
  /**
   * The sensitive topic that triggered it: a built-in one (`security`, `dataLoss`, `legal`,
   * `compensation`, `contract`, `fixTime`) or one the runbook defines (`topics`).
   */
  topic?: TopicId;
  /** The role that approves it (the topic's role in the runbook; extra roles included). */
  role: RoleId;
  /** Who holds that role right now (primary, or backup while the primary is out); absent when nobody does. */
  approver?: PersonRef;
  /** Why the gate applies, in plain words. */
  reason: string;
  /** The first passage of the text that triggered it (topic gates only). */
  span?: TextSpan;
  /** Every passage that triggered it, in text order (topic gates only). */
  spans?: TextSpan[];
}

/** Where a gate stands for a draft's current revision. */
export type GateState = 'missing' | 'requested' | 'granted' | 'denied' | 'wrong-role' | 'met' | 'unmet';

/** A gate and where it stands. */
export interface GateStatus {
  gate: ApprovalGate;
  state: GateState;
  /** The approval record of the current revision, when one exists. */
  record?: ApprovalRecord;
}

const ROLE_WORDS: Record<Role, string> = {
  communicationOwner: 'the communication owner',
  incidentLead: 'the incident lead',
  approver: 'the named approver',
  support: 'support',
  sales: 'sales',
  customerSuccess: 'customer success',
  engineering: 'engineering',
};

/**
 * Plain words for a role, e.g. `the named approver`; an extra role's camelCase id reads as
 * words (`legalReviewer` → `the legal reviewer`).
 *
 * @example
 * roleWords('legalReviewer'); // 'the legal reviewer'
 */
export function roleWords(role: RoleId): string {
  if (Object.hasOwn(ROLE_WORDS, role)) return ROLE_WORDS[role as Role];
  return `the ${role.replace(/([A-Z])/g, ' $1').toLowerCase()}`;
}

const who = (role: RoleId, person: PersonRef | undefined) =>
  person ? `${roleWords(role)} (${person.name})` : `${roleWords(role)} (nobody available: name a backup)`;

/**
 * True when the draft announces the resolution (kind `resolved` or status `resolved`); such a
 * draft needs the resolution gate and states no next update time.
 *
 * @example
 * isResolutionDraft({ kind: 'update', status: 'resolved' }); // true
 */
export function isResolutionDraft(draft: Pick<Draft, 'kind' | 'status'>): boolean {
  return draft.kind === 'resolved' || draft.status === 'resolved';
}

/**
 * The gates a draft must pass before it may be published, in a fixed order: `facts`, then the
 * sensitive topics in text order, then `resolution`.
 *
 * - every update: `facts`, granted by the incident lead (the draft states the current
 *   confirmed facts; `publish` separately refuses a draft based on an older facts version);
 * - security, data loss or exposure, legal, compensation, contract/SLA: one gate per topic,
 *   granted by the role `runbook.approvals[topic]` names (the named approver by default);
 * - a promised fix or recovery time: `fixTime`, by `runbook.approvals.fixTime` (the incident lead);
 * - a resolution message: `resolution`, a **precondition** read from the state, not an
 *   approval event: met once the incident lead recorded `recovery.confirmed` with the
 *   customer-facing check (`state.recovery.confirmed.customerCheck`). That event is already
 *   the incident lead's signed, timed decision (the reducer accepts it only from the lead), so
 *   asking for a second approval of the same decision would only add wait; the lead still
 *   approves the resolution wording through the `facts` gate.
 *
 * Practice: "normal status updates go out after engineering confirms the facts; security,
 * data loss, legal risk, refunds or contract impact go through one named leader"; "do not
 * promise a fix time unless the engineering lead approves it"; "do not say fixed until
 * engineering confirms recovery".
 *
 * @param draft - the draft (its `text`, every release message's subject and text, `kind` and
 *   `status` are read; spans are offsets into the passage's own text).
 * @param state - the incident state (who holds each role now; recovery).
 * @param runbook - a validated runbook (`approvals` routes topics to roles).
 * @returns the gates, each with role, current holder, plain reason and triggering span.
 * @example
 * const gates = requiredApprovals(
 *   { ...draft, text: 'We will make this right on your invoice. Next update at 9:45 AM ET.' },
 *   state, runbook,
 * );
 * gates.map((g) => g.id); // ['facts', 'compensation']
 */
export function requiredApprovals(
  draft: Pick<Draft, 'text' | 'kind' | 'status'> & Partial<Pick<Draft, 'messages'>>,
  state: IncidentState,
  runbook: Runbook,
): ApprovalGate[] {
  const lead = roleHolder(state, 'incidentLead');
  const gates: ApprovalGate[] = [
    {
      id: FACTS_GATE,
      kind: 'approval',
      role: 'incidentLead',
      ...(lead ? { approver: lead } : {}),
      reason: `Every update goes out only after ${who('incidentLead', lead)} confirms it states the current facts.`,
    },
  ];
  // Every word of the release counts (a credit offered only in the sales note still needs the
  // approver), and so do the confirmed facts the templates render.
  const topics = new Map(approvalTopics(runbook).map((t) => [t.id, t]));
  for (const [topic, spans] of gatedTopics(draftTexts(draft), state.facts, runbook.lint)) {
    const definition = topics.get(topic);
    const role = definition?.role ?? 'approver';
    const holder = roleHolder(state, role);
    const first = spans[0]!;
    gates.push({
      id: topic,
      kind: 'approval',
      topic,
      role,
      ...(holder ? { approver: holder } : {}),
      reason: `${definition?.reason ?? `It mentions ${topic}`} ("${first.text}"${first.source ? ` in ${first.source}, which customers read` : ''}); ${who(role, holder)} must approve it first.`,
      span: first,
      spans,
    });
  }
  if (isResolutionDraft(draft)) {
    gates.push({
      id: RESOLUTION_GATE,
      kind: 'precondition',
      role: 'incidentLead',
      ...(lead ? { approver: lead } : {}),
      reason:
        `A resolution goes out only after ${who('incidentLead', lead)} confirms recovery and records ` +
        'the customer-facing check (a real customer action, not only an internal graph).',
    });
  }
  return gates;
}

/**
 * Every text of a draft whose words are approved: its `text`, then each release message's
 * subject and text (duplicates once), in release order.
 *
 * @example
 * draftTexts({ text: 'a', messages: [{ audience: 'customer', timeZone: 'UTC', subject: 's', text: 'a' }] }); // ['a', 's']
 */
export function draftTexts(draft: Pick<Draft, 'text'> & Partial<Pick<Draft, 'messages'>>): string[] {
  return [...new Set([draft.text, ...(draft.messages ?? []).flatMap((m) => [m.subject, m.text])])];
}

/**
 * Where each gate stands for the draft's current revision in the log: approvals are read from
 * `state.drafts[draft.id].approvals` (an edit, i.e. a new revision, clears them), and an
 * approval decided under a different role than the gate requires counts as `wrong-role`.
 *
 * @param gates - from {@link requiredApprovals}.
 * @param record - the draft as recorded in the log, or `undefined` when it is not recorded.
 * @example
 * gateStatuses(requiredApprovals(draft, state, runbook), state.drafts[draft.id], state)
 *   .filter((s) => s.state !== 'granted' && s.state !== 'met'); // what is still missing
 */
export function gateStatuses(
  gates: readonly ApprovalGate[],
  record: DraftRecord | undefined,
  state: IncidentState,
): GateStatus[] {
  return gates.map((gate) => {
    if (gate.kind === 'precondition') {
      const check = state.recovery.confirmed?.customerCheck?.trim();
      return { gate, state: check ? 'met' : 'unmet' };
    }
    const approval = record?.approvals[gate.id];
    if (!approval) return { gate, state: 'missing' };
    if (approval.role !== gate.role) return { gate, state: 'wrong-role', record: approval };
    return { gate, state: approval.status, record: approval };
  });
}

/**
 * True when the draft's current revision in the log has a grant of `gateId` by the role the
 * gate requires (read from `state.drafts[draftId]`).
 *
 * @example
 * isGateGranted(state, 'draft-3', 'compensation', 'approver'); // true once Maya granted it
 */
export function isGateGranted(state: IncidentState, draftId: string, gateId: string, role: RoleId): boolean {
  const approval = state.drafts[draftId]?.approvals[gateId];
  return approval?.status === 'granted' && approval.role === role;
}
