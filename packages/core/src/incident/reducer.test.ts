import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grantAt, requestApprovalAt } from '../../test/review-support';
import { checkoutStart, checkoutUpdateFields, t, testRunbook } from '../../test/support';
import { EventRejectedError, NotAuthorizedError, ValidationError } from '../errors';
import { ROLES } from '../vocabulary';
import {
  applyEvent,
  currentStatusUpdate,
  type IncidentEventInput,
  type IncidentState,
  nextUpdateOwner,
  questionsByTopic,
  questionsSinceCheckpoint,
  replay,
  roleAssignmentsFromRunbook,
  supersededUpdates,
} from './index';

/** The refusal of `event`: a broken rule of the log, or of the permission table. */
function rejectionOf(
  state: IncidentState | undefined,
  event: IncidentEventInput,
): EventRejectedError | NotAuthorizedError {
  try {
    applyEvent(state, event);
  } catch (error) {
    if (!(error instanceof NotAuthorizedError)) expect(error).toBeInstanceOf(EventRejectedError);
    return error as EventRejectedError | NotAuthorizedError;
  }
  throw new Error('expected the event to be rejected');
}

/** The facts gate of a draft revision, asked by the owner and granted by the incident lead. */
const factsGranted = (draftId: string, at: string, revision = 1): IncidentEventInput[] => [
  { type: 'approval.requested', at, actor: 'dana', draftId, revision, gate: 'facts', role: 'incidentLead' },
  { type: 'approval.granted', at, actor: 'lee', draftId, revision, gate: 'facts' },
];

const draft = (
  id: string,
  at: string,
  factsVersion: number,
  extra: Record<string, unknown> = {},
): IncidentEventInput => ({
  type: 'draft.created',
  at,
  actor: 'dana',
  draft: {
    id,
    kind: 'initial',
    status: 'investigating',
    text: 'Card payments at checkout are failing. Next update by 9:30 AM ET.',
    basedOnFactsVersion: factsVersion,
    ...extra,
  },
});

const published = (
  version: number,
  at: string,
  factsVersion: number,
  draftId: string,
  extra: Record<string, unknown> = {},
): IncidentEventInput => ({
  type: 'update.published',
  at,
  actor: 'dana',
  update: {
    version,
    status: 'investigating',
    kind: version === 1 ? 'initial' : 'update',
    ...checkoutUpdateFields(),
    text: 'Card payments at checkout are failing. Next update by 9:30 AM ET.',
    publishedAt: at,
    nextUpdateAt: t(20),
    ownerId: 'dana',
    ownerName: 'Dana',
    factsVersion,
    draftId,
    draftRevision: 1,
    ...extra,
  },
});

