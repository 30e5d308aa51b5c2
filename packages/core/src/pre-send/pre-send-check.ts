/**
 * @module pre-send/pre-send-check
 * `preSendCheck`: the two-minute check before sending, as a checklist a person reads top to
 * bottom: newest facts and scope, names and times, next update, same story, one owner per thread.
 */

import { problem, ValidationError } from '../errors';
import type { Draft } from '../incident/events';
import { instantSchema } from '../incident/events';
import type { IncidentState } from '../incident/state';
import { lintMessage } from '../lint/lint-message';
import { checkConsistency } from '../publish/consistency';
import { audienceTimeZone, draftLintContext } from '../publish/lint-facts';
import { resolveWrittenTime } from '../publish/stated-facts';
import type { Runbook } from '../runbook/define';
import {
  clockIn,
  item,
  namesCheck,
  newestStatus,
  nextUpdateCheck,
  sameStoryCheck,
  scopeCheck,
  timesCheck,
} from './checks';
import type { PreSendCheckItem, PreSendOptions } from './types';

export type { AccountThread, PreSendCheckId, PreSendCheckItem, PreSendOptions } from './types';

function threadsCheck(state: IncidentState, zone: string, options: PreSendOptions): PreSendCheckItem {
  const threads = options.accountThreads ?? [];
  const problems: string[] = [];
  for (const thread of threads) {
    const owners = [...new Set(thread.owners)];
    const name = thread.accountName ?? thread.accountId;
    if (owners.length === 0) problems.push(`${name}: nobody owns the thread.`);
    else if (owners.length > 1)
      problems.push(`${name}: ${owners.length} people answer (${owners.join(', ')}); pick one.`);
  }
  const known = new Set(threads.map((th) => th.accountId));
  const asked = new Map<string, string>();
  for (const q of state.questions)
    if (q.accountId && !known.has(q.accountId) && !asked.has(q.accountId)) asked.set(q.accountId, q.at);
  for (const [accountId, at] of asked)
    problems.push(`${accountId} asked at ${clockIn(at, zone)}: nobody owns the thread.`);
  if (problems.length > 0) return item('account-thread-owners', false, problems.join(' '));
  return item(
    'account-thread-owners',
    true,
    threads.length === 0
      ? 'No large-account threads are open.'
      : `Each of the ${threads.length} large-account threads has one owner.`,
  );
}

/**
 * The two-minute check before sending a draft, as a checklist a person can read:
 * 1. `newest-status`: written from the newest facts version (names what changed since);
 * 2. `scope`: scope words match the confirmed scope, impact stated plainly (lint's
 *    `scope-accuracy` and `plain-impact`);
 * 3. `names-and-areas`: no placeholders left; product areas the runbook knows and regions
 *    it names are confirmed ones; nobody named who is out; internal updates name the owner;
 * 4. `times`: next-update and fix-time times are in the future, and the next update time
 *    matches the one due (the new version's cadence plan for an unpublished draft); times are
 *    read as the linter reads them ({@link resolveWrittenTime}: "tomorrow" or a weekday counts);
 * 5. `next-update-stated`: a clock time for the next update (not needed once resolved);
 * 6. `same-as-other-audiences`: {@link checkConsistency} of the draft (and `otherMessages`)
 *    against the facts of its version: the current status update for a variant of it, the
 *    confirmed facts for a draft of the next version;
 * 7. `account-thread-owners`: every large-account thread (`options.accountThreads`, plus any
 *    account that asked a logged question) has exactly one owner.
 *
 * Practice: "do a two-minute check before sending": newest status and scope, names and
 * timestamps, next update time, the same wording across teams, one owner per big account.
 *
 * @param draft - the draft to send (need not be recorded; its approvals are not checked here).
 * @param state - the incident state.
 * @param runbook - a validated runbook (time zones, product areas, lint settings).
 * @param now - ISO-8601 UTC instant.
 * @param options - large-account threads and other audiences' messages.
 * @returns seven items in reading order, each `{ id, label, ok, detail }`.
 * @throws {ValidationError} `input_invalid` when `now` is not an ISO-8601 UTC instant.
 * @example
 * for (const line of preSendCheck(draft, state, runbook, '2026-03-03T14:20:00Z')) {
 *   console.log(`${line.ok ? '✓' : '✗'} ${line.label} ${line.detail}`);
 * }
 */
export function preSendCheck(
  draft: Draft,
  state: IncidentState,
  runbook: Runbook,
  now: string,
  options: PreSendOptions = {},
): PreSendCheckItem[] {
  if (!instantSchema.safeParse(now).success) {
    throw new ValidationError('pre-send check', [
      problem('now', 'an ISO-8601 UTC instant', JSON.stringify(now)),
    ]);
  }
  const zone = audienceTimeZone(runbook, draft.audience, draft.segment);
  const context = draftLintContext(state, draft, runbook, now);
  const diagnostics = lintMessage(draft.text, context);
  const due = context.nextUpdateDue === undefined ? undefined : String(context.nextUpdateDue);
  return [
    newestStatus(draft, state, zone),
    scopeCheck(draft, state, diagnostics),
    namesCheck(draft, state, runbook, diagnostics),
    timesCheck(draft, now, zone, due),
    nextUpdateCheck(draft, now, zone, due),
    sameStoryCheck(draft, state, now, zone, due, options),
    threadsCheck(state, zone, options),
  ];
}
