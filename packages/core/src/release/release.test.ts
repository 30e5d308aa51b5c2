import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkoutStart, t } from '../../test/support';
import { EventRejectedError, ValidationError } from '../errors';
import { applyEvent, replay } from '../incident/reducer';
import type { IncidentState } from '../incident/state';
import { AUDIENCES } from '../vocabulary';
import { approvedRelease } from './approved';
import { canonicalJson, leftoverPlaceholder, type ReleaseMessage, releaseHash } from './release';

const customer: ReleaseMessage = {
  audience: 'customer',
  timeZone: 'America/New_York',
  subject: 'Investigating: card payments failing at checkout',
  text: 'Card payments at checkout are failing for some customers. Next update by 9:30 AM ET.',
};
const support: ReleaseMessage = {
  audience: 'support-reply',
  timeZone: 'America/New_York',
  subject: 'Re: your payment',
  text: 'Thanks for writing in. Card payments are failing for some customers; next update by 9:30 AM ET.',
};

describe('canonicalJson', () => {
  it('gives the same string whatever order the keys were built in', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (object) => {
        const reversed = Object.fromEntries(Object.entries(object).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(object));
        expect(JSON.parse(canonicalJson(object))).toEqual(JSON.parse(JSON.stringify(object)));
      }),
      { seed: 14, numRuns: 200 },
    );
  });
});

describe('releaseHash', () => {
  const base = { kind: 'initial', status: 'investigating', messages: [customer, support] } as const;

  it('is a SHA-256 of the content, independent of message order', () => {
    expect(releaseHash(base)).toMatch(/^sha256:[0-9a-f]{64}$/);
    // Message order does not matter: the set is the release.
    expect(releaseHash({ ...base, messages: [support, customer] })).toBe(releaseHash(base));
  });

  it('changes when any byte of any message, the kind or the status changes', () => {
    const original = releaseHash(base);
    const fields = ['subject', 'text', 'timeZone'] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(0, 1),
        fc.constantFrom(...fields),
        fc.string({ minLength: 1, maxLength: 3 }).filter((s) => !/[\r\n\u2028\u2029]/.test(s)),
        (index, field, extra) => {
          const messages = base.messages.map((m, i) =>
            i === index ? { ...m, [field]: m[field] + extra } : m,
          );
          expect(releaseHash({ ...base, messages })).not.toBe(original);
        },
      ),
      { seed: 14, numRuns: 100 },
    );
    expect(releaseHash({ ...base, status: 'identified' })).not.toBe(original);
    expect(releaseHash({ ...base, kind: 'update' })).not.toBe(original);
    expect(releaseHash({ ...base, messages: [customer] })).not.toBe(original);
  });

  it('ignores the template id and the edited flag', () => {
    const tagged = [{ ...customer, templateId: 'initial/customer', edited: true }, support];
    expect(releaseHash({ ...base, messages: tagged })).toBe(releaseHash(base));
  });

  it('refuses a malformed release naming the path', () => {
    const bad = [
      { messages: [], path: 'release.messages' },
      { messages: [{ ...customer, subject: 'two\nlines' }], path: 'release.messages.0.subject' },
      { messages: [customer, customer], path: 'release.messages.1.timeZone' },
      { messages: [{ ...customer, audience: 'everyone' }], path: 'release.messages.0.audience' },
    ];
    for (const { messages, path } of bad) {
      const error = (() => {
        try {
          releaseHash({ ...base, messages: messages as ReleaseMessage[] });
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).problems.map((p) => p.path)).toContain(path);
    }
  });
});

describe('leftoverPlaceholder', () => {
  it('finds {{ or }} in the subject or text', () => {
    expect(leftoverPlaceholder(customer)).toBeUndefined();
    expect(leftoverPlaceholder({ subject: 'Hi {{name', text: 'x' })).toEqual({ field: 'subject', index: 3 });
    expect(leftoverPlaceholder({ subject: 'x', text: 'by nextUpdateTime}}.' })).toEqual({
      field: 'text',
      index: 17,
    });
  });
});

