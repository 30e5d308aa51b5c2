import { describe, expect, it } from 'vitest';
import {
  availabilityAt,
  draftAt,
  grantAt,
  publishAt,
  questionAt,
  requestApprovalAt,
} from '../../test/review-support';
import { checkoutStart, t, testRunbook } from '../../test/support';
import { EventRejectedError, ValidationError } from '../errors';
import type { IncidentEventInput } from '../incident/index';
import { renderReview, reviewIncident } from './index';

/**
 * The Tuesday checkout outage with two late updates, a slow refund approval, a blocked draft,
 * an abandoned draft and repeated refund questions. Known answers are in the tests.
 */
function slowCheckoutLog(): IncidentEventInput[] {
  return [
    ...checkoutStart(), // declared t0, roles t0, facts t5 (facts version 1)
    draftAt(8, 'd1', 1, { kind: 'initial' }),
    ...publishAt(12, 1, 'd1', { nextUpdateMinute: 30 }), // first update 12 min in; target 15
    questionAt(14, 'refunds', 'Will I be charged twice?'),
    draftAt(28, 'd2', 1),
    draftAt(31, 'd2', 1), // edited: revision 2; revision 1 is superseded
    ...publishAt(35, 2, 'd2', { revision: 2, nextUpdateMinute: 50 }), // promised t30: late by 5
    questionAt(36, 'Refunds', 'Do I get my money back?'),
    draftAt(45, 'd3', 1),
    requestApprovalAt(46, 'd3', 'compensation', { topic: 'compensation' }),
    {
      type: 'publish.blocked',
      at: t(47),
      actor: 'dana',
      draftId: 'd3',
      revision: 1,
      reasons: [{ code: 'lint', ruleId: 'no-fix-time-promise', message: 'Do not promise a fix time.' }],
    },
    questionAt(50, 'data safety', 'Is my card data safe?'),
    draftAt(60, 'd5', 1), // never published
    questionAt(65, 'refunds', 'Is there a refund for failed orders?'),
    grantAt(71, 'd3', 'compensation'), // waited 25 minutes
    ...publishAt(72, 3, 'd3', { nextUpdateMinute: 90 }), // promised t50: late by 22
    { type: 'recovery.started', at: t(80), actor: 'alex' },
    {
      type: 'recovery.confirmed',
      at: t(85),
      actor: 'lee',
      customerCheck: 'placed a real card order end to end',
    },
    draftAt(86, 'd4', 2, { kind: 'resolved', status: 'resolved' }),
    ...publishAt(88, 4, 'd4', { factsVersion: 2, status: 'resolved' }), // promised t90: on time
    { type: 'closed', at: t(120), actor: 'lee' },
  ];
}

