/**
 * @module review/suggestions
 * Turns review figures into runbook changes, each led by the figure that calls for it
 * (practice: "fix the runbook while the pain is still easy to remember").
 */

import type { Runbook } from '../runbook/define';
import { plural } from '../text/plural';
import type { ApprovalTopic, TopicId } from '../vocabulary';
import type { IncidentReview, ReviewOptions, RunbookSuggestion } from './types';

/** Approval topics in plain words, for suggestions and the rendered review. @internal */
export const TOPIC_WORDS: Record<ApprovalTopic, string> = {
  security: 'a security statement',
  dataLoss: 'a data-loss statement',
  legal: 'a legal statement',
  compensation: 'refunds or credits',
  contract: 'contract or SLA impact',
  fixTime: 'a fix-time promise',
};

/** A topic in plain words: a built-in one's phrase, a runbook topic's id (`regulator`). @internal */
export const topicWords = (topic: TopicId): string =>
  TOPIC_WORDS[topic as ApprovalTopic] ?? `a statement about ${topic}`;

const whole = (minutes: number) => Math.round(minutes);

/**
 * Suggests runbook changes from the figures of a review. Each suggestion names the figure first,
 * then the change, e.g. "Approval for refunds or credits waited 25 minutes: name a backup approver…".
 *
 * @param review - the figures (`reviewIncident` output without suggestions).
 * @param runbook - the runbook the incident ran under (cadence, reminder lead, roles).
 * @param options - thresholds; defaults: slow approval > 10 minutes, frequent question ≥ 3,
 *   more than 2 draft revisions per published version.
 * @returns suggestions, most urgent kinds first; empty when the figures call for no change.
 * @example
 * suggestRunbookChanges(review, runbook)[0]?.text;
 * // 'Approval for refunds or credits waited 25 minutes: name a backup approver and agree to answer within 10 minutes.'
 */
export function suggestRunbookChanges(
  review: Omit<IncidentReview, 'suggestions'>,
  runbook: Runbook,
  options: ReviewOptions = {},
): RunbookSuggestion[] {
  const slow = options.slowApprovalMinutes ?? 10;
  const frequent = options.frequentQuestionCount ?? 3;
  const revisionLimit = options.revisionsPerVersionLimit ?? 2;
  const out: RunbookSuggestion[] = [];

  for (const gap of review.ownershipGaps) {
    const why =
      gap.reason === 'not-assigned'
        ? 'assign the communication owner the moment the incident is declared'
        : 'make sure the primary and the backup are never away at the same time, and hand over before leaving';
    out.push({
      id: 'ownership-gap',
      text: `No communication owner was available for ${plural(whole(gap.minutes), 'minute')}: ${why}.`,
    });
  }

  for (const wait of review.approvals) {
    const what = wait.topic ? topicWords(wait.topic) : `"${wait.gate}"`;
    if (wait.primaryAbsentMinutes > 0 && wait.primary && wait.backup) {
      const decided = wait.decidedBy === wait.backup.id ? `${wait.backup.name} decided in the end` : '';
      out.push({
        id: 'approver-absent',
        text:
          `Approval for ${what} waited ${plural(whole(wait.primaryAbsentMinutes), 'minute')} while ` +
          `${wait.primary.name} was away${decided ? ` (${decided})` : ''}: tell the backup, ` +
          `${wait.backup.name}, to decide whenever the primary does not answer.`,
      });
    } else if (wait.waitMinutes > slow) {
      const outcome = wait.outcome === 'pending' ? ' and was never answered' : '';
      out.push({
        id: 'slow-approval',
        text:
          `Approval for ${what} waited ${plural(whole(wait.waitMinutes), 'minute')}${outcome}: ` +
          `name a backup approver and agree to answer within ${slow} minutes.`,
      });
    }
  }

  const first = review.firstUpdate;
  if (first && !first.withinTarget) {
    out.push({
      id: 'slow-first-update',
      text:
        `The first customer update took ${plural(whole(first.minutesAfterDeclared), 'minute')} ` +
        `(target ${first.targetMinutes}): keep the initial template ready and send it while the facts are still thin.`,
    });
  }

  const late = review.updates.filter((u) => !u.onTime);
  if (late.length > 0) {
    const worst = Math.ceil(Math.max(...late.map((u) => u.lateMinutes)));
    const lead = runbook.cadence.reminderLeadMinutes;
    out.push({
      id: 'late-updates',
      text:
        `${late.length} of ${plural(review.updates.length, 'promised update')} came late ` +
        `(worst by ${plural(worst, 'minute')}): set the reminder earlier than ${plural(lead, 'minute')} ` +
        'before the due time, or choose a smaller rhythm the team can keep.',
    });
  }

  for (const topic of review.questions) {
    if (topic.count < frequent) continue;
    out.push({
      id: 'frequent-question',
      text: `Customers asked about ${topic.topic} ${plural(topic.count, 'time')}: add it to the update template.`,
    });
  }

  // Only lint findings become checklist lines; approval refusals are covered by the approval
  // figures above, and "approval-missing" is not something to practise in the pre-send check.
  for (const block of review.blocked.byRule) {
    out.push({
      id: 'lint-blocks',
      text:
        `${plural(block.count, 'draft')} ${block.count === 1 ? 'was' : 'were'} blocked by ${block.rule}: ` +
        'add a line on it to the pre-send checklist and practise it in the next drill.',
    });
  }

  const { statusVersions, draftRevisions } = review.versions;
  if (statusVersions > 0 && draftRevisions / statusVersions > revisionLimit) {
    out.push({
      id: 'many-revisions',
      text:
        `${plural(draftRevisions, 'draft revision')} for ${plural(statusVersions, 'published version')}: ` +
        'agree who reviews a draft and stop polishing; clear and on time beats perfect.',
    });
  }
  return out;
}