describe('the incident log', () => {
  it('folds the checkout outage into a state that answers the practice questions', () => {
    const state = replay([
      ...checkoutStart(),
      draft('d1', t(6), 1),
      ...factsGranted('d1', t(7)),
      published(1, t(8), 1, 'd1'),
      {
        type: 'question.logged',
        at: t(9),
        actor: 'tom',
        question: 'Was I charged twice?',
        topic: 'double charge',
        from: 'support-reply',
      },
      {
        type: 'question.logged',
        at: t(10),
        actor: 'tom',
        question: 'Will my card be charged again?',
        topic: 'double charge',
        from: 'support-reply',
      },
    ]);
    expect(state.status).toBe('investigating');
    expect(state.severity).toBe('SEV1');
    expect(state.facts.scope).toEqual({ value: 'some', by: 'lee', at: t(5) });
    expect(state.facts.symptom?.value).toBe('card payments at checkout are failing');
    expect(currentStatusUpdate(state)?.version).toBe(1);
    expect(nextUpdateOwner(state)).toEqual({ id: 'dana', name: 'Dana' });
    expect(questionsByTopic(state)[0]).toMatchObject({ topic: 'double charge', count: 2 });
  });

  it('hands the next update to the backup while the owner is unavailable', () => {
    const state = replay([
      ...checkoutStart(),
      { type: 'availability.changed', at: t(6), actor: 'lee', personId: 'dana', available: false },
    ]);
    expect(nextUpdateOwner(state)?.id).toBe('sam');
    const back = applyEvent(state, {
      type: 'availability.changed',
      at: t(7),
      actor: 'dana',
      personId: 'dana',
      available: true,
    });
    expect(nextUpdateOwner(back)?.id).toBe('dana');
  });

  it('keeps earlier versions as superseded and exactly one current', () => {
    const state = replay([
      ...checkoutStart(),
      draft('d1', t(6), 1),
      ...factsGranted('d1', t(7)),
      published(1, t(8), 1, 'd1'),
      draft('d2', t(20), 1, { kind: 'update' }),
      ...factsGranted('d2', t(20)),
      published(2, t(21), 1, 'd2'),
    ]);
    expect(currentStatusUpdate(state)?.version).toBe(2);
    expect(supersededUpdates(state).map((u) => u.version)).toEqual([1]);
  });

  describe('rejects illegal transitions with the rule named and the state untouched', () => {
    const start = replay(checkoutStart());
    const cases: Array<[string, IncidentState | undefined, IncidentEventInput]> = [
      ['declared-first', undefined, { type: 'checkpoint.held', at: t(1), actor: 'lee' }],
      ['declared-once', start, checkoutStart()[0]!],
      ['events-in-time-order', start, { type: 'checkpoint.held', at: t(1), actor: 'lee' }],
      [
        'facts-confirmed-by-incident-lead',
        start,
        { type: 'facts.confirmed', at: t(6), actor: 'priya', facts: { scope: 'all' } },
      ],
      ['resolved-after-recovery-confirmed', start, { type: 'resolved', at: t(6), actor: 'lee' }],
      ['closed-after-resolved', start, { type: 'closed', at: t(6), actor: 'lee' }],
      [
        'published-by-communication-owner',
        replay([...checkoutStart(), draft('d1', t(6), 1), ...factsGranted('d1', t(7))]),
        { ...published(1, t(8), 1, 'd1'), actor: 'priya' },
      ],
      [
        'stale-facts',
        replay([...checkoutStart(), draft('d1', t(6), 1), ...factsGranted('d1', t(7))]),
        published(1, t(8), 0, 'd1'),
      ],
      [
        'version-sequence',
        replay([...checkoutStart(), draft('d1', t(6), 1), ...factsGranted('d1', t(7))]),
        published(2, t(8), 1, 'd1', { kind: 'initial' }),
      ],
      ['draft-based-on-known-facts', start, draft('d1', t(6), 7)],
    ];
    it.each(cases)('%s', (rule, state, event) => {
      const before = structuredClone(state);
      expect(rejectionOf(state, event).rule).toBe(rule);
      expect(state).toEqual(before);
    });

    it('nobody publishes or confirms facts before roles are assigned', () => {
      const [declared, , facts] = checkoutStart();
      const noRoles = replay([declared!]);
      expect(rejectionOf(noRoles, published(1, t(8), 0, 'd1')).rule).toBe('published-by-communication-owner');
      const refused = rejectionOf(noRoles, facts!);
      expect([refused.rule, refused.message]).toEqual([
        'facts-confirmed-by-incident-lead',
        'lee may not confirm facts: only the incident lead (nobody holds it now) may. [facts-confirmed-by-incident-lead]',
      ]);
    });

    it('publishing the resolved version resolves the incident; a later resolved event is refused', () => {
      let state = applyEvent(start, {
        type: 'recovery.confirmed',
        at: t(50),
        actor: 'lee',
        customerCheck: 'placed a real card order',
        recoveredAt: t(48),
      });
      state = applyEvent(state, draft('d1', t(51), 2, { kind: 'resolved', status: 'resolved' }));
      state = factsGranted('d1', t(51)).reduce(applyEvent, state);
      state = applyEvent(state, published(1, t(52), 2, 'd1', { status: 'resolved', kind: 'resolved' }));
      expect(state).toMatchObject({ status: 'resolved', resolvedAt: t(52) });
      const rejection = rejectionOf(state, { type: 'resolved', at: t(53), actor: 'lee' });
      expect(rejection.rule).toBe('incident-resolved');
      expect((rejection as EventRejectedError).eventType).toBe('resolved');
      // Nothing half-applied: resolvedAt stays the publication time; closing still works.
      expect(applyEvent(state, { type: 'closed', at: t(60), actor: 'lee' })).toMatchObject({
        resolvedAt: t(52),
        closedAt: t(60),
      });
    });

    it('a resolved event resolves the incident once; a second one is refused', () => {
      let state = applyEvent(start, {
        type: 'recovery.confirmed',
        at: t(50),
        actor: 'lee',
        customerCheck: 'placed a real card order',
      });
      state = applyEvent(state, { type: 'resolved', at: t(51), actor: 'lee' });
      expect(state).toMatchObject({ status: 'resolved', resolvedAt: t(51) });
      expect(rejectionOf(state, { type: 'resolved', at: t(52), actor: 'lee' }).rule).toBe(
        'incident-resolved',
      );
    });

    it('refuses a resolved status update before recovery is confirmed, then accepts it after', () => {
      let state = applyEvent(start, draft('d1', t(6), 1, { kind: 'resolved', status: 'resolved' }));
      state = factsGranted('d1', t(6)).reduce(applyEvent, state);
      expect(
        rejectionOf(state, published(1, t(8), 1, 'd1', { status: 'resolved', kind: 'resolved' })).rule,
      ).toBe('resolved-after-recovery-confirmed');
      state = applyEvent(state, {
        type: 'recovery.confirmed',
        at: t(50),
        actor: 'lee',
        customerCheck: 'placed a real card order',
      });
      state = applyEvent(state, draft('d2', t(51), 2, { kind: 'resolved', status: 'resolved' }));
      state = factsGranted('d2', t(51)).reduce(applyEvent, state);
      state = applyEvent(state, published(1, t(52), 2, 'd2', { status: 'resolved', kind: 'resolved' }));
      expect(state.status).toBe('resolved');
      expect(rejectionOf(state, draft('d3', t(53), 2)).rule).toBe('incident-resolved');
      state = applyEvent(state, { type: 'closed', at: t(60), actor: 'lee' });
      expect(
        rejectionOf(state, {
          type: 'question.logged',
          at: t(61),
          actor: 'tom',
          question: 'q',
          topic: 'x',
          from: 'customer',
        }).rule,
      ).toBe('incident-closed');
    });

    it('refuses to publish a draft whose requested approval is not granted', () => {
      let state = applyEvent(start, draft('d1', t(6), 1));
      state = factsGranted('d1', t(6)).reduce(applyEvent, state);
      state = applyEvent(state, requestApprovalAt(6, 'd1', 'compensation'));
      expect(rejectionOf(state, published(1, t(8), 1, 'd1')).rule).toBe('approvals-granted');
    });
  });

  describe('approvals', () => {
    const requested = [
      ...checkoutStart(),
      draft('d1', t(6), 1),
      requestApprovalAt(6, 'd1', 'compensation'),
    ] as IncidentEventInput[];

    it('only the approving role can grant; anyone else gets NotAuthorized and nothing is recorded', () => {
      const state = replay(requested);
      const before = structuredClone(state);
      expect(() => applyEvent(state, grantAt(7, 'd1', 'compensation', { actor: 'priya' }))).toThrow(
        NotAuthorizedError,
      );
      expect(state).toEqual(before);
      // The backup may grant only while the primary is unavailable.
      expect(() => applyEvent(state, grantAt(7, 'd1', 'compensation', { actor: 'raj' }))).toThrow(
        'Raj may not decide the compensation approval: only the named approver (Maya) may.',
      );
      const away = applyEvent(state, {
        type: 'availability.changed',
        at: t(7),
        actor: 'maya',
        personId: 'maya',
        available: false,
      });
      const granted = applyEvent(away, grantAt(8, 'd1', 'compensation', { actor: 'raj' }));
      expect(granted.drafts.d1!.approvals.compensation).toMatchObject({
        status: 'granted',
        decidedBy: 'raj',
        requestedAt: t(6),
        decidedAt: t(8),
      });
    });

    it('says who may decide in names and role words; an id nobody was assigned stays an id', () => {
      const state = replay(requested);
      const decide = (actor: string, from = state) => {
        try {
          applyEvent(from, {
            type: 'approval.granted',
            at: t(7),
            actor,
            draftId: 'd1',
            revision: 1,
            gate: 'compensation',
          });
        } catch (error) {
          expect(error).toBeInstanceOf(NotAuthorizedError);
          return error as NotAuthorizedError;
        }
        throw new Error('expected a refusal');
      };
      const refused = decide('priya');
      expect(refused.reason).toBe(
        'Priya may not decide the compensation approval: only the named approver (Maya) may.',
      );
      expect([refused.actor, refused.role, refused.code, refused.rule]).toEqual([
        'priya',
        'approver',
        'approval_not_authorized',
        'approval-decided-by-gate-role',
      ]);
      expect(decide('stranger').reason).toBe(
        'stranger may not decide the compensation approval: only the named approver (Maya) may.',
      );
      // With the approver and the backup both away, nobody may, and it says so.
      let away = applyEvent(state, {
        type: 'availability.changed',
        at: t(7),
        actor: 'maya',
        personId: 'maya',
        available: false,
      });
      // The table refuses leaving the gate with nobody; only the admin's override does it.
      expect(
        rejectionOf(away, {
          type: 'availability.changed',
          at: t(7),
          actor: 'raj',
          personId: 'raj',
          available: false,
        }).rule,
      ).toBe('availability-keeps-a-decider');
      away = applyEvent(away, {
        type: 'availability.changed',
        at: t(7),
        actor: 'ada',
        personId: 'raj',
        available: false,
        override: 'Raj is on a flight',
      });
      expect(away.overrides).toEqual([
        {
          at: t(7),
          by: 'ada',
          eventType: 'availability.changed',
          rules: ['availability-self-or-owner-or-lead', 'availability-keeps-a-decider'],
          reason: 'Raj is on a flight',
        },
      ]);
      expect(decide('raj', away).reason).toBe(
        'Raj may not decide the compensation approval: only the named approver may, and nobody holds that role now (name a backup).',
      );
    });

    it('an edit after approval clears it', () => {
      let state = replay([...requested, grantAt(8, 'd1', 'compensation')]);
      state = applyEvent(state, draft('d1', t(9), 1, { text: 'Edited text. Next update by 9:30 AM ET.' }));
      expect(state.drafts.d1!.revision).toBe(2);
      expect(state.drafts.d1!.approvals).toEqual({});
      expect(rejectionOf(state, grantAt(10, 'd1', 'compensation')).rule).toBe(
        'approval-for-current-revision',
      );
    });
  });

  describe('side notes released outside the status versions (note.released)', () => {
    // Zoe drafts a credit note for named accounts; the incident lead and the approver grant it.
    const creditNote = (
      at: string,
      text = 'We will add a credit to your next invoice.',
    ): IncidentEventInput => ({
      ...draft('credit-note', at, 1, { kind: 'update', audience: 'cs-account', text }),
      actor: 'zoe',
    });
    const ask = (gate: string, role: string, at: string): IncidentEventInput =>
      ({
        type: 'approval.requested',
        at,
        actor: 'zoe',
        draftId: 'credit-note',
        revision: 1,
        gate,
        role,
      }) as never;
    const grant = (gate: string, actor: string, at: string): IncidentEventInput => ({
      type: 'approval.granted',
      at,
      actor,
      draftId: 'credit-note',
      revision: 1,
      gate,
    });
    const requested = [
      ...checkoutStart(),
      creditNote(t(20)),
      ask('facts', 'incidentLead', t(20)),
      ask('compensation', 'approver', t(20)),
    ];
    const approved = [...requested, grant('facts', 'lee', t(22)), grant('compensation', 'maya', t(25))];
    const release = (extra: Record<string, unknown> = {}): IncidentEventInput =>
      ({
        type: 'note.released',
        at: t(31),
        actor: 'zoe',
        draftId: 'credit-note',
        revision: 1,
        audience: 'cs-account',
        recipients: 3,
        channel: 'account-note',
        ...extra,
      }) as IncidentEventInput;

    it('records who sent which approved revision, when, to how many and by which channel', () => {
      const state = replay([...approved, release()]);
      expect(state.notes).toEqual([
        {
          draftId: 'credit-note',
          revision: 1,
          audience: 'cs-account',
          at: t(31),
          by: 'zoe',
          recipients: 3,
          channel: 'account-note',
        },
      ]);
      // It is not a version: nothing is published and the draft stays unpublished.
      expect(state.updates).toEqual([]);
      expect(state.drafts['credit-note']!.publishedVersion).toBeUndefined();
      // The communication owner may send it too, and a second batch is a second record.
      const again = applyEvent(
        state,
        release({ at: t(40), actor: 'dana', recipients: 2, channel: undefined }),
      );
      expect(again.notes.map((n) => [n.by, n.recipients, n.channel])).toEqual([
        ['zoe', 3, 'account-note'],
        ['dana', 2, undefined],
      ]);
      expect(JSON.parse(JSON.stringify(again))).toEqual(again);
    });

    it('a note touching no gated topic may be released unasked; a credit note needs its grant', () => {
      const plain = creditNote(t(20), 'Your account manager will call you this afternoon.');
      expect(replay([...checkoutStart(), plain, release()]).notes).toHaveLength(1);
      const refused = rejectionOf(replay([...checkoutStart(), creditNote(t(20))]), release());
      expect([refused.constructor, refused.rule]).toEqual([NotAuthorizedError, 'note-after-topic-approval']);
    });

    it('is accepted after resolution, refused once closed', () => {
      let state = replay([
        ...approved,
        { type: 'recovery.confirmed', at: t(28), actor: 'lee', customerCheck: 'placed a real card order' },
        { type: 'resolved', at: t(29), actor: 'lee' },
      ]);
      expect(applyEvent(state, release()).notes).toHaveLength(1);
      state = applyEvent(state, { type: 'closed', at: t(30), actor: 'lee' });
      expect(rejectionOf(state, release()).rule).toBe('incident-closed');
    });

    const cases: Array<[string, string, IncidentEventInput[], IncidentEventInput]> = [
      ['note-from-draft', 'no draft', approved, release({ draftId: 'nope' })],
      [
        'note-from-draft',
        'an old revision',
        [...approved, creditNote(t(28), 'We will add a credit to your March invoice.')],
        release(),
      ],
      [
        'approvals-granted',
        'a gate still pending',
        [...requested, grant('compensation', 'maya', t(22))],
        release(),
      ],
      [
        'note-after-topic-approval',
        'a declined gate',
        [
          ...requested,
          grant('facts', 'lee', t(22)),
          {
            type: 'approval.denied',
            at: t(25),
            actor: 'maya',
            draftId: 'credit-note',
            revision: 1,
            gate: 'compensation',
            reason: 'no credits this quarter',
          },
        ],
        release(),
      ],
      [
        'note-after-topic-approval',
        'an edit after approval: the new revision is unapproved',
        [
          ...approved,
          creditNote(t(28), 'We will add a credit to your March invoice.'),
          { ...ask('facts', 'incidentLead', t(28)), revision: 2 } as IncidentEventInput,
        ],
        release({ revision: 2 }),
      ],
      [
        'note-not-a-version',
        'a draft published as a status version',
        [...checkoutStart(), draft('d1', t(6), 1), ...factsGranted('d1', t(7)), published(1, t(8), 1, 'd1')],
        release({ draftId: 'd1', audience: 'customer', actor: 'dana' }),
      ],
      ['note-audience-of-draft', 'another audience', approved, release({ audience: 'customer' })],
      ['note-released-by-author-or-owner', 'a sales rep', approved, release({ actor: 'priya' })],
    ];
    it.each(cases)('%s: %s', (rule, _why, log, event) => {
      const state = replay(log);
      const before = structuredClone(state);
      expect(rejectionOf(state, event).rule).toBe(rule);
      expect(state).toEqual(before);
    });

    it('names the people who may release it', () => {
      expect(rejectionOf(replay(approved), release({ actor: 'priya' })).message).toContain(
        'a side note is released by its author (Zoe) or the communication owner (Dana); Priya is neither',
      );
    });

    it('wants a whole positive recipient count and a non-empty channel', () => {
      const state = replay(approved);
      for (const bad of [{ recipients: 0 }, { recipients: 2.5 }, { recipients: '3' }, { channel: ' ' }]) {
        expect(() => applyEvent(state, release(bad))).toThrow(ValidationError);
      }
    });
  });

  it('collects checkpoint triggers and questions since the last checkpoint', () => {
    const state = replay([
      ...checkoutStart(),
      {
        type: 'question.logged',
        at: t(6),
        actor: 'tom',
        question: 'Charged twice?',
        topic: 'double charge',
        from: 'customer',
      },
      { type: 'checkpoint.held', at: t(7), actor: 'dana' },
      { type: 'workaround.found', at: t(8), actor: 'lee', workaround: 'Pay by invoice' },
      {
        type: 'question.logged',
        at: t(9),
        actor: 'priya',
        question: 'Can my demo go ahead?',
        topic: 'demo',
        from: 'sales-prospect',
      },
    ]);
    expect(state.checkpointTriggers).toEqual([{ reason: 'workaround-found', at: t(8) }]);
    expect(questionsSinceCheckpoint(state).map((q) => q.topic)).toEqual(['demo']);
  });

  it('validates events with path-named errors', () => {
    expect(() =>
      replay([...checkoutStart(), { type: 'checkpoint.held', at: '9:30', actor: 'dana' } as never]),
    ).toThrow(ValidationError);
    try {
      replay([
        ...checkoutStart(),
        { type: 'checkpoint.held', at: '2026-03-03T09:30:00-05:00', actor: 'dana' } as never,
      ]);
    } catch (error) {
      expect((error as ValidationError).problems[0]!.path).toBe('events.3.at');
    }
  });
});

