/**
 * @module publish/consistency
 * `checkConsistency`: do the audiences' messages of one version say the same thing about what
 * is broken, who is affected, what to do and when the next update is? Names the differing fact.
 */

import type { ApprovedMessage } from '../message';
import type {
  ConsistencyFact,
  ConsistencyMessage,
  ConsistencyOptions,
  ConsistencyReference,
  ConsistencyReport,
  Inconsistency,
} from './consistency-types';
import {
  type Extracted,
  extract,
  NOT_STATED,
  overlap,
  type Stated,
  statedAction,
  terms,
} from './stated-facts';

const FACT_WORDS: Record<ConsistencyFact, string> = {
  version: 'status version',
  status: 'status',
  whatIsBroken: 'what is broken',
  whoIsAffected: 'who is affected',
  customerAction: 'what customers should do',
  nextUpdate: 'next update time',
};

interface Group<T> {
  shown: string;
  value: T;
  audiences: string[];
}

/** Clusters stated values: each joins the first group whose representative it matches. */
function cluster<T>(
  items: Array<{ label: string; stated: Stated<T> | undefined }>,
  same: (a: T, b: T) => boolean,
  missingCounts: boolean,
): Group<T | undefined>[] {
  const groups: Group<T | undefined>[] = [];
  for (const { label, stated } of items) {
    if (!stated) {
      if (!missingCounts) continue;
      const missing = groups.find((g) => g.value === undefined);
      if (missing) missing.audiences.push(label);
      else groups.push({ shown: NOT_STATED, value: undefined, audiences: [label] });
      continue;
    }
    const group = groups.find((g) => g.value !== undefined && same(g.value, stated.value));
    if (group) group.audiences.push(label);
    else groups.push({ shown: stated.shown, value: stated.value, audiences: [label] });
  }
  return groups;
}

function difference<T>(fact: ConsistencyFact, groups: Group<T>[]): Inconsistency | undefined {
  if (groups.length < 2) return undefined;
  if (groups.every((g) => g.shown === NOT_STATED || g.value === undefined)) return undefined;
  const variants = groups.map((g) => ({ value: g.shown, audiences: g.audiences }));
  const parts = variants.map(
    (v) => `${v.value === NOT_STATED ? NOT_STATED : `"${v.value}"`} (${v.audiences.join(', ')})`,
  );
  return { fact, message: `${FACT_WORDS[fact]} differs: ${parts.join(' vs ')}`, variants };
}

const sameTerms = (a: Set<string>, b: Set<string>) => overlap(a, b) >= 0.5;
const sameAction = (
  a: { terms: Set<string>; negated: boolean },
  b: { terms: Set<string>; negated: boolean },
) => a.negated === b.negated && overlap(a.terms, b.terms) >= 0.5;

function referenceFacts(ref: ConsistencyReference): Extracted {
  const out: Extracted = { label: ('label' in ref && ref.label) || `status update v${ref.version ?? '?'}` };
  if (ref.version !== undefined) out.version = { shown: `v${ref.version}`, value: ref.version };
  if (ref.status !== undefined) out.status = { shown: ref.status, value: ref.status };
  if (ref.symptom) out.broken = { shown: ref.symptom, value: terms(ref.symptom) };
  if (ref.scope !== undefined) out.scope = { shown: ref.scope, value: ref.scope };
  if (ref.customerAction) out.action = statedAction(ref.customerAction);
  if (ref.nextUpdateAt)
    out.nextUpdate = { shown: ref.nextUpdateAt, value: new Date(ref.nextUpdateAt).toISOString() };
  return out;
}

