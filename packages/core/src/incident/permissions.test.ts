import { describe, expect, it } from 'vitest';
import { draftCreated, NORMAL_UPDATE } from '../../test/approvals';
import { checkoutStart, publicationEvents, roleAssignments, t, testRunbook } from '../../test/support';
import { requestApprovals } from '../approvals/index';
import { NotAuthorizedError, ValidationError } from '../errors';
import { publish } from '../publish/index';
import { reviewIncident } from '../review/index';
import { ROLES } from '../vocabulary';
import {
  applyEvent,
  type IncidentEventInput,
  type IncidentState,
  incidentPolicyFromRunbook,
  PERMISSION_TABLE,
  replay,
  roleAssignmentsFromRunbook,
} from './index';
import { policyFromDeclared } from './policy';

const runbook = testRunbook({ timeZones: { default: 'America/New_York' } });
const CREDIT = `${NORMAL_UPDATE} We will add a service credit to every affected account.`;

/** The refusal of `event` after `log`, the same through applyEvent and through replay. */
function refusal(log: IncidentEventInput[], event: IncidentEventInput): NotAuthorizedError {
  const state = replay(log);
  const before = structuredClone(state);
  let live: unknown;
  try {
    applyEvent(state, event);
  } catch (error) {
    live = error;
  }
  expect(live).toBeInstanceOf(NotAuthorizedError);
  expect(state).toEqual(before);
  let replayed: unknown;
  try {
    replay([...log, event]);
  } catch (error) {
    replayed = error;
  }
  expect(replayed).toBeInstanceOf(NotAuthorizedError);
  const [a, b] = [live as NotAuthorizedError, replayed as NotAuthorizedError];
  expect([b.rule, b.index, b.reason]).toEqual([a.rule, log.length, a.reason]);
  expect(a.message).toContain(`[${a.rule}]`);
  return a;
}

const started = checkoutStart();
const withDraft = (text = NORMAL_UPDATE, id = 'd1') => [...started, draftCreated(id, t(8), text)];
const ask = (gate: string, role: string, extra: Record<string, unknown> = {}): IncidentEventInput =>
  ({
    type: 'approval.requested',
    at: t(9),
    actor: 'dana',
    draftId: 'd1',
    revision: 1,
    gate,
    role,
    ...extra,
  }) as never;
const decide = (gate: string, actor: string, denied = false): IncidentEventInput =>
  denied
    ? { type: 'approval.denied', at: t(10), actor, draftId: 'd1', revision: 1, gate, reason: 'not this' }
    : { type: 'approval.granted', at: t(10), actor, draftId: 'd1', revision: 1, gate };
const assign = (actor: string, role: string, id: string): IncidentEventInput =>
  ({
    type: 'roles.assigned',
    at: t(9),
    actor,
    roles: { [role]: { primary: { id, name: id }, backup: { id: 'raj', name: 'Raj' } } },
  }) as never;
const away = (actor: string, personId: string, at = t(9)): IncidentEventInput => ({
  type: 'availability.changed',
  at,
  actor,
  personId,
  available: false,
});

/** The approved first version's events and its `update.published` event, to forge from. */
function approvedVersion(text = NORMAL_UPDATE) {
  const events = publicationEvents(replay(started), t(12), {
    kind: 'initial',
    status: 'investigating',
    text,
  });
  const published = events.at(-1) as Extract<IncidentEventInput, { type: 'update.published' }>;
  return { before: [...started, ...events.slice(0, -1)], published };
}
const forged = (
  change: Record<string, unknown>,
  actor?: string,
): [IncidentEventInput[], IncidentEventInput] => {
  const { before, published } = approvedVersion();
  return [before, { ...published, ...(actor ? { actor } : {}), update: { ...published.update, ...change } }];
};