// The reducer's release rules: the hash is recorded per revision, approvals bind to it, an
// edit clears them, and the published event must carry exactly the approved messages.
describe('release in the incident log', () => {
  const messages = [customer, support];
  const draft = {
    id: 'd-1',
    kind: 'initial',
    audience: 'customer',
    status: 'investigating',
    text: customer.text,
    basedOnFactsVersion: 1,
    messages,
  } as const;
  const hash = releaseHash({ kind: 'initial', status: 'investigating', messages });

  function approved(): IncidentState {
    return replay([
      ...checkoutStart(),
      { type: 'draft.created', at: t(6), actor: 'dana', draft },
      {
        type: 'approval.requested',
        at: t(6),
        actor: 'dana',
        draftId: 'd-1',
        revision: 1,
        gate: 'facts',
        role: 'incidentLead',
      },
      {
        type: 'approval.granted',
        at: t(7),
        actor: 'lee',
        draftId: 'd-1',
        revision: 1,
        gate: 'facts',
        releaseHash: hash,
      },
    ]);
  }

  const update = (state: IncidentState) => ({
    version: 1,
    status: 'investigating' as const,
    kind: 'initial' as const,
    severity: state.severity,
    title: state.title,
    incidentType: state.incidentType,
    symptom: state.facts.symptom!.value,
    affected: state.facts.affected!.value,
    scope: state.facts.scope.value,
    teamAction: state.facts.teamAction!.value,
    unknowns: state.facts.unknowns?.value ?? [],
    ...(state.facts.customerAction ? { customerAction: state.facts.customerAction.value } : {}),
    regions: [],
    productAreas: ['checkout'],
    text: customer.text,
    publishedAt: t(8),
    nextUpdateAt: t(20),
    ownerId: 'dana',
    ownerName: 'Dana',
    factsVersion: state.factsVersion,
    draftId: 'd-1',
    draftRevision: 1,
  });

  it('records the hash on the revision and on each approval', () => {
    const state = approved();
    expect(state.drafts['d-1']!.releaseHash).toBe(hash);
    expect(state.drafts['d-1']!.approvals.facts!.releaseHash).toBe(hash);
  });

  it('refuses an approval naming another release', () => {
    const state = replay([
      ...checkoutStart(),
      { type: 'draft.created', at: t(6), actor: 'dana', draft },
      {
        type: 'approval.requested',
        at: t(6),
        actor: 'dana',
        draftId: 'd-1',
        revision: 1,
        gate: 'facts',
        role: 'incidentLead',
      },
    ]);
    const other = releaseHash({ kind: 'initial', status: 'investigating', messages: [customer] });
    expect(() =>
      applyEvent(state, {
        type: 'approval.granted',
        at: t(7),
        actor: 'lee',
        draftId: 'd-1',
        revision: 1,
        gate: 'facts',
        releaseHash: other,
      }),
    ).toThrow(expect.objectContaining({ rule: 'approval-of-current-release' }));
  });

  it('refuses a draft whose text is not its own audience message', () => {
    expect(() =>
      applyEvent(replay(checkoutStart()), {
        type: 'draft.created',
        at: t(6),
        actor: 'dana',
        draft: { ...draft, text: 'Something else entirely.' },
      }),
    ).toThrow(expect.objectContaining({ rule: 'draft-text-in-release' }));
  });

  it('records the approved release on publish, and only the approved messages', () => {
    const state = approved();
    const published = applyEvent(state, {
      type: 'update.published',
      at: t(8),
      actor: 'dana',
      update: update(state),
      release: { hash, messages },
    });
    const release = approvedRelease(published, { version: 1 });
    expect(release.hash).toBe(hash);
    expect(release.messages).toEqual(messages);
    expect(release.approvals).toEqual([
      { gate: 'facts', role: 'incidentLead', by: 'lee', at: t(7), releaseHash: hash },
    ]);

    const tampered = [{ ...customer, text: `${customer.text} Sorry!` }, support];
    for (const release of [
      undefined,
      { hash, messages: tampered },
      {
        hash: releaseHash({ kind: 'initial', status: 'investigating', messages: tampered }),
        messages: tampered,
      },
    ]) {
      const rejected = (() => {
        try {
          applyEvent(state, {
            type: 'update.published',
            at: t(8),
            actor: 'dana',
            update: update(state),
            ...(release ? { release } : {}),
          });
        } catch (e) {
          return e;
        }
      })();
      expect(rejected).toBeInstanceOf(EventRejectedError);
      expect(['release-recorded', 'release-matches-approval']).toContain(
        (rejected as EventRejectedError).rule,
      );
    }
  });

  it('clears approvals on an edit: the new revision has a new hash and no approvals', () => {
    const edited = applyEvent(approved(), {
      type: 'draft.created',
      at: t(9),
      actor: 'dana',
      draft: { ...draft, messages: [customer, { ...support, text: `${support.text} We are sorry.` }] },
    });
    expect(edited.drafts['d-1']!.approvals).toEqual({});
    expect(edited.drafts['d-1']!.releaseHash).not.toBe(hash);
    expect(
      () =>
        applyEvent(edited, {
          type: 'update.published',
          at: t(10),
          actor: 'dana',
          update: { ...update(edited), draftRevision: 2, publishedAt: t(10) },
          release: { hash, messages },
        }),
      // The permission table refuses it first (revision 2 was never approved).
    ).toThrow(expect.objectContaining({ rule: 'published-as-approved' }));
  });

  it('says which releases exist when asked for a missing one', () => {
    expect(() => approvedRelease(approved(), { version: 1 })).toThrow(ValidationError);
    expect(() => approvedRelease(approved(), { noteId: 'credit' })).toThrow(/ref\.noteId/);
  });

  it('covers every audience in one release', () => {
    const all = AUDIENCES.map((audience) => ({ ...customer, audience }));
    expect(releaseHash({ kind: 'update', status: 'identified', messages: all })).toMatch(/^sha256:/);
  });
});