describe('names of built-in object properties never read a built-in', () => {
  // Every key an event uses to find a record (draft, gate, role, actor), set to each property
  // name a plain object has: a typed refusal naming the field, never a TypeError, nothing applied.
  const BUILT_IN = Object.getOwnPropertyNames(Object.prototype);
  const state = replay([...checkoutStart(), draft('update-v1', t(10), 1)]);
  const events = (name: string): Array<[string, IncidentEventInput]> => [
    [
      'event.gate',
      {
        type: 'approval.requested',
        at: t(11),
        actor: 'dana',
        draftId: 'update-v1',
        revision: 1,
        gate: name,
        role: 'incidentLead',
      },
    ],
    [
      'event.gate',
      { type: 'approval.granted', at: t(11), actor: 'lee', draftId: 'update-v1', revision: 1, gate: name },
    ],
    [
      'event.gate',
      {
        type: 'approval.denied',
        at: t(11),
        actor: 'lee',
        draftId: 'update-v1',
        revision: 1,
        gate: name,
        reason: 'no',
      },
    ],
    [
      'event.draftId',
      { type: 'approval.granted', at: t(11), actor: 'lee', draftId: name, revision: 1, gate: 'facts' },
    ],
    [
      'event.role',
      {
        type: 'approval.requested',
        at: t(11),
        actor: 'dana',
        draftId: 'update-v1',
        revision: 1,
        gate: 'facts',
        role: name as never,
      },
    ],
    [
      'event.actor',
      { type: 'approval.granted', at: t(11), actor: name, draftId: 'update-v1', revision: 1, gate: 'facts' },
    ],
  ];
  it.each(BUILT_IN)('%s', (name) => {
    for (const [path, event] of events(name)) {
      let error: unknown;
      try {
        applyEvent(state, event);
      } catch (e) {
        error = e;
      }
      expect(error, `${event.type} with ${path} = ${name}`).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).problems.map((p) => p.path)).toContain(path);
    }
  });
});