// Every crafted sequence of the issue, and the look-alike ids: [name, log, event, rule].
const CASES: Array<[string, IncidentEventInput[], IncidentEventInput, string]> = [
  [
    'a sales rep names herself the approver',
    started,
    assign('priya', 'approver', 'priya'),
    'roles-reassigned-per-table',
  ],
  [
    'a sales rep names herself incident lead',
    started,
    assign('priya', 'incidentLead', 'priya'),
    'roles-reassigned-per-table',
  ],
  [
    'the communication owner names a new approver',
    started,
    assign('dana', 'approver', 'dana'),
    'roles-reassigned-per-table',
  ],
  [
    'someone staffs a declared incident who did not declare it',
    [started[0]!],
    { ...started[1]!, actor: 'priya' },
    'roles-staffed-by-declarer',
  ],
  [
    'a sales rep grants her own credit offer',
    [...withDraft(CREDIT), ask('compensation', 'approver')],
    decide('compensation', 'priya'),
    'approval-decided-by-gate-role',
  ],
  [
    'a sales rep grants the facts gate',
    [...withDraft(), ask('facts', 'incidentLead')],
    decide('facts', 'priya'),
    'approval-decided-by-gate-role',
  ],
  [
    'the backup approver decides while the primary is in',
    [...withDraft(CREDIT), ask('compensation', 'approver')],
    decide('compensation', 'raj'),
    'approval-decided-by-gate-role',
  ],
  [
    'a sales rep marks the approver away',
    started,
    away('priya', 'maya'),
    'availability-self-or-owner-or-lead',
  ],
  [
    'a sales rep marks the communication owner away',
    started,
    away('priya', 'dana'),
    'availability-self-or-owner-or-lead',
  ],
  [
    'both approvers away: nobody could decide the gate',
    [...started, away('maya', 'maya')],
    away('raj', 'raj'),
    'availability-keeps-a-decider',
  ],
  [
    'both owners away: nobody owns updates',
    [...started, away('lee', 'dana')],
    away('lee', 'sam'),
    'availability-keeps-a-decider',
  ],
  [
    'both incident leads away',
    [...started, away('lee', 'lee')],
    away('dana', 'ola'),
    'availability-keeps-a-decider',
  ],
  [
    'a request names the wrong role for a topic',
    withDraft(CREDIT),
    ask('compensation', 'sales'),
    'approval-role-from-gate',
  ],
  [
    'a request names the wrong role for the facts',
    withDraft(),
    ask('facts', 'support'),
    'approval-role-from-gate',
  ],
  [
    'a request for a gate nobody decides',
    withDraft(),
    ask('resolution', 'incidentLead'),
    'approval-role-from-gate',
  ],
  [
    'a request whose topic is not its gate',
    withDraft(CREDIT),
    ask('compensation', 'approver', { topic: 'legal' }),
    'approval-role-from-gate',
  ],
  [
    'a new request erases a denial',
    [...withDraft(CREDIT), ask('compensation', 'approver'), decide('compensation', 'maya', true)],
    ask('compensation', 'approver', { at: t(11) }),
    'decision-stands-until-edit',
  ],
  [
    'a new request resets a grant',
    [...withDraft(), ask('facts', 'incidentLead'), decide('facts', 'lee')],
    ask('facts', 'incidentLead', { at: t(11) }),
    'decision-stands-until-edit',
  ],
  [
    'a sales rep asks for approval of the owner’s draft',
    withDraft(),
    { ...ask('facts', 'incidentLead'), actor: 'priya' },
    'approval-requested-by-author-owner-or-lead',
  ],
  [
    'someone outside the incident writes a draft',
    started,
    { ...draftCreated('d9', t(8), NORMAL_UPDATE), actor: 'mallory' },
    'drafts-by-incident-staff',
  ],
  [
    'a sales rep confirms facts',
    started,
    { type: 'facts.confirmed', at: t(9), actor: 'priya', facts: { scope: 'all' } },
    'facts-confirmed-by-incident-lead',
  ],
  [
    'a sales rep resolves the incident',
    started,
    { type: 'resolved', at: t(9), actor: 'priya' },
    'resolved-by-incident-lead',
  ],
  [
    'published text other than the approved draft',
    ...forged({ text: `${NORMAL_UPDATE} All fixed.` }),
    'published-as-approved',
  ],
  [
    'published with a status the draft did not have',
    ...forged({ status: 'monitoring' }),
    'published-as-approved',
  ],
  ['published by someone who is not the owner', ...forged({}, 'priya'), 'published-by-communication-owner'],
  [
    'published naming an owner who is not the owner',
    ...forged({ ownerId: 'priya', ownerName: 'Priya' }),
    'published-as-approved',
  ],
  [
    'published with facts other than the confirmed ones',
    ...forged({ cause: 'the payment provider' }),
    'published-as-approved',
  ],
  ['published with a wider scope than confirmed', ...forged({ scope: 'all' }), 'published-as-approved'],
  ['published with another severity', ...forged({ severity: 'SEV3' }), 'published-as-approved'],
  [
    'published from a draft that never asked for approval',
    withDraft(),
    {
      ...approvedVersion().published,
      update: { ...approvedVersion().published.update, draftId: 'd1', kind: 'update' },
    },
    'published-as-approved',
  ],
  [
    'a refund promise riding in a confirmed fact, only the facts gate granted',
    [
      ...started,
      {
        type: 'facts.confirmed',
        at: t(6),
        actor: 'lee',
        facts: { customerAction: 'We will refund every failed order in full.' },
      },
      draftCreated('d1', t(8), NORMAL_UPDATE, { basedOnFactsVersion: 2 }),
      ask('facts', 'incidentLead'),
      decide('facts', 'lee'),
    ],
    (() => {
      const { published } = approvedVersion();
      return {
        ...published,
        update: {
          ...published.update,
          kind: 'update',
          factsVersion: 2,
          customerAction: 'We will refund every failed order in full.',
        },
      } as IncidentEventInput;
    })(),
    'published-as-approved',
  ],
  [
    'an override by someone the declaration names no admin',
    started,
    { ...away('priya', 'maya'), override: 'urgent' },
    'override-by-admin',
  ],
  [
    'an admin override cannot publish other words than the approved ones',
    forged({})[0],
    { ...forged({ text: 'Anything.' }, 'ada')[1], override: 'emergency' } as IncidentEventInput,
    'published-as-approved',
  ],
  // Look-alike ids: visible ones are other people; each is refused by the table.
  ...(['Maya', 'm\u0430ya', '\uFF4D\uFF41\uFF59\uFF41', 'MAYA'] as const).map(
    (id): [string, IncidentEventInput[], IncidentEventInput, string] => [
      `a look-alike of maya (${JSON.stringify(id)}) grants the credit`,
      [...withDraft(CREDIT), ask('compensation', 'approver')],
      decide('compensation', id),
      'approval-decided-by-gate-role',
    ],
  ),
];