/**
 * Checks that every audience's message of one version says the same thing about what is
 * broken, who is affected (scope), what customers should do and when the next update is,
 * plus the version and status when the messages carry them; names each differing fact and
 * the audiences on each side. Wording may differ (sales and support phrase things their own
 * way); facts may not.
 *
 * How facts are read from text: the first sentence with a symptom cue ("failing", "cannot",
 * "delayed", ...) is what is broken, compared by content words; scope words ("some
 * customers", "all customers", "full outage"; the first stated, not negated) are who is
 * affected, about people only ("in every region" and "some orders" are not a scope); the
 * first advice sentence ("please ...", "do not ...", "we recommend ...", also after a
 * condition or lead-in: "If a payment fails, try it once more") is what to do, compared by
 * content words and whether the advice itself, not its condition, tells customers *not* to
 * do something; the first clock time in a sentence
 * about the next update is the next update time, read as an instant by
 * {@link resolveWrittenTime} (so "9:30 AM ET" and "14:30 UTC" agree, and "10:30 AM ET tomorrow"
 * written in the evening means the next morning), or the message's `nextUpdateAt`.
 * A message that does not state the next update or the customer action while others do
 * differs ("not stated"); not restating the symptom or scope is allowed without a
 * `reference`. With a `reference` status update, it is the first variant and every message
 * is compared with its facts.
 *
 * Practice: "every customer-facing team sends the same status: what is broken, who is
 * affected, what customers should do next, and when the next update will arrive".
 *
 * @param messages - the variants: {@link ApprovedMessage}s or hand-edited texts with audience.
 * @param options - optional reference status update, `now` and default time zone.
 * @returns `{ consistent, differences }`; `consistent` is true with fewer than two messages
 *   and no reference.
 * @example
 * checkConsistency([
 *   { audience: 'customer', text: 'Card payments are failing for some customers. Next update at 9:30 AM ET.' },
 *   { audience: 'sales-renewal', text: 'Card payments are failing for some customers. Next update at 9:45 AM ET.' },
 * ]).differences[0]?.message;
 * // 'next update time differs: "9:30 AM ET" (customer) vs "9:45 AM ET" (sales-renewal)'
 */
export function checkConsistency(
  messages: ReadonlyArray<ApprovedMessage | ConsistencyMessage>,
  options: ConsistencyOptions = {},
): ConsistencyReport {
  const seen = new Map<string, number>();
  const extracted = messages.map((message) => {
    const base = ('label' in message && message.label) || message.audience;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const consistencyMessage: ConsistencyMessage = {
      ...message,
      publishedAt: message.publishedAt ?? options.reference?.publishedAt,
    };
    return extract(consistencyMessage, n > 1 ? `${base} #${n}` : base, options);
  });
  const all = options.reference ? [referenceFacts(options.reference), ...extracted] : extracted;
  const differences: Inconsistency[] = [];
  const add = (d: Inconsistency | undefined) => {
    if (d) differences.push(d);
  };
  const resolved = all.some((e) => e.status?.value === 'resolved');
  const same = <T>(a: T, b: T) => a === b;
  add(
    difference(
      'version',
      cluster(
        all.map((e) => ({ label: e.label, stated: e.version })),
        same,
        false,
      ),
    ),
  );
  add(
    difference(
      'status',
      cluster(
        all.map((e) => ({ label: e.label, stated: e.status })),
        same,
        false,
      ),
    ),
  );
  add(
    difference(
      'whatIsBroken',
      cluster(
        all.map((e) => ({ label: e.label, stated: e.broken })),
        sameTerms,
        false,
      ),
    ),
  );
  add(
    difference(
      'whoIsAffected',
      cluster(
        all.map((e) => ({ label: e.label, stated: e.scope })),
        same,
        false,
      ),
    ),
  );
  add(
    difference(
      'customerAction',
      cluster(
        all.map((e) => ({ label: e.label, stated: e.action })),
        sameAction,
        !resolved,
      ),
    ),
  );
  add(
    difference(
      'nextUpdate',
      cluster(
        all.map((e) => ({ label: e.label, stated: e.nextUpdate })),
        same,
        !resolved,
      ),
    ),
  );
  return { consistent: differences.length === 0, differences };
}