describe('properties', () => {
  // A generator of plausible logs: the checkout start followed by random valid-or-invalid events.
  const extra = fc.array(
    fc.oneof(
      fc.record({
        type: fc.constant('question.logged'),
        actor: fc.constantFrom('tom', 'priya'),
        question: fc.string({ minLength: 1 }).filter((s) => s.trim().length > 0),
        topic: fc.constantFrom('billing', 'demo', 'data'),
        from: fc.constant('customer'),
      }),
      fc.record({
        type: fc.constant('scope.changed'),
        actor: fc.constantFrom('lee', 'priya'),
        scope: fc.constantFrom('few', 'some', 'many', 'all'),
      }),
      fc.record({ type: fc.constant('checkpoint.held'), actor: fc.constant('dana') }),
      fc.record({
        type: fc.constant('severity.set'),
        actor: fc.constantFrom('lee', 'tom'),
        severity: fc.constantFrom('SEV1', 'SEV2', 'SEV3'),
      }),
      fc.record({
        type: fc.constant('availability.changed'),
        actor: fc.constant('dana'),
        personId: fc.constantFrom('dana', 'lee'),
        available: fc.boolean(),
      }),
      fc.record({ type: fc.constant('resolved'), actor: fc.constant('lee') }),
      fc.record({
        type: fc.constant('draft.created'),
        actor: fc.constantFrom('zoe', 'dana'),
        draft: fc.record({
          id: fc.constantFrom('note-a', 'note-b'),
          kind: fc.constant('update'),
          audience: fc.constantFrom('cs-account', 'customer'),
          status: fc.constant('investigating'),
          text: fc.constant('We will add a credit to your next invoice.'),
          basedOnFactsVersion: fc.constant(1),
        }),
      }),
      fc.record({
        type: fc.constant('note.released'),
        actor: fc.constantFrom('zoe', 'dana', 'priya'),
        draftId: fc.constantFrom('note-a', 'note-b'),
        revision: fc.constantFrom(1, 2),
        audience: fc.constantFrom('cs-account', 'customer'),
        recipients: fc.integer({ min: 1, max: 50 }),
        channel: fc.option(fc.constant('account-note'), { nil: undefined }),
      }),
    ),
    { maxLength: 25 },
  );

  const build = (items: Array<Record<string, unknown>>) => {
    const events: IncidentEventInput[] = [...checkoutStart()];
    items.forEach((item, i) => {
      events.push({ ...item, at: t(10 + i) } as IncidentEventInput);
    });
    return events;
  };

  const foldAccepted = (events: IncidentEventInput[]) => {
    let state: IncidentState | undefined;
    const accepted: IncidentEventInput[] = [];
    for (const event of events) {
      try {
        state = applyEvent(state, event);
        accepted.push(event);
      } catch (error) {
        if (!(error instanceof EventRejectedError || error instanceof NotAuthorizedError)) throw error;
      }
    }
    return { state: state!, accepted };
  };

  it('replaying the same log always gives the same state; JSON round trip too', () => {
    fc.assert(
      fc.property(extra, (items) => {
        const { state, accepted } = foldAccepted(build(items));
        expect(replay(accepted)).toEqual(state);
        expect(replay(JSON.parse(JSON.stringify(accepted)))).toEqual(state);
        expect(JSON.parse(JSON.stringify(state))).toEqual(state);
        // Every accepted release is recorded once, in order; a refused one leaves no trace.
        const releases = accepted.filter((e) => e.type === 'note.released');
        expect(state.notes.map((n) => [n.draftId, n.at])).toEqual(releases.map((e) => [e.draftId, e.at]));
      }),
    );
  });

  it('a rejected event leaves the state deep-equal', () => {
    fc.assert(
      fc.property(extra, (items) => {
        let state: IncidentState | undefined;
        for (const event of build(items)) {
          const before = structuredClone(state);
          try {
            state = applyEvent(state, event);
          } catch {
            expect(state).toEqual(before);
          }
        }
      }),
    );
  });
});