describe('reviewIncident on a slow checkout outage', () => {
  const review = reviewIncident(slowCheckoutLog(), testRunbook());

  it('measures the time from declaration to the first customer update', () => {
    expect(review.firstUpdate).toEqual({
      at: t(12),
      minutesAfterDeclared: 12,
      targetMinutes: 15,
      withinTarget: true,
    });
  });

  it('compares each update with the time the previous one promised', () => {
    expect(
      review.updates.map((u) => ({ v: u.version, due: u.promisedAt, onTime: u.onTime, late: u.lateMinutes })),
    ).toEqual([
      { v: 1, due: t(15), onTime: true, late: 0 },
      { v: 2, due: t(30), onTime: false, late: 5 },
      { v: 3, due: t(50), onTime: false, late: 22 },
      { v: 4, due: t(90), onTime: true, late: 0 },
    ]);
    expect(review.updates[0]?.promiseBasis).toBe('first-update-target');
    expect(review.updates[1]?.promiseBasis).toBe('previous-update');
    expect(review.onTimeShare).toBe(0.5);
  });

  it('measures how long each approval gate waited', () => {
    // Every version also waited for the facts gate, granted at once in this log.
    const topics = review.approvals.filter((a) => a.gate !== 'facts');
    expect(topics).toHaveLength(1);
    expect(topics[0]).toMatchObject({
      draftId: 'd3',
      gate: 'compensation',
      topic: 'compensation',
      role: 'approver',
      requestedAt: t(46),
      decidedAt: t(71),
      outcome: 'granted',
      decidedBy: 'maya',
      waitMinutes: 25,
      primaryAbsentMinutes: 0,
    });
  });

  it('counts status versions and drafts that were never published', () => {
    expect(review.versions).toEqual({
      statusVersions: 4,
      supersededVersions: 3,
      draftRevisions: 6,
      supersededDrafts: 2,
      abandonedDrafts: ['d5'],
      sideNotes: [],
      approvedNotSent: [],
    });
  });

  it('groups customer questions by topic, most asked first, ignoring case', () => {
    expect(review.questions.map((q) => [q.topic, q.count])).toEqual([
      ['refunds', 3],
      ['data safety', 1],
    ]);
    expect(review.questions[0]?.examples).toEqual([
      'Will I be charged twice?',
      'Do I get my money back?',
      'Is there a refund for failed orders?',
    ]);
  });

  it('lists what lint blocked and why', () => {
    expect(review.blocked).toEqual({
      total: 1,
      byLint: 1,
      byRule: [{ rule: 'no-fix-time-promise', count: 1, messages: ['Do not promise a fix time.'] }],
      byReason: [],
    });
  });

  it('finds no ownership gap when the owner stayed available', () => {
    expect(review.ownershipGaps).toEqual([]);
  });

  it('reports the incident span and keeps instants in ISO-8601 UTC', () => {
    expect(review.incident).toMatchObject({
      id: 'inc-checkout',
      severity: 'SEV1',
      declaredAt: t(0),
      resolvedAt: t(88),
      closedAt: t(120),
      durationMinutes: 88,
    });
    expect(review.timeline[0]).toEqual({
      at: t(0),
      minute: 0,
      what: expect.stringContaining('Declared SEV1'),
    });
    expect(review.timeline.map((e) => e.what)).toContain('Published v2 investigating (late by 5 min)');
    expect(review.timeline.map((e) => e.what)).toContain(
      'Maya approved the refund or credit in draft d3 after 25 min',
    );
  });

  it('names people and roles in plain words, never by id', () => {
    const whats = review.timeline.map((e) => e.what);
    expect(whats).toContain(
      'Approval of the refund or credit in draft d3 asked of the named approver (Maya)',
    );
    expect(whats.join('\n')).not.toMatch(/\b(approver|incidentLead|communicationOwner)\)/);
  });

  it('suggests runbook changes drawn from the figures', () => {
    const ids = review.suggestions.map((s) => s.id);
    expect(ids).toEqual(['slow-approval', 'late-updates', 'frequent-question', 'lint-blocks']);
    const text = review.suggestions.map((s) => s.text);
    expect(text[0]).toBe(
      'Approval for refunds or credits waited 25 minutes: name a backup approver and agree to answer within 10 minutes.',
    );
    expect(text[1]).toMatch(
      /^2 of 4 promised updates came late \(worst by 22 minutes\): set the reminder earlier/,
    );
    expect(text[2]).toBe('Customers asked about refunds 3 times: add it to the update template.');
  });

  it('honours the thresholds given as options', () => {
    const lenient = reviewIncident(slowCheckoutLog(), testRunbook(), {
      slowApprovalMinutes: 30,
      frequentQuestionCount: 4,
    });
    expect(lenient.suggestions.map((s) => s.id)).toEqual(['late-updates', 'lint-blocks']);
  });
});

