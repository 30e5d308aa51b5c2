import { describe, expect, it } from 'vitest';
import { apply, checkoutWithUpdate, recoveredAndResolved } from '../../test/playbooks-support';
import { t, testRunbook } from '../../test/support';
import { ValidationError } from '../errors';
import { outreachList } from './customer-success';
import type { AccountInput } from './inputs';

const runbook = testRunbook();

/** The morning's accounts: who uses checkout, and who has something live today. */
const accounts = (): AccountInput[] => [
  { id: 'acme', name: 'Acme', productAreas: ['checkout'], flags: ['active-campaign'] },
  { id: 'globex', name: 'Globex', productAreas: ['reporting'], tier: 'enterprise' },
  {
    id: 'initech',
    name: 'Initech',
    productAreas: ['checkout'],
    tier: 'Enterprise',
    csm: { id: 'maria', name: 'Maria' },
  },
  { id: 'hooli', name: 'Hooli', productAreas: ['checkout', 'app'], tier: 'startup' },
  {
    id: 'umbrella',
    name: 'Umbrella',
    productAreas: ['checkout', 'integrations'],
    flags: ['active-launch', 'high-order-volume'],
  },
  { id: 'stark', name: 'Stark', productAreas: ['checkout'], flags: ['active-campaign'] },
];

describe('outreachList in the checkout example', () => {
  const state = checkoutWithUpdate();
  const list = outreachList(accounts(), state, runbook);

  it('lists accounts that use checkout and have a campaign, launch, order volume or high tier, most impact first', () => {
    expect(list.map((i) => [i.rank, i.accountId])).toEqual([
      [1, 'initech'], // enterprise contract
      [2, 'umbrella'], // launch + high order volume
      [3, 'acme'], // campaign; ties with Stark, ordered by name
      [4, 'stark'],
    ]);
  });

  it.each([
    ['globex', 'high tier but does not use the affected area'],
    ['hooli', 'uses checkout but nothing raises its impact'],
  ])('leaves out %s (%s)', (id) => {
    expect(list.map((i) => i.accountId)).not.toContain(id);
  });

  it.each([
    ['initech', { id: 'maria', name: 'Maria' }, 'csm'],
    ['umbrella', { id: 'zoe', name: 'Zoe' }, 'customerSuccess'],
    ['acme', { id: 'zoe', name: 'Zoe' }, 'customerSuccess'],
  ] as const)('%s has exactly one owner for the thread', (id, owner, source) => {
    const item = list.find((i) => i.accountId === id);
    expect(item).toMatchObject({ owner, ownerSource: source, audience: 'cs-account' });
    expect(item?.reason).toContain(`${owner.name} owns the thread`);
  });

  it('writes the reason with the right article for the contract tier (an enterprise, a premium)', () => {
    // Regression: the reason said "has a enterprise contract".
    expect(list[0]?.reason).toBe(
      "Uses checkout and has an Enterprise contract. Maria owns the thread; sales and support pass this account's questions to them.",
    );
    const tiers = testRunbook({ highImpact: { tiers: ['premium', 'enterprise', 'unlimited'] } });
    const reasons = outreachList(
      [
        { id: 'p', name: 'P', productAreas: ['checkout'], tier: 'premium', flags: ['active-campaign'] },
        { id: 'e', name: 'E', productAreas: ['checkout'], tier: 'enterprise' },
        { id: 'u', name: 'U', productAreas: ['checkout'], tier: 'unlimited' },
      ],
      checkoutWithUpdate(),
      tiers,
    ).map((i) => i.reason.split('.')[0]);
    expect(reasons).toEqual([
      'Uses checkout and has a premium contract and an active campaign',
      'Uses checkout and has an enterprise contract',
      'Uses checkout and has an unlimited contract',
    ]);
  });

  it('says what puts each account on the list', () => {
    expect(list[0]).toMatchObject({ affectedAreas: ['checkout'], highImpactTier: 'Enterprise', flags: [] });
    expect(list[1]?.reason).toBe(
      'Uses checkout and has an active launch and high order volume. ' +
        "Zoe owns the thread; sales and support pass this account's questions to them.",
    );
  });
});

describe('outreachList follows the incident and the runbook', () => {
  it('adds accounts when the incident lead confirms another affected area', () => {
    const wider = apply(checkoutWithUpdate(), {
      type: 'facts.confirmed',
      at: t(11),
      actor: 'lee',
      facts: { productAreas: ['checkout', 'reporting'] },
    });
    expect(outreachList(accounts(), wider, runbook).map((i) => i.accountId)).toEqual([
      'globex',
      'initech',
      'umbrella',
      'acme',
      'stark',
    ]);
  });

  it('reads high-impact tiers from the runbook', () => {
    const strategic = testRunbook({ highImpact: { tiers: ['startup'] } });
    const ids = outreachList(accounts(), checkoutWithUpdate(), strategic).map((i) => i.accountId);
    expect(ids[0]).toBe('hooli');
    expect(ids).not.toContain('initech');
  });

  it('hands the thread to the customer success backup while the primary is out', () => {
    const out = apply(checkoutWithUpdate(), {
      type: 'availability.changed',
      at: t(11),
      actor: 'lee',
      personId: 'zoe',
      available: false,
    });
    expect(outreachList(accounts(), out, runbook).find((i) => i.accountId === 'acme')?.owner).toEqual({
      id: 'kai',
      name: 'Kai',
    });
  });

  it('keeps the list after recovery, for the follow-up note', () => {
    const resolved = recoveredAndResolved(checkoutWithUpdate(), t(55));
    expect(outreachList(accounts(), resolved, runbook)).toHaveLength(4);
  });
});

describe('account validation', () => {
  const state = checkoutWithUpdate();
  const errorOf = (input: unknown) => {
    try {
      outreachList(input as AccountInput[], state, runbook);
    } catch (error) {
      return error as ValidationError;
    }
    throw new Error('expected an error');
  };

  it('names an unknown product area by path, with the runbook list', () => {
    const error = errorOf([{ id: 'acme', name: 'Acme', productAreas: ['checkout', 'billing'] }]);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.problems.map((p) => p.message)).toEqual([
      `accounts.0.productAreas.1: expected one of ${runbook.productAreas.join(', ')}, got "billing"`,
    ]);
  });

  it.each([
    ['a repeated id', [accounts()[0], accounts()[0]], 'accounts.1.id'],
    ['an unknown flag', [{ id: 'a', name: 'A', productAreas: [], flags: ['vip'] }], 'accounts.0.flags.0'],
    [
      'a CSM without a name',
      [{ id: 'a', name: 'A', productAreas: [], csm: { id: 'm' } }],
      'accounts.0.csm.name',
    ],
    ['an unexpected field', [{ id: 'a', name: 'A', productAreas: [], owner: 'zoe' }], 'accounts.0'],
  ])('rejects %s', (_, input, path) => {
    expect(errorOf(input).problems.map((p) => p.path)).toEqual([path]);
  });
});
