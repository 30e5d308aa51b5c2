/**
 * @module playbooks/inputs
 * zod schemas for what support, sales and customer success hand the playbooks (tickets,
 * deals, accounts). Product areas are checked against the runbook, so a typo is an error.
 */
import { z } from 'zod';
import { problem, problemsFromZod, ValidationError } from '../errors';
import { instantSchema } from '../incident/events';
import type { Runbook } from '../runbook/define';
import { nonEmptyTextSchema as text } from '../text/non-empty';

/**
 * Signals that make an account high impact during an incident (practice: accounts with
 * active launches, campaigns or high order volume get a personal note).
 */
export const ACCOUNT_FLAGS = [
  'active-launch',
  'active-campaign',
  'high-order-volume',
  'high-impact',
] as const;
/** One of {@link ACCOUNT_FLAGS}. */
export type AccountFlag = (typeof ACCOUNT_FLAGS)[number];

/** The kinds of sales items the sales playbook answers for. */
export const SALES_ITEM_KINDS = ['deal', 'demo', 'renewal'] as const;
/** One of {@link SALES_ITEM_KINDS}. */
export type SalesItemKind = (typeof SALES_ITEM_KINDS)[number];

const personRef = z.object({ id: text, name: text }).strict();

function productArea(runbook: Runbook) {
  const areas = [...runbook.productAreas] as [string, ...string[]];
  return z.enum(areas, { error: `one of ${areas.join(', ')}` });
}

function schemas(runbook: Runbook) {
  const area = productArea(runbook);
  const flags = z.array(z.enum(ACCOUNT_FLAGS)).default([]);
  const ticket = z
    .object({
      /** The ticket's id in the help desk. */
      id: text,
      /** When the ticket arrived (ISO-8601 UTC); the logged question carries this time. */
      at: instantSchema,
      /** Person id of the support rep handling it (the logged question's actor). */
      by: text,
      /** What the customer wrote, in their words. */
      text,
      /** The incident type support tagged, when they tagged one. */
      symptom: z.enum(Object.keys(runbook.incidentTypes) as [string, ...string[]]).optional(),
      /** The product area the customer is using, when known. */
      productArea: area.optional(),
      /** The customer's region, when known (compared with the confirmed regions). */
      region: text.optional(),
      /** Whether the customer says it works again for them (also read from `text`). */
      reportsWorking: z.boolean().optional(),
      accountId: text.optional(),
      /** The account's contract tier, e.g. `enterprise`. */
      accountTier: text.optional(),
      flags,
    })
    .strict();
  const salesItem = z
    .object({
      id: text,
      kind: z.enum(SALES_ITEM_KINDS),
      /** Who the item is with, e.g. the prospect's company. */
      name: text.optional(),
      /** Product areas the deal's promises or the demo's script depend on. */
      dependsOn: z.array(area),
      /** When the demo starts, or the deal's/renewal's next customer touchpoint (ISO-8601 UTC). */
      at: instantSchema,
      /** The sales rep who owns it. */
      owner: personRef.optional(),
    })
    .strict();
  const account = z
    .object({
      id: text,
      name: text,
      /** Product areas the account uses. */
      productAreas: z.array(area),
      /** Contract tier, compared with `runbook.highImpact.tiers`. */
      tier: text.optional(),
      flags,
      /** The account's named customer success manager, if it has one. */
      csm: personRef.optional(),
    })
    .strict();
  return { ticket, salesItem, account };
}

/** A support ticket as the host hands it in (before defaults). */
export type TicketInput = z.input<ReturnType<typeof schemas>['ticket']>;
/** A validated support ticket. */
export type Ticket = z.output<ReturnType<typeof schemas>['ticket']>;
/** A deal, demo or renewal as the host hands it in. */
export type SalesItemInput = z.input<ReturnType<typeof schemas>['salesItem']>;
/** A validated deal, demo or renewal. */
export type SalesItem = z.output<ReturnType<typeof schemas>['salesItem']>;
/** A customer account as the host hands it in. */
export type AccountInput = z.input<ReturnType<typeof schemas>['account']>;
/** A validated customer account. */
export type Account = z.output<ReturnType<typeof schemas>['account']>;

function parseWith<T>(schema: z.ZodType<T>, input: unknown, where: string): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ValidationError(where, problemsFromZod(parsed.error, input, where));
  return parsed.data;
}