describe('reviewIncident lists side notes the log says were released, apart from approved or abandoned drafts', () => {
  // A credit note for named accounts: both gates granted, sent to 3 accounts, never a status version.
  const released = (minute: number, draftId: string, recipients: number): IncidentEventInput => ({
    type: 'note.released',
    at: t(minute),
    actor: 'dana',
    draftId,
    revision: 1,
    audience: 'customer',
    recipients,
    channel: 'account-note',
  });
  const approve = (minute: number, id: string): IncidentEventInput[] => [
    draftAt(minute, id, 1, { text: 'We will add a credit to your next invoice.' }),
    requestApprovalAt(minute, id, 'facts', { role: 'incidentLead' }),
    requestApprovalAt(minute, id, 'compensation', { topic: 'compensation' }),
    grantAt(minute + 2, id, 'facts', { actor: 'lee' }),
    grantAt(minute + 5, id, 'compensation'),
  ];
  const log = (): IncidentEventInput[] => [
    ...checkoutStart(),
    draftAt(8, 'd1', 1, { kind: 'initial' }),
    ...publishAt(12, 1, 'd1', { nextUpdateMinute: 30 }),
    ...approve(20, 'credit-note'),
    draftAt(26, 'half-approved', 1),
    requestApprovalAt(26, 'half-approved', 'facts', { role: 'incidentLead' }),
    requestApprovalAt(26, 'half-approved', 'compensation', { topic: 'compensation' }),
    grantAt(27, 'half-approved', 'facts', { actor: 'lee' }),
    draftAt(28, 'dropped', 1),
    ...approve(29, 'kept-back'), // approved in full at 34, never sent
    released(36, 'credit-note', 3),
  ];
  const review = reviewIncident(log(), testRunbook());

  it('lists the released note with when, who, how many and by which channel', () => {
    expect(review.versions.sideNotes).toEqual([
      {
        draftId: 'credit-note',
        revision: 1,
        audience: 'customer',
        at: t(36),
        by: 'dana',
        byName: 'Dana',
        recipients: 3,
        channel: 'account-note',
      },
    ]);
    expect(review.versions.statusVersions).toBe(1);
  });

  it('calls an approved draft that was never released "approved, not sent", not a side note', () => {
    expect(review.versions.approvedNotSent).toEqual(['kept-back']);
    expect(review.versions.abandonedDrafts).toEqual(['half-approved', 'dropped']);
  });

  it('puts the send time in the timeline, not the moment of approval', () => {
    const entries = review.timeline.filter((e) => e.what.includes('side note'));
    expect(entries).toEqual([
      {
        at: t(36),
        minute: 36,
        what: 'Dana sent draft credit-note as a side note to 3 recipients (customer, by account-note): not a status version',
      },
    ]);
  });

  it('an approved draft is not a side note until the log says it was released', () => {
    const unsent = reviewIncident(log().slice(0, -1), testRunbook());
    expect(unsent.versions.sideNotes).toEqual([]);
    expect(unsent.versions.approvedNotSent).toEqual(['credit-note', 'kept-back']);
  });

  it('an edit after approval makes it an unapproved draft again', () => {
    const edited = reviewIncident([...log().slice(0, -1), draftAt(35, 'credit-note', 1)], testRunbook());
    expect(edited.versions.approvedNotSent).toEqual(['kept-back']);
    expect(edited.versions.abandonedDrafts).toContain('credit-note');
  });

  it('renders side notes, approved-not-sent and abandoned drafts apart', () => {
    const markdown = renderReview(review);
    expect(markdown).toContain(
      '  - side notes released outside the status versions: credit-note (3 recipients, 14:46 UTC, account-note)',
    );
    expect(markdown).toContain('  - approved, not sent: kept-back');
    expect(markdown).toContain('  - abandoned or blocked, never sent: half-approved, dropped');
  });
});

