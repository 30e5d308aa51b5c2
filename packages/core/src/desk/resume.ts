/**
 * @module desk/resume
 * What a restarted desk still owes an incident: the newest version's deliveries left pending,
 * caught mid-send, or never enqueued because the process stopped between the append and the
 * outbox; and each side note's deliveries left pending. Older versions are superseded by the
 * newest and stay as they are.
 */
import { deliveryKey } from '../delivery/channel';
import type { DeliveryRoute } from '../delivery/publish';
import type { DeliveryRecord, Outbox } from '../delivery/store';
import type { ApprovedRelease, IncidentState } from '../incident/index';

/** An approved release and the routes that finish its delivery. */
export interface UnfinishedDelivery {
  release: ApprovedRelease;
  /** The configured routes plus every stored recipient (each delivered once, by key). */
  routes: DeliveryRoute[];
}

const slot = (channel: string, recipient: string) => `${channel}\u0000${recipient}`;
const open = (r: DeliveryRecord) => r.state === 'pending' || r.state === 'sending';
const routesOf = (records: readonly DeliveryRecord[]): DeliveryRoute[] =>
  records.map((r) => ({ channel: r.channel, audience: r.audience, recipients: [r.recipient] }));

/**
 * Every delivery a restarted desk still owes one incident: the newest version's (pending,
 * caught mid-send, or configured but never enqueued) and each side note's pending ones.
 * `publishUpdate` then sends what is pending, reports what was caught mid-send as `unknown`
 * and skips what is final, so nobody gets a second copy.
 *
 * @param state - the incident state (its `releases` are the approved ones).
 * @param configured - the routes the desk delivers a version on.
 * @param outbox - the outbox the deliveries were recorded in.
 * @returns one entry per release with unfinished deliveries, the version first.
 * @example
 * const owed = await unfinishedDeliveries(state, routes, outbox); // [{ release, routes }] after a crash
 */
export async function unfinishedDeliveries(
  state: IncidentState,
  configured: readonly DeliveryRoute[],
  outbox: Outbox,
): Promise<UnfinishedDelivery[]> {
  const owed: UnfinishedDelivery[] = [];
  const versions = state.releases.filter((r) => r.noteId === undefined);
  const newest = versions[versions.length - 1];
  if (newest) {
    const records = (await outbox.list(state.id, newest.version)).filter(
      (r) => r.key === deliveryKey(state.id, newest.version, r.channel, r.recipient),
    );
    const stored = new Set(records.map((r) => slot(r.channel, r.recipient)));
    const missing = configured.some((r) => r.recipients.some((x) => !stored.has(slot(r.channel, x))));
    if (missing || records.some(open))
      owed.push({ release: newest, routes: [...configured, ...routesOf(records)] });
  }
  for (const note of state.releases.filter((r) => r.noteId !== undefined)) {
    const prefix = `${encodeURIComponent(state.id)}/note-${encodeURIComponent(note.noteId!)}/`;
    const records = (await outbox.list(state.id, note.version)).filter((r) => r.key.startsWith(prefix));
    if (records.some(open)) owed.push({ release: note, routes: routesOf(records) });
  }
  return owed;
}
