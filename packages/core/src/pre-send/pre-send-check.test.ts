import { describe, expect, it } from 'vitest';
import { checkoutState, draftCreated, NORMAL_UPDATE, t } from '../../test/approvals';
import { testRunbook } from '../../test/support';
import { ValidationError } from '../errors';
import { applyEvent, type Draft, type IncidentState } from '../incident/index';
import { type PreSendCheckId, type PreSendCheckItem, preSendCheck } from './index';

const runbook = testRunbook({ timeZones: { default: 'America/New_York' } });

const draftOf = (text: string, extra: Partial<Draft> = {}): Draft => ({
  id: 'd1',
  kind: 'update',
  audience: 'customer',
  status: 'investigating',
  text,
  basedOnFactsVersion: 1,
  ...extra,
});

const byId = (items: PreSendCheckItem[]) =>
  Object.fromEntries(items.map((i) => [i.id, i])) as Record<PreSendCheckId, PreSendCheckItem>;
const failing = (items: PreSendCheckItem[]) => items.filter((i) => !i.ok).map((i) => i.id);

describe('preSendCheck', () => {
  it('passes a draft written from the newest facts, in reading order with plain details', () => {
    const items = preSendCheck(draftOf(NORMAL_UPDATE), checkoutState(), runbook, t(10));
    expect(items.map((i) => [i.id, i.ok])).toEqual([
      ['newest-status', true],
      ['scope', true],
      ['names-and-areas', true],
      ['times', true],
      ['next-update-stated', true],
      ['same-as-other-audiences', true],
      ['account-thread-owners', true],
    ]);
    const lines = byId(items);
    expect(lines['newest-status'].detail).toBe(
      'Written from facts version 1, the newest (nothing published yet).',
    );
    expect(lines.scope.detail).toContain('"some customers"');
    expect(lines['next-update-stated'].detail).toBe('It says the next update arrives at 9:35 AM ET.');
    expect(lines['account-thread-owners'].detail).toBe('No large-account threads are open.');
  });

  it('catches a draft written before the incident lead widened the scope, and says what changed', () => {
    let state = checkoutState(draftCreated('d1', t(8), NORMAL_UPDATE));
    state = applyEvent(state, {
      type: 'scope.changed',
      at: t(12),
      actor: 'lee',
      scope: 'all',
      affected: 'every customer paying by card',
    });
    const items = preSendCheck(state.drafts.d1!, state, runbook, t(14));
    // Sent later than planned, its next-update time is off the schedule too.
    expect(failing(items)).toEqual(['newest-status', 'scope', 'times', 'same-as-other-audiences']);
    const lines = byId(items);
    expect(lines['newest-status'].detail).toContain('facts version 1; the newest is 2');
    expect(lines['newest-status'].detail).toContain('scope at 9:22 AM ET');
    expect(lines.scope.detail).toContain('It says "some customers" but the confirmed scope is "all".');
    expect(lines['same-as-other-audiences'].detail).toContain('who is affected differs');
  });

  it('reads "U.S." as a region and "in every region" as no scope claim', () => {
    const abroad = NORMAL_UPDATE.replace('paying by card', 'paying by card in the U.S.');
    const lines = byId(preSendCheck(draftOf(abroad), checkoutState(), runbook, t(10)));
    expect(lines['names-and-areas'].detail).toContain('It names "U.S."; no region is confirmed.');
    const everywhere = NORMAL_UPDATE.replace('paying by card', 'paying by card in every region');
    const scope = byId(preSendCheck(draftOf(everywhere), checkoutState(), runbook, t(10))).scope;
    expect(scope.ok).toBe(true);
    expect(scope.detail).toContain('"some customers"');
  });

  it('flags a product area and a region the incident lead has not confirmed', () => {
    const text = NORMAL_UPDATE.replace('at checkout', 'at checkout and sign-in').replace(
      'paying by card',
      'paying by card in the EU',
    );
    const lines = byId(preSendCheck(draftOf(text), checkoutState(), runbook, t(10)));
    expect(lines['names-and-areas'].ok).toBe(false);
    expect(lines['names-and-areas'].detail).toContain(
      'It names "sign-in"; the confirmed product areas are checkout.',
    );
    expect(lines['names-and-areas'].detail).toContain('It names "EU"; no region is confirmed.');
    const confirmed = applyEvent(checkoutState(), {
      type: 'facts.confirmed',
      at: t(9),
      actor: 'lee',
      facts: { regions: ['EU'], productAreas: ['checkout', 'sign-in'] },
    });
    expect(
      byId(preSendCheck(draftOf(text, { basedOnFactsVersion: 2 }), confirmed, runbook, t(10)))[
        'names-and-areas'
      ].ok,
    ).toBe(true);
  });

  it('flags an internal note that names an owner who is out instead of the backup', () => {
    const state = applyEvent(checkoutState(), {
      type: 'availability.changed',
      at: t(9),
      actor: 'lee',
      personId: 'dana',
      available: false,
    });
    const text = `${NORMAL_UPDATE} Dana owns the next update.`;
    const lines = byId(preSendCheck(draftOf(text, { audience: 'internal' }), state, runbook, t(10)));
    expect(lines['names-and-areas'].ok).toBe(false);
    expect(lines['names-and-areas'].detail).toContain(
      'It names Dana, who is out; Sam covers the communicationOwner role now.',
    );
    expect(lines['names-and-areas'].detail).toContain('names who owns the next update: Sam');
  });

  it('flags a next-update time that has passed or is not the one due, and a draft with none', () => {
    const stale = byId(
      preSendCheck(
        draftOf(NORMAL_UPDATE.replace('9:35 AM ET', '9:15 AM ET')),
        checkoutState(),
        runbook,
        t(10),
      ),
    );
    expect(stale.times.ok).toBe(false);
    expect(stale.times.detail).toContain('"9:15 AM ET" has already passed (it is 9:20 AM ET).');
    expect(stale.times.detail).toContain('it is due at 9:35 AM ET');
    const wrong = byId(
      preSendCheck(
        draftOf(NORMAL_UPDATE.replace('9:35 AM ET', '9:45 AM ET')),
        checkoutState(),
        runbook,
        t(10),
      ),
    );
    expect(wrong.times.detail).toBe('It says the next update is at 9:45 AM ET; it is due at 9:35 AM ET.');
    const none = byId(
      preSendCheck(
        draftOf(NORMAL_UPDATE.replace(' Next update at 9:35 AM ET.', '')),
        checkoutState(),
        runbook,
        t(10),
      ),
    );
    expect(none['next-update-stated']).toMatchObject({
      ok: false,
      detail: 'Say when the next update arrives, as a clock time with a zone (due 9:35 AM ET).',
    });
  });

  it('reads "tomorrow" after a next-update time as the reader does, like the linter', () => {
    // Monitoring overnight: sent at 7 PM ET, the next update is due at 10:30 AM ET the next day.
    const overnight = testRunbook({
      timeZones: { default: 'America/New_York' },
      cadence: { monitoringMinutes: { SEV1: 930, SEV2: 930, SEV3: 930 } },
    });
    const sevenPm = t(590);
    expect(sevenPm).toBe('2026-03-04T00:00:00Z');
    const text = NORMAL_UPDATE.replace('Next update at 9:35 AM ET.', 'Next update by 10:30 AM ET tomorrow.');
    const lines = byId(
      preSendCheck(draftOf(text, { status: 'monitoring' }), checkoutState(), overnight, sevenPm),
    );
    expect(lines.times).toMatchObject({ ok: true });
    expect(lines['next-update-stated'].detail).toBe(
      'It says the next update arrives at 10:30 AM ET tomorrow.',
    );
    expect(lines['same-as-other-audiences'].ok).toBe(true);
    // "today" names this morning: passed, and not the time due.
    const today = byId(
      preSendCheck(
        draftOf(text.replace('tomorrow', 'today'), { status: 'monitoring' }),
        checkoutState(),
        overnight,
        sevenPm,
      ),
    );
    expect(today.times.ok).toBe(false);
    expect(today.times.detail).toContain('"10:30 AM ET today" has already passed (it is 7:00 PM ET).');
    expect(today['same-as-other-audiences'].ok).toBe(false);
  });

  it('still flags a plain time earlier today, in the evening too', () => {
    const text = NORMAL_UPDATE.replace('Next update at 9:35 AM ET.', 'Next update by 6:45 PM ET.');
    const lines = byId(preSendCheck(draftOf(text), checkoutState(), runbook, t(590)));
    expect(lines.times.ok).toBe(false);
    expect(lines.times.detail).toContain('"6:45 PM ET" has already passed (it is 7:00 PM ET).');
  });

  it('needs no next update time for a resolution', () => {
    const state = applyEvent(checkoutState(), {
      type: 'recovery.confirmed',
      at: t(40),
      actor: 'lee',
      customerCheck: 'placed a real card order',
    });
    const text =
      'Card payments at checkout are working normally again for customers paying by card. We confirmed it by placing real card orders. ' +
      'If a payment failed, please do not retry it more than once before checking your statement.';
    const lines = byId(
      preSendCheck(
        draftOf(text, { kind: 'resolved', status: 'resolved', basedOnFactsVersion: 2 }),
        state,
        runbook,
        t(41),
      ),
    );
    expect(lines['next-update-stated']).toMatchObject({
      ok: true,
      detail: 'A resolution needs no next update time.',
    });
  });

  it("compares with the other audiences' messages and names who differs", () => {
    const lines = byId(
      preSendCheck(draftOf(NORMAL_UPDATE), checkoutState(), runbook, t(10), {
        otherMessages: [
          {
            audience: 'sales-renewal',
            text: 'Card payments at checkout are failing for some customers. Please do not retry a failed payment more than once. Next update at 9:45 AM ET.',
          },
        ],
      }),
    );
    expect(lines['same-as-other-audiences'].ok).toBe(false);
    expect(lines['same-as-other-audiences'].detail).toContain('"9:45 AM ET" (sales-renewal)');
  });

  it('wants exactly one owner for each large-account thread, including accounts that asked', () => {
    let state = checkoutState();
    state = applyEvent(state, {
      type: 'question.logged',
      at: t(12),
      actor: 'tom',
      question: 'Are orders lost?',
      topic: 'data',
      from: 'support-reply',
      accountId: 'globex',
    });
    const items = preSendCheck(draftOf(NORMAL_UPDATE), state, runbook, t(14), {
      accountThreads: [
        { accountId: 'acme', accountName: 'Acme Corp', owners: ['priya', 'zoe'] },
        { accountId: 'initech', owners: ['zoe'] },
      ],
    });
    const line = byId(items)['account-thread-owners'];
    expect(line.ok).toBe(false);
    expect(line.detail).toBe(
      'Acme Corp: 2 people answer (priya, zoe); pick one. globex asked at 9:22 AM ET: nobody owns the thread.',
    );
    const fixed = preSendCheck(draftOf(NORMAL_UPDATE), state, runbook, t(14), {
      accountThreads: [
        { accountId: 'acme', owners: ['zoe'] },
        { accountId: 'globex', owners: ['priya'] },
      ],
    });
    expect(byId(fixed)['account-thread-owners']).toMatchObject({
      ok: true,
      detail: 'Each of the 2 large-account threads has one owner.',
    });
  });

  it('refuses a malformed now', () => {
    expect(() =>
      preSendCheck(draftOf(NORMAL_UPDATE), checkoutState() as IncidentState, runbook, '9:20'),
    ).toThrow(ValidationError);
  });
});