describe('reviewIncident with a missing owner', () => {
  /** Dana and then Sam (her backup) go away; the refund approver Maya is away too. */
  function missingOwnerLog(): IncidentEventInput[] {
    return [
      ...checkoutStart(),
      draftAt(6, 'd1', 1, { kind: 'initial' }),
      ...publishAt(10, 1, 'd1', { nextUpdateMinute: 25 }),
      availabilityAt(20, 'dana', false), // Sam covers
      // Nobody owns communication: the table refuses that, so the admin overrides it (listed).
      { ...availabilityAt(25, 'sam', false), actor: 'ada', override: 'Sam left for the airport' },
      availabilityAt(28, 'maya', false),
      draftAt(29, 'd2', 1, { actor: 'ines' }),
      requestApprovalAt(30, 'd2', 'compensation', { topic: 'compensation', actor: 'ines' }),
      availabilityAt(40, 'sam', true), // gap closes after 15 minutes
      grantAt(45, 'd2', 'compensation', { actor: 'raj' }), // the backup approver decides
      ...publishAt(45, 2, 'd2', { actor: 'sam', nextUpdateMinute: 60 }), // promised t25: late 20
      questionAt(70, 'eta', 'When will it work again?'), // log ends at t70 with t60 unkept
    ];
  }
  const review = reviewIncident(missingOwnerLog(), testRunbook());

  it('finds the period with no communication owner available', () => {
    expect(review.ownershipGaps).toEqual([
      { role: 'communicationOwner', from: t(25), to: t(40), minutes: 15, reason: 'all-unavailable' },
    ]);
  });

  it('measures how long an approval waited while the approving primary was away', () => {
    expect(review.approvals.find((a) => a.gate === 'compensation')).toMatchObject({
      waitMinutes: 15,
      primaryAbsentMinutes: 15,
      decidedBy: 'raj',
      primary: { id: 'maya', name: 'Maya' },
      backup: { id: 'raj', name: 'Raj' },
    });
  });

  it('counts a promised update that never came as late until the log ended', () => {
    expect(review.updates.map((u) => [u.version, u.onTime, u.lateMinutes])).toEqual([
      [1, true, 0],
      [2, false, 20],
      [undefined, false, 10],
    ]);
    expect(review.onTimeShare).toBeCloseTo(1 / 3);
    expect(review.incident.resolvedAt).toBeUndefined();
    expect(review.incident.durationMinutes).toBe(70);
  });

  it('suggests naming overlapping backups and briefing the backup approver', () => {
    const byId = new Map(review.suggestions.map((s) => [s.id, s.text]));
    expect(byId.get('ownership-gap')).toMatch(/^No communication owner was available for 15 minutes:/);
    expect(byId.get('approver-absent')).toBe(
      'Approval for refunds or credits waited 15 minutes while Maya was away (Raj decided in the end): ' +
        'tell the backup, Raj, to decide whenever the primary does not answer.',
    );
    expect(byId.has('slow-approval')).toBe(false);
  });

  it('counts the minutes before anyone was named as a gap', () => {
    const [declared, roles, ...rest] = checkoutStart();
    const late = reviewIncident([declared!, { ...roles!, at: t(4) }, ...rest], testRunbook());
    expect(late.ownershipGaps).toEqual([
      { role: 'communicationOwner', from: t(0), to: t(4), minutes: 4, reason: 'not-assigned' },
    ]);
  });
});