describe('the permission table refuses every crafted sequence, live and on replay', () => {
  it.each(CASES)('%s', (_name, log, event, rule) => {
    const refused = refusal(log, event);
    expect(refused.rule).toBe(rule);
    expect(PERMISSION_TABLE.some((row) => row.rule === rule) || rule === 'override-by-admin').toBe(true);
  });
});

describe('the first staffing follows the runbook (declared with its staffing)', () => {
  const policy = incidentPolicyFromRunbook(runbook);
  const declaredBy = (actor: string): IncidentEventInput => ({
    type: 'declared',
    at: t(0),
    actor,
    incidentId: 'inc-staff',
    title: 'Card payments failing at checkout',
    incidentType: 'checkout',
    severity: 'SEV1',
    policy,
  });
  const staff = (actor: string, roles: Record<string, unknown>): IncidentEventInput =>
    ({
      type: 'roles.assigned',
      at: t(0),
      actor,
      roles: { ...roleAssignmentsFromRunbook(runbook), ...roles },
    }) as never;
  const pair = (primary: string, backup = primary) => ({
    primary: { id: primary, name: primary },
    backup: { id: backup, name: backup },
  });
  const runbookPeople = [...new Set(Object.values(policy.staffing ?? {}).flat())];
  const deciding = [...new Set(['incidentLead', ...Object.values(policyFromDeclared(policy).approvals)])];

  it('takes the runbook staffing from anyone who declares', () => {
    for (const actor of ['mallory', ...runbookPeople])
      expect(replay([declaredBy(actor), staff(actor, {})]).roles.approver?.primary.id).toBe(
        runbook.roles.approver.primary.id,
      );
  });

  it('refuses any other staffing from someone the runbook does not name', () => {
    for (const role of Object.keys(roleAssignmentsFromRunbook(runbook))) {
      const refused = refusal([declaredBy('mallory')], staff('mallory', { [role]: pair('mallory') }));
      expect(refused.rule).toBe('roles-staffed-by-declarer');
      expect(refused.reason).toMatch(/not named in the runbook/);
    }
  });

  it('refuses a runbook person making themselves the holder of a role that decides a gate', () => {
    for (const actor of runbookPeople)
      for (const role of deciding) {
        if (policy.staffing?.[role]?.includes(actor)) continue; // the runbook already names them
        for (const roles of [pair(actor, 'someone-else'), pair('someone-else', actor)]) {
          const refused = refusal([declaredBy(actor)], staff(actor, { [role]: roles }));
          expect(refused.rule).toBe('roles-staffed-by-declarer');
        }
      }
  });

  it('refuses an outsider in a role that decides a gate, even named by a runbook person', () => {
    const actor = runbook.roles.support.primary.id;
    for (const role of deciding) {
      const refused = refusal([declaredBy(actor)], staff(actor, { [role]: pair('mallory', 'eve') }));
      expect(refused.rule).toBe('roles-staffed-by-declarer');
      expect(refused.reason).toMatch(/only the people the runbook names for it/);
    }
  });

  it('refuses a communication owner who also decides a gate, unless the runbook names them owner', () => {
    const lead = runbook.roles.incidentLead.primary.id;
    for (const actor of [lead, runbook.roles.communicationOwner.primary.id]) {
      const refused = refusal([declaredBy(actor)], staff(actor, { communicationOwner: pair(lead, 'sam') }));
      expect(refused.rule).toBe('roles-owner-does-not-decide');
      expect(refused.reason).toMatch(/also decide a gate/);
    }
  });

  it('keeps the owner out of deciding roles on every later reassignment too', () => {
    const owner = runbook.roles.communicationOwner.primary.id;
    const lead = runbook.roles.incidentLead.primary.id;
    const staffed = [declaredBy(owner), staff(owner, {})];
    const reassign = (actor: string, roles: Record<string, unknown>): IncidentEventInput =>
      ({ type: 'roles.assigned', at: t(1), actor, roles }) as never;
    // The lead makes himself owner; the lead hands the lead to the owner.
    for (const [actor, roles] of [
      [lead, { communicationOwner: pair(lead, 'sam') }],
      [lead, { incidentLead: pair(owner, lead) }],
    ] as const) {
      const refused = refusal(staffed, reassign(actor, roles));
      expect(refused.rule).toBe('roles-owner-does-not-decide');
    }
  });

  it('lets a runbook person swap a deciding role within the runbook, or name anyone to one that decides nothing', () => {
    const actor = runbook.roles.communicationOwner.primary.id;
    const { primary, backup } = runbook.roles.incidentLead;
    const swapped = replay([declaredBy(actor), staff(actor, { incidentLead: pair(backup.id, primary.id) })]);
    expect(swapped.roles.incidentLead?.primary.id).toBe(backup.id);
    const helper = ROLES.find((r) => !deciding.includes(r) && r !== 'communicationOwner')!;
    for (const who of [actor, 'ola'])
      expect(
        replay([declaredBy(actor), staff(actor, { [helper]: pair(who) })]).roles[helper]?.primary.id,
      ).toBe(who);
  });

  it('leaves a log declared without the staffing (older logs) as it was', () => {
    const { staffing: _, ...older } = policy;
    const log = [
      { ...declaredBy('mallory'), policy: older } as IncidentEventInput,
      staff('mallory', { approver: pair('mallory') }),
    ];
    expect(replay(log).roles.approver?.primary.id).toBe('mallory');
  });
});

