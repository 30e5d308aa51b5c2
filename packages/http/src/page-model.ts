/**
 * @module http/page-model
 * What the source-of-truth page shows for one incident, worked out from the desk's read model
 * and core's playbooks: the latest approved version in plain words, the next update in the
 * customers' zone, who owns it, every audience's approved wording, each team's playbook for
 * right now, questions since the last checkpoint and the version history.
 */
import {
  type AccountInput,
  audienceSegments,
  audienceTimeZone,
  currentStatusUpdate,
  type DeskView,
  formatUpdateTime,
  type IncidentDesk,
  type OutreachItem,
  outreachList,
  type PersonRef,
  type QuestionRecord,
  type Runbook,
  type SalesAction,
  type SalesItemInput,
  STATUS_LABELS,
  type StatusUpdate,
  salesActions,
  severityLevel,
} from '@incident-comms/core';

/** One audience's approved wording, ready to copy. */
export interface PageWording {
  audience: string;
  label: string;
  subject: string;
  text: string;
}

/** Everything the page shows for one incident. */
export interface IncidentPage {
  id: string;
  title: string;
  open: boolean;
  status: string;
  severity: { level: string; words: string };
  /** The latest approved version; `undefined` before the first. */
  current: StatusUpdate | undefined;
  next: { at: string; utc: string; customers: string; customersZone: string } | undefined;
  owner: PersonRef | undefined;
  backup: PersonRef | undefined;
  wording: PageWording[];
  support: { escalateTo: PersonRef | undefined; approvedReply: boolean };
  sales: SalesAction[];
  outreach: OutreachItem[];
  questions: QuestionRecord[];
  history: StatusUpdate[];
}

/** Host data the playbooks read: deals and demos, and customer accounts, per incident. */
export interface PlaybookData {
  salesItems?: ((incidentId: string) => readonly SalesItemInput[]) | undefined;
  accounts?: ((incidentId: string) => readonly AccountInput[]) | undefined;
}

/** Each audience as the page names it, in the order teams look for them. */
export const WORDING_LABELS: ReadonlyArray<readonly [string, string]> = [
  ['customer', 'Customer update'],
  ['support-reply', 'Support reply'],
  ['sales-active-deal', 'Sales note: active deals'],
  ['sales-renewal', 'Sales note: renewals'],
  ['sales-prospect', 'Sales note: prospects'],
  ['cs-account', 'Customer success note'],
];

/**
 * The customer-zone message of an audience first, so one text per audience is shown; then one
 * per runbook segment (e.g. "Customer update: Customers in Chicago"), in the segment's zone.
 */
function wordingOf(view: DeskView, runbook: Runbook): PageWording[] {
  const release = [...view.state.releases].reverse().find((r) => r.noteId === undefined);
  if (!release) return [];
  const whole = WORDING_LABELS.flatMap(([audience, label]) => {
    const zone = audienceTimeZone(runbook, audience as never);
    const messages = release.messages.filter((m) => m.audience === audience && m.segment === undefined);
    const message = messages.find((m) => m.timeZone === zone) ?? messages[0];
    return message ? [{ audience, label, subject: message.subject, text: message.text }] : [];
  });
  const labels = new Map(WORDING_LABELS);
  const segments = audienceSegments(runbook).flatMap((s) => {
    const message =
      release.messages.find((m) => m.segment === s.id && m.timeZone === s.timeZone) ??
      release.messages.find((m) => m.segment === s.id);
    const label = `${labels.get(s.audience) ?? s.audience}: ${s.name}`;
    return message ? [{ audience: s.id, label, subject: message.subject, text: message.text }] : [];
  });
  return [...whole, ...segments];
}

/**
 * Builds the page model of one incident at `now` (ISO-8601 UTC). Sales and customer success
 * lists are empty when the host gives no deals or accounts.
 *
 * @throws {ValidationError} when the host's deals or accounts are malformed (core's parsers).
 * @example
 * incidentPage(desk, runbook, 'inc-1', '2026-03-09T14:05:00Z', {}).next?.customers; // '10:30 AM ET'
 */
export function incidentPage(
  desk: IncidentDesk,
  runbook: Runbook,
  incidentId: string,
  now: string,
  data: PlaybookData,
): IncidentPage {
  const view = desk.current(incidentId);
  const { state } = view;
  const current = currentStatusUpdate(state);
  const zone = audienceTimeZone(runbook, 'customer');
  const at = state.status === 'resolved' ? undefined : (current?.nextUpdateAt ?? view.due.nextUpdateAt);
  const severity = severityLevel(runbook, state.severity);
  const lastCheckpoint = state.checkpoints.at(-1) ?? '';
  return {
    id: state.id,
    title: state.title,
    open: state.status !== 'resolved',
    status: STATUS_LABELS[state.status],
    severity: { level: state.severity, words: `${severity.label}: ${severity.customerImpact}` },
    current,
    next: at
      ? {
          at,
          utc: formatUpdateTime(at, 'UTC', { relativeTo: now }),
          customers: formatUpdateTime(at, zone, { relativeTo: now }),
          customersZone: zone,
        }
      : undefined,
    owner: view.nextUpdateOwner,
    backup: state.roles.communicationOwner?.backup,
    wording: wordingOf(view, runbook),
    support: { escalateTo: view.owners.communicationOwner, approvedReply: current !== undefined },
    sales: salesActions(data.salesItems?.(incidentId) ?? [], state, runbook, now),
    outreach: outreachList(data.accounts?.(incidentId) ?? [], state, runbook),
    questions: state.questions.filter((q) => q.at > lastCheckpoint),
    history: [...state.updates].reverse(),
  };
}
