/**
 * @module incident/published-rules
 * The permission table's rule for `update.published`: a status version goes out only as the
 * approved draft revision, with the confirmed facts, under the owner who holds the role, and
 * with every gate the text and the facts need granted by the gate's role.
 */
import { draftTexts, FACTS_GATE, gatedTopics } from '../approvals/gates';
import type { EventOf, StatusUpdate } from './events';
import type { Denial } from './permission-checks';
import { gateRole } from './policy';
import { type IncidentState, roleHolder } from './state';

const RULE = 'published-as-approved';

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The fields a status version must state as the incident state has them. */
function expectedFields(state: IncidentState, event: EventOf<'update.published'>): Partial<StatusUpdate> {
  const f = state.facts;
  return {
    severity: state.severity,
    title: state.title,
    incidentType: state.incidentType,
    symptom: f.symptom?.value,
    affected: f.affected?.value,
    scope: f.scope.value,
    teamAction: f.teamAction?.value,
    unknowns: f.unknowns?.value ?? [],
    cause: f.cause?.value,
    workaround: f.workaround?.value,
    customerAction: f.customerAction?.value,
    regions: f.regions?.value ?? [],
    // Product areas default to the runbook's for the incident type, which the log does not hold.
    ...(f.productAreas ? { productAreas: f.productAreas.value } : {}),
    publishedAt: event.at,
  };
}

/**
 * Why `event` may not publish, or `undefined`. Checked in order: the draft revision exists
 * (else the reducer's `published-from-draft`), the text/kind/status are the revision's, the
 * owner named is the role's holder, every field equals the confirmed facts and the state, and
 * every gate (facts, plus each topic in the text or the customer-facing facts) was granted on
 * this revision by the role the gate names.
 */
export function publishedContentDenial(
  state: IncidentState,
  event: EventOf<'update.published'>,
): Denial | undefined {
  const { update } = event;
  const draft = state.drafts[update.draftId];
  if (!draft || draft.revision !== update.draftRevision) return undefined;
  const deny = (role: string, reason: string): Denial => ({ rule: RULE, role, reason });

  const edited = (['text', 'kind', 'status'] as const).filter((k) => update[k] !== draft[k]);
  if (edited.length > 0) {
    return deny(
      'communicationOwner',
      `version ${update.version} differs from draft ${draft.id} revision ${draft.revision} in ${edited.join(', ')}; publish exactly what was approved.`,
    );
  }
  const owner = roleHolder(state, 'communicationOwner');
  if (!owner || update.ownerId !== owner.id || update.ownerName !== owner.name) {
    return deny(
      'communicationOwner',
      `version ${update.version} names ${update.ownerName} (${update.ownerId}) as owner; the communication owner now is ${owner ? `${owner.name} (${owner.id})` : 'nobody'}.`,
    );
  }
  const expected = expectedFields(state, event) as Record<string, unknown>;
  const differing = Object.keys(expected).filter(
    (k) => !same((update as Record<string, unknown>)[k], expected[k]),
  );
  if (differing.length > 0) {
    return deny(
      'incidentLead',
      `version ${update.version} states ${differing.join(', ')} differently from the confirmed facts and the incident; a status version states exactly what was confirmed.`,
    );
  }
  const gates = [FACTS_GATE, ...gatedTopics(draftTexts(draft), state.facts).keys()];
  for (const gate of gates) {
    const role = gateRole(state, gate);
    const record = draft.approvals[gate];
    if (record?.status !== 'granted' || record.role !== role) {
      return deny(
        role ?? 'none',
        `draft ${draft.id} revision ${draft.revision} needs the ${gate} gate granted by ${role} before it is published (${record ? `it is ${record.status} by ${record.role}` : 'it was never asked'}).`,
      );
    }
  }
  return undefined;
}

/**
 * Why `event` may not release a side note, or `undefined`: every topic its text touches
 * (a credit offer, a contract term) needs that gate granted on this revision by its role.
 */
export function noteContentDenial(state: IncidentState, event: EventOf<'note.released'>): Denial | undefined {
  const draft = state.drafts[event.draftId];
  if (!draft || draft.revision !== event.revision) return undefined;
  for (const gate of gatedTopics(draftTexts(draft), {}).keys()) {
    const role = gateRole(state, gate);
    const record = draft.approvals[gate];
    if (record?.status !== 'granted' || record.role !== role) {
      return {
        rule: 'note-after-topic-approval',
        role: role ?? 'none',
        reason: `draft ${draft.id} revision ${draft.revision} touches ${gate}; ${role} must grant that gate before the note goes out (${record ? `it is ${record.status}` : 'it was never asked'}).`,
      };
    }
  }
  return undefined;
}
