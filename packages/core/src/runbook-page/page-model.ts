/**
 * @module runbook-page/page-model
 * The content of the one-page runbook, built once from a validated runbook; the Markdown and
 * HTML renderers both print this model, so the two pages always say the same thing.
 */
import type { Person, Runbook } from '../runbook/define';
import { audienceSegments } from '../runbook/segments';
import { approvalTopics, runbookRoleIds } from '../runbook/topics';
import type { SeverityLevel } from '../severity/index';
import { withIndefiniteArticle } from '../text/article';
import {
  type ApprovalTopic,
  MESSAGE_KINDS,
  type MessageKind,
  type Role,
  type RoleId,
  type Severity,
} from '../vocabulary';

/** The page's sections, in reading order. Ids are stable (HTML anchors). */
export const RUNBOOK_PAGE_SECTIONS = [
  { id: 'latest-status', title: 'Where the latest status lives' },
  { id: 'owners', title: 'Who owns what' },
  { id: 'severity', title: 'How serious is it?' },
  { id: 'rhythm', title: 'Update rhythm' },
  { id: 'approvals', title: 'What needs approval' },
  { id: 'never', title: 'Never do this' },
  { id: 'templates', title: 'Templates' },
  { id: 'checklist', title: 'Two-minute check before sending' },
] as const;

/** Id of one section of the page. */
export type RunbookPageSectionId = (typeof RUNBOOK_PAGE_SECTIONS)[number]['id'];

const ROLE_LABELS: Record<Role, string> = {
  communicationOwner: 'Communication owner',
  incidentLead: 'Incident lead',
  approver: 'Approver',
  support: 'Support',
  sales: 'Sales',
  customerSuccess: 'Customer success',
  engineering: 'Engineering',
};

const ROLE_JOBS: Record<Role, string> = {
  communicationOwner: 'Sends every customer update, on time. New questions go here.',
  incidentLead: 'Confirms facts, scope, recovery and any fix time.',
  approver: 'Signs off the sensitive topics below.',
  support: 'Answers tickets with the approved wording; flags urgent accounts.',
  sales: 'Pauses promises and demos that need the broken feature.',
  customerSuccess: 'Writes to high-impact accounts and owns those threads.',
  engineering: 'Fixes it. Answers at check-ins, not in side chats.',
};

const TOPIC_LABELS: Record<ApprovalTopic, string> = {
  security: 'Anything about security',
  dataLoss: 'Lost or damaged data',
  legal: 'Legal risk',
  compensation: 'Refunds, credits or discounts',
  contract: 'Contract or SLA impact',
  fixTime: 'A promised fix or recovery time',
};

// An extra role's label and job: its camelCase id as words, and the topics it signs off.
const roleLabel = (role: RoleId) =>
  Object.hasOwn(ROLE_LABELS, role)
    ? ROLE_LABELS[role as Role]
    : role
        .replace(/([A-Z])/g, ' $1')
        .toLowerCase()
        .replace(/^./, (c) => c.toUpperCase());

const TEMPLATE_LINES: Record<MessageKind, { title: string; line: string }> = {
  initial: {
    title: 'First note',
    line: 'What is broken, what customers may see, that the team is on it, next update time. Send it fast.',
  },
  update: {
    title: 'Regular update',
    line: 'What changed (or that nothing did), what the team is doing, next update time.',
  },
  workaround: {
    title: 'Workaround',
    line: 'How customers can carry on meanwhile, in simple steps, and the next update time.',
  },
  resolved: {
    title: 'Resolved',
    line: 'What customers saw, when it recovered, anything they must do, when a fuller note follows.',
  },
};

/** A person as printed on the page. */
export interface PagePerson {
  name: string;
  contact: string;
}

/**
 * A line of text with literal values kept apart: strings are prose, `{ code }` parts are
 * identifiers a reader types or looks up as written (time zone names), so each renderer can
 * print them as code without escaping leaking into them.
 */
export type PageLine = ReadonlyArray<string | { readonly code: string }>;

/** Everything the one-page runbook says, as data. */
export interface RunbookPageModel {
  title: string;
  sourceOfTruth: { name: string; url: string | undefined };
  customerSymptoms: Array<{ name: string; symptom: string }>;
  owners: Array<{ role: RoleId; label: string; job: string; primary: PagePerson; backup: PagePerson }>;
  /** The runbook's ladder, most severe first. */
  severities: Array<{
    severity: Severity;
    /** How severe among the ladder: the top level `high`, the bottom `low`, any between `mid`. */
    tone: 'high' | 'mid' | 'low';
    label: string;
    impact: string;
    speed: string;
    everyMinutes: number;
  }>;
  rhythm: PageLine[];
  /**
   * One entry per approving role: what that role signs off, each item a phrase that starts
   * with a capital (renderers join them into one sentence or list them).
   */
  approvals: Array<{ role: string; what: string[]; primary: PagePerson; backup: PagePerson }>;
  never: string[];
  templates: Array<{ kind: MessageKind; title: string; line: string }>;
  customTemplates: string[];
  checklist: string[];
}