function uniqueIds<T extends { id: string }>(items: T[], where: string, what: string): T[] {
  const seen = new Set<string>();
  const problems = items.flatMap((item, index) => {
    if (!seen.has(item.id)) {
      seen.add(item.id);
      return [];
    }
    return [problem(`${where}.${index}.id`, `a unique ${what} id`, JSON.stringify(item.id))];
  });
  if (problems.length > 0) throw new ValidationError(where, problems);
  return items;
}

/**
 * Validates one support ticket against the runbook.
 *
 * @param input - `{ id, at, by, text, symptom?, productArea?, region?, reportsWorking?,
 *   accountId?, accountTier?, flags? }`; `at` is an ISO-8601 UTC instant, `symptom` one of the
 *   five incident types, `productArea` one of `runbook.productAreas`.
 * @returns the ticket with `flags` defaulted to `[]`.
 * @throws {ValidationError} `input_invalid`, one problem per bad field, paths prefixed `ticket`,
 *   e.g. `ticket.productArea: expected one of checkout, sign-in, …, got "chekout"`.
 * @example
 * parseTicket({ id: 'T-1', at: '2026-03-03T14:20:00Z', by: 'tom', text: 'My card was declined' }, runbook);
 */
export function parseTicket(input: unknown, runbook: Runbook): Ticket {
  return parseWith(schemas(runbook).ticket, input, 'ticket');
}

/**
 * Validates the list of deals, demos and renewals.
 *
 * @param input - an array of `{ id, kind: 'deal' | 'demo' | 'renewal', name?, dependsOn: area[],
 *   at, owner? }`; every `dependsOn` entry must be one of `runbook.productAreas`.
 * @throws {ValidationError} `input_invalid` naming each path, e.g.
 *   `deals.1.dependsOn.0: expected one of checkout, sign-in, …, got "chekout"`, or a repeated id.
 * @example
 * parseSalesItems([{ id: 'demo-1', kind: 'demo', dependsOn: ['checkout'], at: '2026-03-03T15:00:00Z' }], runbook);
 */
export function parseSalesItems(input: unknown, runbook: Runbook): SalesItem[] {
  return uniqueIds(parseWith(z.array(schemas(runbook).salesItem), input, 'deals'), 'deals', 'deal');
}

/**
 * Validates the list of customer accounts.
 *
 * @param input - an array of `{ id, name, productAreas: area[], tier?, flags?, csm? }`.
 * @throws {ValidationError} `input_invalid` naming each path, e.g.
 *   `accounts.0.productAreas.1: expected one of checkout, …, got "billing"`, or a repeated id.
 * @example
 * parseAccounts([{ id: 'acme', name: 'Acme', productAreas: ['checkout'], flags: ['active-campaign'] }], runbook);
 */
export function parseAccounts(input: unknown, runbook: Runbook): Account[] {
  return uniqueIds(parseWith(z.array(schemas(runbook).account), input, 'accounts'), 'accounts', 'account');
}

const questionSchema = z
  .object({
    /** The question in the customer's words. */
    text,
    /** When it was heard (ISO-8601 UTC). */
    at: instantSchema,
    /** Person id of whoever heard it. */
    by: text,
    /** The audience it came through, e.g. `support-reply`, `sales-active-deal`, `cs-account`. */
    from: text,
    accountId: text.optional(),
  })
  .strict();

/** A customer question heard by support, sales or success, to log and route. */
export type QuestionInput = z.input<typeof questionSchema>;

/**
 * Validates a customer question handed to `routeQuestion`.
 *
 * @throws {ValidationError} `input_invalid`, paths prefixed `question`, e.g. `question.at`.
 * @example
 * parseQuestion({ text: 'Is our data safe?', at: '2026-03-03T14:22:00Z', by: 'priya', from: 'sales-active-deal' });
 */
export function parseQuestion(input: unknown): QuestionInput {
  return parseWith(questionSchema, input, 'question');
}

/**
 * Validates the `now` argument of a playbook: an ISO-8601 UTC instant like `2026-03-03T14:20:00Z`.
 *
 * @throws {ValidationError} `input_invalid` with path `now`.
 * @example
 * parseNow('2026-03-03T14:20:00Z'); // '2026-03-03T14:20:00Z'
 */
export function parseNow(now: unknown): string {
  return parseWith(instantSchema, now, 'now');
}
