/**
 * @module desk/resume
 * What a restarted desk still owes one incident: the newest version's deliveries left
 * pending, caught mid-send, or never enqueued because the process stopped between the
 * append and the outbox. Older versions are superseded by the newest and stay as they are.
 */
import type { DeliveryRoute } from '../delivery/publish';
import type { Outbox } from '../delivery/store';
import { currentStatusUpdate, type IncidentState, type StatusUpdate } from '../incident/index';

/** The newest version and the routes that finish its delivery. */
export interface UnfinishedDelivery {
  update: StatusUpdate;
  /** The configured routes plus every stored recipient of the version (each delivered once by key). */
  routes: DeliveryRoute[];
}

const slot = (channel: string, recipient: string) => `${channel}\u0000${recipient}`;

/**
 * The newest version's unfinished delivery, or `undefined` when every configured recipient has
 * a final outcome. Records on channels the routes do not use (side notes) are left alone.
 *
 * @param state - the incident state.
 * @param configured - the routes the desk delivers a version on.
 * @param outbox - the outbox the deliveries were recorded in.
 * @example
 * const owed = await unfinishedDelivery(state, routes, outbox); // { update, routes } after a crash
 */
export async function unfinishedDelivery(
  state: IncidentState,
  configured: readonly DeliveryRoute[],
  outbox: Outbox,
): Promise<UnfinishedDelivery | undefined> {
  const update = currentStatusUpdate(state);
  if (!update) return undefined;
  const channels = new Set(configured.map((r) => r.channel));
  const records = (await outbox.list(state.id, update.version)).filter((r) => channels.has(r.channel));
  const stored = new Set(records.map((r) => slot(r.channel, r.recipient)));
  const unfinished = records.some((r) => r.state === 'pending' || r.state === 'sending');
  const missing = configured.some((r) => r.recipients.some((x) => !stored.has(slot(r.channel, x))));
  if (!unfinished && !missing) return undefined;
  const routes = [...configured];
  for (const r of records)
    routes.push({ channel: r.channel, audience: r.audience, recipients: [r.recipient] });
  return { update, routes };
}