describe('time order', () => {
  it('compares instants, not text: fractional seconds are later than the whole second', () => {
    const state = replay([
      ...checkoutStart(),
      { type: 'checkpoint.held', at: '2026-03-03T14:20:05Z', actor: 'dana' },
    ]);
    expect(
      applyEvent(state, { type: 'checkpoint.held', at: '2026-03-03T14:20:05.300Z', actor: 'dana' })
        .checkpoints,
    ).toHaveLength(2);
  });
});

describe('the state argument must be a state (a foreign object read as a declared incident)', () => {
  const declared = checkoutStart()[0]!;

  it('refuses an object that is not a state, saying so, instead of "incident undefined is already declared"', () => {
    try {
      applyEvent({ foo: 1 } as unknown as IncidentState, declared);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      const e = error as ValidationError;
      expect(e.code).toBe('input_invalid');
      expect(e.message).not.toMatch(/incident undefined/);
      expect(e.problems).toEqual([
        expect.objectContaining({ path: 'state', received: 'an object with "foo"' }),
      ]);
      expect(e.problems[0]!.expected).toMatch(/^an incident state/);
    }
    for (const bad of [null, 42, 'state', []]) {
      expect(() => applyEvent(bad as unknown as IncidentState, declared)).toThrow(
        expect.objectContaining({
          code: 'input_invalid',
          problems: [expect.objectContaining({ path: 'state' })],
        }),
      );
    }
  });

  it('names the broken field of a damaged state (e.g. loaded from a store)', () => {
    const state = JSON.parse(JSON.stringify(replay(checkoutStart()))) as IncidentState;
    expect(applyEvent(state, { type: 'checkpoint.held', at: t(8), actor: 'lee' }).checkpoints).toEqual([
      t(8),
    ]);
    const damaged = { ...state, severity: 'SEV9', factsVersion: -1 } as unknown as IncidentState;
    expect(() => applyEvent(damaged, { type: 'checkpoint.held', at: t(8), actor: 'lee' })).toThrow(
      expect.objectContaining({
        problems: expect.arrayContaining([
          expect.objectContaining({ path: 'state.severity', received: '"SEV9"' }),
          expect.objectContaining({ path: 'state.factsVersion', received: '-1' }),
        ]),
      }),
    );
  });

  it('refuses a log that is not a list with the typed error', () => {
    expect(() => replay({} as unknown as IncidentEventInput[])).toThrow(
      expect.objectContaining({
        code: 'input_invalid',
        problems: [expect.objectContaining({ path: 'events' })],
      }),
    );
  });
});