describe('ids are compared exactly; invisible or padded ids are refused at the boundary', () => {
  const INVALID = [
    ' maya',
    'maya ',
    '\tmaya',
    'maya\u0000',
    'ma\u200Bya',
    '\u200Bmaya',
    'maya\u202E',
    'maya\n',
    '\u00A0maya',
    '',
  ];
  it.each(INVALID.map((id) => [JSON.stringify(id), id]))('%s never decides as maya', (_shown, id) => {
    const log = [...withDraft(CREDIT), ask('compensation', 'approver')];
    for (const attempt of [
      () => applyEvent(replay(log), decide('compensation', id)),
      () => replay([...log, decide('compensation', id)]),
    ]) {
      expect(attempt).toThrow(ValidationError);
      try {
        attempt();
      } catch (error) {
        expect((error as ValidationError).problems.map((p) => p.path.split('.').at(-1))).toContain('actor');
      }
    }
  });

  it('refuses a runbook person id with surrounding whitespace', () => {
    const roles = JSON.parse(JSON.stringify(testRunbook().roles));
    roles.approver.primary.id = ' maya';
    expect(() => testRunbook({ roles })).toThrow(expect.objectContaining({ code: 'runbook_invalid' }));
  });
});

describe('what the table allows', () => {
  it('lets people mark themselves away and back, and the owner or lead mark others', () => {
    let state = replay([...started, away('maya', 'maya'), away('lee', 'zoe'), away('dana', 'tom')]);
    expect(state.unavailable).toEqual(['maya', 'zoe', 'tom']);
    state = applyEvent(state, {
      type: 'availability.changed',
      at: t(10),
      actor: 'maya',
      personId: 'maya',
      available: true,
    });
    expect(state.unavailable).toEqual(['zoe', 'tom']);
  });

  it('lets the incident lead hand over the lead, and the owner name new support people', () => {
    const state = replay([
      ...started,
      assign('lee', 'incidentLead', 'ola'),
      assign('dana', 'support', 'ines'),
    ]);
    expect(state.roles.incidentLead?.primary.id).toBe('ola');
    expect(state.roles.support?.primary.id).toBe('ines');
    // Restating an assignment unchanged hands nothing over, whoever restates it.
    expect(() =>
      applyEvent(state, {
        type: 'roles.assigned',
        at: t(10),
        actor: 'tom',
        roles: { sales: roleAssignments().sales },
      }),
    ).not.toThrow();
  });

  it('records an admin override and the review lists it', () => {
    const log: IncidentEventInput[] = [
      ...started,
      away('maya', 'maya'),
      { ...away('ada', 'raj'), override: 'Raj is unreachable on a flight; Lee decides nothing meanwhile' },
    ];
    const state = replay(log);
    expect(state.overrides).toEqual([
      {
        at: t(9),
        by: 'ada',
        eventType: 'availability.changed',
        rules: ['availability-self-or-owner-or-lead', 'availability-keeps-a-decider'],
        reason: 'Raj is unreachable on a flight; Lee decides nothing meanwhile',
      },
    ]);
    const review = reviewIncident(log, runbook);
    expect(review.overrides).toEqual(state.overrides);
  });
});

