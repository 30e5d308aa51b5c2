import { describe, expect, it } from 'vitest';
import {
  apply,
  checkoutDeclared,
  checkoutWithUpdate,
  FIRST_UPDATE_TEXT,
  morningSalesItems,
  publishEvents,
  recoveredAndResolved,
} from '../../test/playbooks-support';
import { t, testRunbook } from '../../test/support';
import { ValidationError } from '../errors';
import type { IncidentState } from '../incident/index';
import { claimsFixed } from './guessing';
import type { SalesItemInput } from './inputs';
import { type SalesAction, salesActions } from './sales';

const runbook = testRunbook();
const items = (): SalesItemInput[] => morningSalesItems().map((i) => ({ ...i, dependsOn: [...i.dependsOn] }));
const byId = (actions: SalesAction[]) => Object.fromEntries(actions.map((a) => [a.itemId, a]));

describe('salesActions in the checkout example (payments failing since 9:10 ET, now 9:20 ET)', () => {
  const state = checkoutWithUpdate();
  const actions = byId(salesActions(items(), state, runbook, t(10)));

  it.each([
    ['demo-northwind', 'reschedule', ['checkout']],
    ['demo-globex', 'continue', []],
    ['deal-initech', 'pause-promise', ['checkout']],
    ['renewal-umbrella', 'continue', []],
  ] as const)('%s → %s', (id, action, broken) => {
    expect(actions[id]).toMatchObject({ action, brokenDependencies: broken });
  });

  it('gives every item the approved talking points and the next update time', () => {
    for (const action of Object.values(actions)) {
      expect(action.talkingPoints).toEqual([FIRST_UPDATE_TEXT]);
      expect(action.talkingPointsVersion).toBe(1);
      expect(action.nextUpdateAt).toBe(t(20));
    }
  });

  it('says why in plain words', () => {
    expect(actions['demo-northwind']?.reason).toContain('The demo needs checkout');
    expect(actions['deal-initech']?.reason).toContain('Pause any promise that depends on checkout');
    expect(actions['demo-globex']?.reason).toContain('does not depend on the affected area (checkout)');
  });

  it('keeps input order and the item details', () => {
    expect(salesActions(items(), state, runbook, t(10)).map((a) => a.itemId)).toEqual(
      morningSalesItems().map((i) => i.id),
    );
    expect(actions['demo-northwind']).toMatchObject({ kind: 'demo', name: 'Northwind', at: t(80) });
  });
});

describe('when a demo that needs the broken flow can continue', () => {
  const withFixTime = (fixAt: string): IncidentState =>
    apply(checkoutWithUpdate(), {
      type: 'facts.confirmed',
      at: t(9),
      actor: 'lee',
      facts: { approvedFixTime: fixAt },
    });
  const demo = (at: string): SalesItemInput => ({ id: 'demo', kind: 'demo', dependsOn: ['checkout'], at });

  it.each([
    ['before the next update, even with an approved fix time', withFixTime(t(15)), t(18), 'reschedule'],
    ['after the next update, without an approved fix time', checkoutWithUpdate(), t(80), 'reschedule'],
    ['after the next update, but before the approved fix time', withFixTime(t(120)), t(80), 'reschedule'],
    ['after the next update and the approved fix time', withFixTime(t(60)), t(80), 'continue'],
    ['already started', checkoutWithUpdate(), t(5), 'continue'],
  ] as const)('%s → %s', (_, state, at, action) => {
    expect(salesActions([demo(at)], state, runbook, t(10))[0]?.action).toBe(action);
  });
});

describe('never "fixed" before recovery', () => {
  const premature = (() => {
    const state = checkoutWithUpdate();
    return apply(
      state,
      ...publishEvents(state, t(18), { text: 'Checkout is fixed now. Thanks for waiting.' }),
    );
  })();

  it.each<[string, IncidentState]>([
    ['no update yet', checkoutDeclared()],
    ['investigating', checkoutWithUpdate()],
    ['an update that claims a fix before recovery', premature],
  ])('no action text claims a fix: %s', (_, state) => {
    expect(state.recovery.confirmed).toBeUndefined();
    for (const action of salesActions(items(), state, runbook, t(19))) {
      for (const words of [action.reason, ...action.talkingPoints]) expect(claimsFixed(words)).toBe(false);
    }
  });

  it('withholds talking points that claim a fix before recovery, and says whom to ask', () => {
    const [action] = salesActions(items(), premature, runbook, t(19));
    expect(action?.talkingPoints).toEqual([]);
    expect(action?.reason).toContain('recovery is not confirmed: do not use it; ask the communication owner');
  });

  it('has no talking points before the first update', () => {
    const [action] = salesActions(items(), checkoutDeclared(), runbook, t(6));
    expect(action?.talkingPoints).toEqual([]);
    expect(action?.reason).toContain('There is no approved update yet');
  });

  it('after recovery: everything continues with the resolved wording', () => {
    const resolved = recoveredAndResolved(checkoutWithUpdate(), t(55));
    const actions = salesActions(items(), resolved, runbook, t(60));
    expect(actions.map((a) => a.action)).toEqual(['continue', 'continue', 'continue', 'continue']);
    expect(actions[0]?.talkingPoints).toEqual([resolved.updates[1]?.text]);
    expect(actions[0]?.reason).toContain('Recovery is confirmed');
  });
});

describe('sales input validation', () => {
  const state = checkoutWithUpdate();
  const errorOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      return error as ValidationError;
    }
    throw new Error('expected an error');
  };

  it('names an unknown product area by path, with the runbook list', () => {
    const deals = items();
    deals[1] = { ...deals[1]!, dependsOn: ['chekout'] };
    const error = errorOf(() => salesActions(deals, state, runbook, t(10)));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.code).toBe('input_invalid');
    expect(error.problems.map((p) => p.message)).toEqual([
      `deals.1.dependsOn.0: expected one of ${runbook.productAreas.join(', ')}, got "chekout"`,
    ]);
  });

  it.each([
    ['an unknown kind', [{ id: 'x', kind: 'webinar', dependsOn: [], at: t(60) }], 'deals.0.kind'],
    ['a missing time', [{ id: 'x', kind: 'demo', dependsOn: [] }], 'deals.0.at'],
    [
      'a repeated id',
      [
        { id: 'x', kind: 'demo', dependsOn: [], at: t(60) },
        { id: 'x', kind: 'deal', dependsOn: [], at: t(60) },
      ],
      'deals.1.id',
    ],
  ])('rejects %s', (_, deals, path) => {
    const error = errorOf(() => salesActions(deals as SalesItemInput[], state, runbook, t(10)));
    expect(error.problems.map((p) => p.path)).toEqual([path]);
  });

  it('rejects a `now` that is not an ISO-8601 UTC instant', () => {
    const error = errorOf(() => salesActions(items(), state, runbook, '9:20 AM'));
    expect(error.problems.map((p) => p.path)).toEqual(['now']);
  });
});