describe('replay says which event was refused', () => {
  it('an EventRejectedError carries the index and starts "events.N (type at AT):"', () => {
    const log = [...checkoutStart(), checkoutStart()[0]!];
    try {
      replay(log);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EventRejectedError);
      const e = error as EventRejectedError;
      expect(e.index).toBe(3);
      expect(e.rule).toBe('declared-once');
      expect(e.message).toBe(
        `events.3 (declared at ${t(0)}): rejected (declared-once): incident inc-checkout is already declared`,
      );
    }
  });

  it('a NotAuthorizedError carries the index and starts "events.N (type at AT):"', () => {
    const log = [
      ...checkoutStart(),
      draft('d1', t(6), 1),
      requestApprovalAt(6, 'd1', 'compensation'),
      grantAt(7, 'd1', 'compensation', { actor: 'priya' }),
    ] as IncidentEventInput[];
    try {
      replay(log);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(NotAuthorizedError);
      const e = error as NotAuthorizedError;
      expect(e.index).toBe(5);
      expect(e.message).toMatch(
        new RegExp(`^events\\.5 \\(approval\\.granted at ${t(7)}\\): Priya may not decide`),
      );
      expect(e.reason).toBe(
        'Priya may not decide the compensation approval: only the named approver (Maya) may.',
      );
      expect([e.actor, e.role, e.code]).toEqual(['priya', 'approver', 'approval_not_authorized']);
    }
  });

  it('applyEvent errors carry no index', () => {
    const state = replay(checkoutStart());
    const e = rejectionOf(state, checkoutStart()[0]!);
    expect(e.index).toBeUndefined();
    expect(e.message).toMatch(/^declared rejected \(declared-once\)/);
  });
});

describe('roleAssignmentsFromRunbook', () => {
  it('staffs an incident from the runbook: every role, primary and backup by id and name', () => {
    const roles = roleAssignmentsFromRunbook(testRunbook());
    expect(Object.keys(roles)).toEqual([...ROLES]);
    expect(roles.communicationOwner).toEqual({
      primary: { id: 'dana', name: 'Dana' },
      backup: { id: 'sam', name: 'Sam' },
    });
    const [declared] = checkoutStart();
    const state = applyEvent(replay([declared!]), { type: 'roles.assigned', at: t(0), actor: 'dana', roles });
    expect(nextUpdateOwner(state)).toEqual({ id: 'dana', name: 'Dana' });
  });
});