describe('reviewIncident on a late first update and bad logs', () => {
  it('flags a first update slower than the runbook target', () => {
    const review = reviewIncident(
      [
        ...checkoutStart(),
        draftAt(15, 'd1', 1, { kind: 'initial' }),
        ...publishAt(22, 1, 'd1', { nextUpdateMinute: 40 }),
      ],
      testRunbook(),
    );
    expect(review.firstUpdate).toMatchObject({ minutesAfterDeclared: 22, withinTarget: false });
    expect(review.updates[0]).toMatchObject({ onTime: false, lateMinutes: 7 });
    expect(review.suggestions[0]?.text).toBe(
      'The first customer update took 22 minutes (target 15): keep the initial template ready and send it while the facts are still thin.',
    );
  });

  it('rejects a malformed log with a path-named error', () => {
    const log = checkoutStart();
    const broken = [...log, { ...draftAt(9, 'd1', 1), at: 'nine-ish' }];
    const error = (() => {
      try {
        reviewIncident(broken, testRunbook());
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).problems[0]?.path).toBe('events.3.at');
  });

  it('rejects a log that breaks the practice', () => {
    expect(() => reviewIncident([], testRunbook())).toThrow(EventRejectedError);
  });
});

describe('reviewIncident keeps lint blocks apart from approval refusals', () => {
  const LONG =
    'Refunds, credits or any other compensation need the words of the named approver before they go out. Ask the approver (Maya) for approval.';
  /** Three drafts refused: approvals only (twice, one with three gates), and approvals plus lint. */
  function refusedLog(): IncidentEventInput[] {
    const blockedAt = (minute: number, draftId: string, reasons: Array<Record<string, string>>) =>
      ({
        type: 'publish.blocked',
        at: t(minute),
        actor: 'dana',
        draftId,
        revision: 1,
        reasons,
      }) as IncidentEventInput;
    const missing = { code: 'approval-missing', message: LONG };
    return [
      ...checkoutStart(),
      draftAt(8, 'd1', 1, { kind: 'initial' }),
      blockedAt(9, 'd1', [missing, missing, missing]),
      blockedAt(10, 'd1', [missing, { code: 'stale-facts', message: 'Rewrite it from the newest facts.' }]),
      blockedAt(11, 'd1', [
        missing,
        { code: 'lint-error', ruleId: 'no-fix-time-promise', message: 'Do not promise a fix time.' },
        { code: 'lint-error', ruleId: 'no-fix-time-promise', message: 'Do not promise a fix time.' },
      ]),
      ...publishAt(12, 1, 'd1', { nextUpdateMinute: 30 }),
    ];
  }
  const review = reviewIncident(refusedLog(), testRunbook());

  it('counts lint blocks by rule, and approval and other refusals by code, once per attempt', () => {
    expect(review.blocked).toEqual({
      total: 3,
      byLint: 1,
      byRule: [{ rule: 'no-fix-time-promise', count: 1, messages: ['Do not promise a fix time.'] }],
      byReason: [
        { code: 'approval-missing', label: 'approval not asked for', count: 3 },
        { code: 'stale-facts', label: 'written against old facts', count: 1 },
      ],
    });
  });

  it('reads a log written before stale-draft was renamed stale-facts in the same words', () => {
    const renamed = refusedLog().map((e) =>
      e.type === 'publish.blocked'
        ? {
            ...e,
            reasons: e.reasons.map((r) => (r.code === 'stale-facts' ? { ...r, code: 'stale-draft' } : r)),
          }
        : e,
    );
    expect(reviewIncident(renamed, testRunbook()).blocked.byReason).toContainEqual({
      code: 'stale-draft',
      label: 'written against old facts',
      count: 1,
    });
  });

  it('suggests pre-send checklist lines only for lint rules', () => {
    const lintSuggestions = review.suggestions.filter((s) => s.id === 'lint-blocks').map((s) => s.text);
    expect(lintSuggestions).toEqual([
      '1 draft was blocked by no-fix-time-promise: add a line on it to the pre-send checklist and practise it in the next drill.',
    ]);
    expect(review.suggestions.map((s) => s.text).join('\n')).not.toMatch(/approval-missing|stale-facts/);
  });

  it('renders one line for lint and one for the rest, without repeating approval messages', () => {
    const markdown = renderReview(review);
    expect(markdown).toContain(
      '- **Blocked by lint:** 1 draft (no-fix-time-promise ×1: Do not promise a fix time.)',
    );
    expect(markdown).toContain(
      '- **Held for approvals and other checks:** 2 drafts not blocked by lint; approval not asked for ×3, written against old facts ×1',
    );
    expect(markdown).not.toContain(LONG);
    expect(review.timeline.map((e) => e.what)).toContain(
      'Publishing blocked for draft d1: approval not asked for, no-fix-time-promise',
    );
  });
});
