/**
 * @module release/deliverable
 * What delivery accepts: an approved release whose messages still hash to what its approvals
 * name, turned into the per-audience messages channels render. The last line before `send`.
 */
import { z } from 'zod';
import { type Problem, problem, problemsFromZod } from '../errors';
import type { ApprovedRelease } from '../incident/state';
import type { ApprovedMessage } from '../message';
import { roleIdSchema } from '../runbook/topics';
import { severityIdSchema } from '../severity/index';
import { instantSchema } from '../time/instant';
import { MESSAGE_KINDS, STATUSES } from '../vocabulary';
import { leftoverPlaceholder, releaseHash, releaseHashSchema, releaseMessagesSchema } from './release';

/** The shape of an {@link ApprovedRelease}, checked where delivery receives one. */
export const approvedReleaseSchema = z.object({
  incidentId: z.string().min(1),
  incidentTitle: z.string().min(1),
  version: z.number().int().min(0),
  noteId: z.string().min(1).optional(),
  draftId: z.string().min(1),
  draftRevision: z.number().int().positive(),
  kind: z.enum(MESSAGE_KINDS),
  status: z.enum(STATUSES),
  severity: severityIdSchema,
  publishedAt: instantSchema,
  nextUpdateAt: instantSchema.optional(),
  hash: releaseHashSchema,
  messages: releaseMessagesSchema,
  approvals: z.array(
    z.object({
      gate: z.string().min(1),
      role: roleIdSchema,
      by: z.string().min(1),
      at: instantSchema,
      releaseHash: releaseHashSchema,
    }),
  ),
});

/**
 * Every reason a release may not be delivered, path-named (empty when it may): not an
 * approved release's shape; messages that no longer hash to `hash` (edited after approval);
 * no approval, or an approval naming another hash; a leftover `{{` / `}}` placeholder.
 *
 * @param release - what the host hands to delivery (normally `approvedRelease(state, ref)`).
 * @param path - path prefix of the problems (default `release`).
 * @example
 * checkDeliverableRelease(approvedRelease(state, { version: 2 })); // []
 */
export function checkDeliverableRelease(release: unknown, path = 'release'): Problem[] {
  const parsed = approvedReleaseSchema.safeParse(release);
  if (!parsed.success) return problemsFromZod(parsed.error, release, path);
  const r = parsed.data;
  const problems: Problem[] = [];
  const add = (at: string, expected: string, received?: string) =>
    problems.push(problem(at, expected, received));
  const computed = releaseHash(r);
  if (computed !== r.hash) {
    add(`${path}.messages`, `the approved messages of ${r.hash} (edited after approval?)`, computed);
  }
  if (r.approvals.length === 0) add(`${path}.approvals`, 'at least one granted approval');
  r.approvals.forEach((a, i) => {
    if (a.releaseHash !== r.hash) add(`${path}.approvals.${i}.releaseHash`, r.hash, a.releaseHash);
  });
  r.messages.forEach((m, i) => {
    const left = leftoverPlaceholder(m);
    if (left) {
      add(
        `${path}.messages.${i}.${left.field}`,
        'no template placeholder ({{ or }})',
        JSON.stringify(m[left.field].slice(Math.max(0, left.index - 10), left.index + 20)),
      );
    }
  });
  return problems;
}

/**
 * The messages channels render for an approved release: one {@link ApprovedMessage} per
 * release message, with the release's incident, version, kind, status, times, hash and (for
 * a side note) note id. Subject and text are the approved bytes; there is no pre-rendered
 * HTML or mrkdwn, so each channel formats and escapes the approved text itself.
 *
 * @example
 * releaseDeliveryMessages(approvedRelease(state, { version: 2 }))[0].releaseHash; // 'sha256:…'
 */
export function releaseDeliveryMessages(release: ApprovedRelease): ApprovedMessage[] {
  return release.messages.map((m) => ({
    incidentId: release.incidentId,
    incidentTitle: release.incidentTitle,
    version: release.version,
    kind: release.kind,
    audience: m.audience,
    severity: release.severity,
    status: release.status,
    publishedAt: release.publishedAt,
    ...(release.nextUpdateAt === undefined ? {} : { nextUpdateAt: release.nextUpdateAt }),
    subject: m.subject,
    text: m.text,
    timeZone: m.timeZone,
    ...(m.segment === undefined ? {} : { segment: m.segment }),
    releaseHash: release.hash,
    ...(release.noteId === undefined ? {} : { noteId: release.noteId }),
  }));
}

/**
 * The last-line check before one `send`: the message must be one of the release's messages,
 * byte for byte, with no leftover placeholder. Returns why not, or undefined when it may go.
 *
 * @example
 * refuseUndeliverable(release, message); // undefined for an approved message
 */
export function refuseUndeliverable(
  release: ApprovedRelease,
  message: Pick<ApprovedMessage, 'audience' | 'subject' | 'text'> & {
    timeZone?: string | undefined;
    segment?: string | undefined;
  },
): string | undefined {
  const left = leftoverPlaceholder(message);
  if (left) return `the ${left.field} still holds a template placeholder ({{ or }})`;
  const approved = release.messages.some(
    (m) =>
      m.audience === message.audience &&
      m.segment === message.segment &&
      (message.timeZone === undefined || m.timeZone === message.timeZone) &&
      m.subject === message.subject &&
      m.text === message.text,
  );
  return approved ? undefined : `the message is not part of approved release ${release.hash}`;
}
