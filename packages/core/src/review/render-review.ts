/**
 * @module review/render-review
 * Renders an {@link IncidentReview} as a short Markdown report a team reads in five minutes:
 * summary, figures, suggested runbook changes, then the timeline.
 */

import { escapeMarkdown as md } from '../text/escape';
import { plural } from '../text/plural';
import { formatUpdateTime } from '../time/index';
import { topicWords } from './suggestions';
import type { ApprovalWait, IncidentReview, UpdateTiming } from './types';

const clock = (review: IncidentReview, at: string) =>
  formatUpdateTime(at, review.timeZone, { relativeTo: review.incident.declaredAt });
const mins = (n: number) => `${Math.round(n)} min`;
const lateMins = (n: number) => `${Math.ceil(n)} min`;

function updatesLine(review: IncidentReview): string {
  const { updates, onTimeShare } = review;
  if (updates.length === 0 || onTimeShare === undefined) return 'No update was promised.';
  const onTime = updates.filter((u) => u.onTime).length;
  const late = updates
    .filter((u) => !u.onTime)
    .map((u: UpdateTiming) =>
      u.version === undefined
        ? `the update due ${clock(review, u.promisedAt)} never came (${lateMins(u.lateMinutes)} overdue)`
        : `v${u.version} late by ${lateMins(u.lateMinutes)}`,
    );
  const share = `${onTime} of ${updates.length} on time (${Math.round(onTimeShare * 100)}%)`;
  return late.length === 0 ? share : `${share}; ${late.join(', ')}`;
}

function approvalLine(review: IncidentReview, a: ApprovalWait): string {
  const what = a.topic ? topicWords(a.topic) : a.gate;
  const people = [a.primary, a.backup].filter((p) => p !== undefined);
  const decider = people.find((p) => p.id === a.decidedBy)?.name ?? a.decidedBy ?? 'someone';
  const outcome =
    a.outcome === 'pending' ? 'still waiting when the log ended' : `${a.outcome} by ${md(decider)}`;
  const away =
    a.primaryAbsentMinutes > 0 && a.primary
      ? `; ${md(a.primary.name)} was away for ${mins(a.primaryAbsentMinutes)} of it`
      : '';
  return `${md(what)}, draft ${md(a.draftId)}: waited ${mins(a.waitMinutes)}, ${outcome}${away} (asked ${clock(review, a.requestedAt)})`;
}

/**
 * Renders the review as Markdown: a one-line summary, the figures, the suggested runbook
 * changes and the timeline (minutes after declaring and clock time in the runbook's default
 * zone). User-supplied text is Markdown-escaped. Short by design: a team reads it in five minutes.
 *
 * @param review - output of `reviewIncident`.
 * @returns Markdown text ending in a newline.
 * @example
 * const markdown = renderReview(reviewIncident(log, runbook));
 * // '# Review: Card payments failing at checkout\n…## Suggested runbook changes\n1. Approval for refunds…'
 */
export function renderReview(review: IncidentReview): string {
  const { incident, versions, firstUpdate } = review;
  const lines: string[] = [];
  lines.push(`# Review: ${md(incident.title)}`, '');
  const peak = incident.peakSeverity !== incident.severity ? ` (peak ${incident.peakSeverity})` : '';
  const end = incident.resolvedAt
    ? `resolved after ${mins(incident.durationMinutes)}`
    : `not resolved when the log ended (${mins(incident.durationMinutes)} in)`;
  lines.push(
    `${incident.severity}${peak} · ${incident.incidentType} · declared ${clock(review, incident.declaredAt)} · ${end}`,
    '',
  );

  lines.push('## Figures', '');
  lines.push(
    `- **First customer update:** ${
      firstUpdate
        ? `${mins(firstUpdate.minutesAfterDeclared)} after declaring (target ${firstUpdate.targetMinutes}; ${
            firstUpdate.withinTarget ? 'met' : 'missed'
          })`
        : 'none was published'
    }`,
  );
  lines.push(`- **Updates on time:** ${updatesLine(review)}`);
  if (review.approvals.length === 0) lines.push('- **Approval waits:** none requested');
  else {
    lines.push('- **Approval waits:**');
    for (const a of review.approvals) lines.push(`  - ${approvalLine(review, a)}`);
  }
  lines.push(
    `- **Versions:** ${versions.statusVersions} published (${versions.supersededVersions} superseded); ` +
      `${versions.draftRevisions} draft revisions, ${versions.supersededDrafts} never published as a version`,
  );
  if (versions.sideNotes.length > 0) {
    const notes = versions.sideNotes.map(
      (n) =>
        `${md(n.draftId)} (${plural(n.recipients, 'recipient')}, ${clock(review, n.at)}${n.channel ? `, ${md(n.channel)}` : ''})`,
    );
    lines.push(`  - side notes released outside the status versions: ${notes.join(', ')}`);
  }
  if (versions.approvedNotSent.length > 0) {
    lines.push(`  - approved, not sent: ${versions.approvedNotSent.map(md).join(', ')}`);
  }
  if (versions.abandonedDrafts.length > 0) {
    lines.push(`  - abandoned or blocked, never sent: ${versions.abandonedDrafts.map(md).join(', ')}`);
  }
  lines.push(
    `- **Most-asked questions:** ${
      review.questions.length === 0
        ? 'none logged'
        : review.questions
            .slice(0, 5)
            .map((q) => `${md(q.topic)} (${q.count})`)
            .join(', ')
    }`,
  );
  lines.push(
    `- **Ownership gaps:** ${
      review.ownershipGaps.length === 0
        ? 'none: someone owned communication throughout'
        : review.ownershipGaps
            .map(
              (g) =>
                `no communication owner ${clock(review, g.from)} to ${clock(review, g.to)} (${mins(g.minutes)})`,
            )
            .join('; ')
    }`,
  );
  lines.push(
    `- **Permission overrides:** ${
      review.overrides.length === 0
        ? 'none'
        : review.overrides
            .map(
              (o) =>
                `${clock(review, o.at)} ${md(o.by)} set aside ${md(o.rules.join(', '))} on ${md(o.eventType)}: ${md(o.reason)}`,
            )
            .join('; ')
    }`,
  );
  const { blocked } = review;
  lines.push(
    `- **Blocked by lint:** ${
      blocked.byLint === 0
        ? 'nothing'
        : `${plural(blocked.byLint, 'draft')} (${blocked.byRule
            .map((b) => `${md(b.rule)} ×${b.count}: ${md(b.messages[0] ?? '')}`)
            .join('; ')})`
    }`,
  );
  if (blocked.byReason.length > 0) {
    const held = blocked.total - blocked.byLint;
    lines.push(
      `- **Held for approvals and other checks:** ${
        held > 0 ? `${plural(held, 'draft')} not blocked by lint; ` : ''
      }${blocked.byReason.map((r) => `${md(r.label)} ×${r.count}`).join(', ')}`,
    );
  }
  lines.push('');

  lines.push('## Suggested runbook changes', '');
  if (review.suggestions.length === 0) {
    lines.push('The figures call for no change. Keep the rhythm and schedule the next drill.');
  } else {
    for (const [i, s] of review.suggestions.entries()) lines.push(`${i + 1}. ${md(s.text)}`);
  }
  lines.push('');

  lines.push('## Timeline', '', '| min | time | what happened |', '|---:|---|---|');
  for (const entry of review.timeline) {
    lines.push(`| +${Math.round(entry.minute)} | ${clock(review, entry.at)} | ${md(entry.what)} |`);
  }
  lines.push('');
  return lines.join('\n');
}