const person = (p: Person): PagePerson => ({ name: p.name, contact: p.contact });
const minutesText = (n: number) => (n % 60 === 0 && n >= 60 ? `${n / 60} h` : `${n} min`);

/**
 * Builds the page content from a runbook. Pure; used by `renderRunbook`.
 *
 * @param runbook - a validated runbook (`defineRunbook`).
 * @returns the {@link RunbookPageModel}: owners with backups, severities, rhythm, approvals,
 *   banned moves, template lines and the pre-send checklist.
 * @example
 * buildRunbookPage(runbook).owners[0]?.label; // 'Communication owner'
 */
export function buildRunbookPage(runbook: Runbook): RunbookPageModel {
  const { cadence } = runbook;
  const lead = runbook.roles.incidentLead.primary.name;
  // The incident lead always approves facts and "resolved", even when no topic routes to them.
  const topics = approvalTopics(runbook);
  const approvers = new Map<RoleId, string[]>([['incidentLead', []]]);
  for (const topic of topics) {
    const label = TOPIC_LABELS[topic.id as ApprovalTopic] ?? topic.reason.replace(/^It /, 'Anything that ');
    approvers.set(topic.role, [...(approvers.get(topic.role) ?? []), label]);
  }
  const ladder = runbook.severityLadder;
  // "15 min" when every level agrees (unless listed anyway), else "10 min (SEV0), 15 min (SEV1)…".
  const perLevel = (minutes: (level: SeverityLevel) => number, always = false) =>
    !always && new Set(ladder.map(minutes)).size === 1
      ? minutesText(minutes(ladder[0]!))
      : ladder.map((l) => `${minutesText(minutes(l))} (${l.id})`).join(', ');
  const zones = [
    ...new Set([
      runbook.timeZones.default,
      ...Object.values(runbook.timeZones.audiences),
      ...audienceSegments(runbook).map((s) => s.timeZone),
    ]),
  ];
  return {
    title: runbook.name,
    sourceOfTruth: { name: runbook.sourceOfTruth.name, url: runbook.sourceOfTruth.url },
    customerSymptoms: Object.values(runbook.incidentTypes).map((type) => ({
      name: type.name,
      symptom: type.symptom,
    })),
    owners: runbookRoleIds(runbook).map((role) => ({
      role,
      label: roleLabel(role),
      job:
        ROLE_JOBS[role as Role] ??
        `Signs off: ${(approvers.get(role) ?? []).map((label) => label.charAt(0).toLowerCase() + label.slice(1)).join('; ') || 'what the runbook routes to this role'}.`,
      primary: person(runbook.roles[role]!.primary),
      backup: person(runbook.roles[role]!.backup),
    })),
    severities: ladder.map((level, i) => ({
      severity: level.id,
      tone: i === 0 ? 'high' : i === ladder.length - 1 ? 'low' : 'mid',
      label: level.label,
      impact: level.customerImpact,
      speed: level.responseSpeed,
      everyMinutes: level.cadenceMinutes,
    })),
    rhythm: [
      [
        `First note within ${perLevel((l) => l.firstUpdateTargetMinutes)} of declaring, even with thin facts.`,
      ],
      [
        `Then every ${perLevel((l) => l.cadenceMinutes, true)}. ` +
          `Watching a fix that is out: ${perLevel((l) => l.monitoringMinutes, true)}.`,
      ],
      [
        "Every message names the next update's clock time and zone (",
        ...zones.flatMap((zone, i) => (i === 0 ? [{ code: zone }] : [', ', { code: zone }])),
        `), on ${withIndefiniteArticle(`${cadence.roundToMinutes}-minute`)} mark. No news still goes out on time.`,
      ],
      [`Reminder ${minutesText(cadence.reminderLeadMinutes)} before each update is due.`],
      [
        `Engineering check-in every ${minutesText(cadence.checkpointMinutes)}, or at once on a scope change, a workaround or recovery starting.`,
      ],
    ],
    approvals: [...approvers.entries()].map(([role, labels]) => ({
      role: roleLabel(role),
      what: [
        ...labels,
        ...(role === 'incidentLead'
          ? ['The facts in every regular update', 'Saying "resolved": recovery checked as customers see it']
          : []),
      ],
      primary: person(runbook.roles[role]!.primary),
      backup: person(runbook.roles[role]!.backup),
    })),
    never: [
      `Name a cause before ${lead} (incident lead) confirms it. Say what you know instead.`,
      'Promise a fix or recovery time nobody approved. Give the next update time.',
      'Say "fixed", "resolved" or "back to normal" before recovery is confirmed.',
      'Offer credits, refunds or discounts without the approver’s sign-off.',
      'Ask engineers for status directly. Ask the communication owner.',
    ],
    templates: MESSAGE_KINDS.map((kind) => ({ kind, ...TEMPLATE_LINES[kind] })),
    customTemplates: Object.keys(runbook.templates).sort(),
    checklist: [
      'Does it match the newest status version, scope and impact (not your memory)?',
      'Are names, product areas, regions and times right?',
      'Does it give the next update as a clock time with a zone?',
      'Would support, sales and success send nearly the same words?',
      'If a large account replies, is one person named to own that thread?',
    ],
  };
}
