/**
 * @module playbooks/customer-success
 * The customer success playbook: which accounts get a personal note, most impact first, each
 * with exactly one owner for the thread.
 */
import type { IncidentState, PersonRef } from '../incident/index';
import type { Runbook } from '../runbook/define';
import { withIndefiniteArticle } from '../text/article';
import { holderOf, incidentAreas } from './incident-view';
import { type AccountFlag, type AccountInput, parseAccounts } from './inputs';

/** One account that needs a personal note, with the one person who owns its thread. */
export interface OutreachItem {
  /** 1 for the highest impact; see {@link outreachList} for the ordering. */
  rank: number;
  accountId: string;
  name: string;
  /**
   * The one owner of this account's thread: the named CSM, else the customer success role
   * holder; `undefined` only when nobody holds that role (an ownership gap).
   */
  owner?: PersonRef;
  /** Where the owner came from. */
  ownerSource: 'csm' | 'customerSuccess';
  /** The audience whose wording the note uses. */
  audience: 'cs-account';
  /** Product areas the account uses that the incident touches. */
  affectedAreas: string[];
  /** The contract tier when the runbook marks it high impact. */
  highImpactTier?: string;
  /** Active signals that raise the account's impact (launch, campaign, order volume, flag). */
  flags: AccountFlag[];
  /** Why it is on the list, in plain words. */
  reason: string;
}

const FLAG_WORDS: Record<AccountFlag, string> = {
  'active-launch': 'an active launch',
  'active-campaign': 'an active campaign',
  'high-order-volume': 'high order volume',
  'high-impact': 'marked high impact',
};

/** Joins phrases as a person writes them: `a`, `a and b`, `a, b and c`. */
const listWords = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

/**
 * Lists the accounts customer success should send a personal note, ordered by impact.
 *
 * Practice: reach out to affected accounts, especially those with active launches, campaigns
 * or high order volume; one owner per large-account thread so sales, support and success do
 * not answer it three different ways.
 *
 * An account is listed when it uses a product area the incident touches (the incident type's
 * area, confirmed `facts.productAreas`, the current update's areas; still listed after
 * recovery, for the follow-up note) AND it has a contract tier in `runbook.highImpact.tiers`
 * or any flag (`active-launch`, `active-campaign`, `high-order-volume`, `high-impact`).
 *
 * Ordering (most impact first): a high-impact contract tier before none; then more flags
 * before fewer; then more affected areas in use before fewer; then by name, then id, so the
 * order is deterministic.
 *
 * @param accounts - as in `parseAccounts`: `{ id, name, productAreas: area[], tier?, flags?, csm? }`.
 * @param state - the incident state.
 * @param runbook - the validated runbook (product areas, high-impact tiers, the customer
 *   success role as fallback owner).
 * @returns the {@link OutreachItem}s, ranked from 1; accounts that need no note are left out.
 * @throws {ValidationError} `input_invalid` for a malformed account, a repeated id or an unknown
 *   product area, e.g. `accounts.0.productAreas.1: expected one of checkout, …, got "billing"`.
 * @example
 * outreachList([{ id: 'acme', name: 'Acme', productAreas: ['checkout'], flags: ['active-campaign'] }], state, runbook);
 * // [{ rank: 1, accountId: 'acme', owner: { id: 'zoe', name: 'Zoe' }, ownerSource: 'customerSuccess', … }]
 */
export function outreachList(
  accounts: ReadonlyArray<AccountInput>,
  state: IncidentState,
  runbook: Runbook,
): OutreachItem[] {
  const parsed = parseAccounts(accounts, runbook);
  const areas = incidentAreas(state, runbook);
  const tiers = runbook.highImpact.tiers.map((t) => t.toLowerCase());
  const roleOwner = holderOf(state, runbook, 'customerSuccess');

  const listed = parsed.flatMap((account) => {
    const affected = account.productAreas.filter((a) => areas.includes(a));
    const highTier = account.tier !== undefined && tiers.includes(account.tier.toLowerCase());
    const flags = [...new Set(account.flags)];
    if (affected.length === 0 || (!highTier && flags.length === 0)) return [];
    const owner = account.csm ?? roleOwner;
    const why = [
      ...(highTier ? [withIndefiniteArticle(`${account.tier} contract`)] : []),
      ...flags.map((f) => FLAG_WORDS[f]),
    ];
    const ownerWords = owner
      ? `${owner.name} owns the thread; sales and support pass this account's questions to them.`
      : 'Nobody holds the customer success role right now; ask the incident lead to name an owner.';
    return [
      {
        account,
        affected,
        highTier,
        flags,
        owner,
        reason: `Uses ${affected.join(' and ')} and has ${listWords(why)}. ${ownerWords}`,
      },
    ];
  });

  listed.sort(
    (a, b) =>
      Number(b.highTier) - Number(a.highTier) ||
      b.flags.length - a.flags.length ||
      b.affected.length - a.affected.length ||
      a.account.name.localeCompare(b.account.name) ||
      a.account.id.localeCompare(b.account.id),
  );

  return listed.map((entry, index) => ({
    rank: index + 1,
    accountId: entry.account.id,
    name: entry.account.name,
    ...(entry.owner ? { owner: entry.owner } : {}),
    ownerSource: entry.account.csm ? 'csm' : 'customerSuccess',
    audience: 'cs-account',
    affectedAreas: entry.affected,
    ...(entry.highTier ? { highImpactTier: entry.account.tier } : {}),
    flags: entry.flags,
    reason: entry.reason,
  }));
}