describe('publish() never returns ok for a gated topic without the named approver’s grant', () => {
  const approveFacts = (state: IncidentState, id: string) =>
    requestApprovals(state.drafts[id]!, state, runbook, t(9), 'dana')
      .filter((e) => e.gate === 'facts')
      .reduce<IncidentState>(applyEvent, state);

  it('holds the credit text until Maya grants it', () => {
    let state = replay(withDraft(CREDIT));
    state = approveFacts(state, 'd1');
    state = applyEvent(state, { ...decide('facts', 'lee') });
    const outcome = publish(state, state.drafts.d1!, runbook, t(11));
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.reasons.map((r) => [r.code, r.gate])).toContainEqual([
      'approval-missing',
      'compensation',
    ]);
  });

  it('holds a refund promise that rides in the confirmed customer action', () => {
    let state = replay([
      ...started,
      {
        type: 'facts.confirmed',
        at: t(6),
        actor: 'lee',
        facts: { customerAction: 'We will refund every failed order in full.' },
      },
      draftCreated('d1', t(8), NORMAL_UPDATE, { basedOnFactsVersion: 2 }),
    ]);
    state = approveFacts(state, 'd1');
    state = applyEvent(state, decide('facts', 'lee'));
    const outcome = publish(state, state.drafts.d1!, runbook, t(11));
    expect(outcome.ok).toBe(false);
    const gate = !outcome.ok ? outcome.reasons.find((r) => r.gate === 'compensation') : undefined;
    expect(gate?.code).toBe('approval-missing');
    expect(gate?.span?.source).toBe('facts.customerAction');
  });
});
