/**
 * @module desk/delivery
 * The desk's side of delivery: its routes (fixed, or chosen per incident state), checked when the
 * desk is created and before each release is recorded, and one delivery queue per incident so
 * its versions go out in order.
 */
import type { Clock } from '../coordinator/index';
import { DeliveryInputError } from '../delivery/errors';
import { channelProblems, checkRoutes } from '../delivery/plan';
import { type DeliveryRoute, type PublishResult, publishSettings, publishUpdate } from '../delivery/publish';
import type { Outbox } from '../delivery/store';
import type { ApprovedRelease, IncidentState } from '../incident/index';
import { checkDeliverable } from './release';
import { createSerialQueue } from './serial';
import type { DeskPublishOptions, IncidentDeskOptions } from './types';

/**
 * The desk's delivery helpers over `options.channels` and `options.routes`.
 *
 * @param clock - outbox times on the desk's clock; retry waits in real time (`sleep`), so a
 *   simulated clock never stalls them.
 * @throws {DeliveryInputError} `delivery_input_invalid` when two channels share a name, a
 *   channel declares a concurrency that could start no send, `attemptTimeoutMs` or `flood`
 *   cannot bound anything, or fixed `options.routes` name an unknown channel or a recipient its
 *   channel refuses.
 * @internal
 */
export function createDeskDelivery(
  options: IncidentDeskOptions,
  outbox: Outbox,
  clock: Pick<Clock, 'now'> & { sleep(ms: number, signal?: AbortSignal): Promise<void> },
) {
  const channels = options.channels ?? [];
  const problems = channelProblems(channels);
  if (problems.length > 0) throw new DeliveryInputError(problems);
  const { attemptTimeoutMs, flood } = publishSettings(options);
  if (Array.isArray(options.routes)) checkRoutes(options.routes, channels);
  const queues = createSerialQueue();

  const routesFor = (state: IncidentState): DeliveryRoute[] => {
    const routes = typeof options.routes === 'function' ? options.routes(state) : (options.routes ?? []);
    return [...routes];
  };

  /** Throws `DeliveryInputError` if `release` cannot go out over `routes` (nothing is queued). */
  const deliverable = (release: ApprovedRelease, routes: readonly DeliveryRoute[]) =>
    checkDeliverable(release, routes, channels);

  /** Delivers one version (or note) through the outbox, versions of one incident in order. */
  const deliver = (
    id: string,
    release: ApprovedRelease,
    routes: readonly DeliveryRoute[],
    events: DeskPublishOptions['events'],
  ): Promise<PublishResult | undefined> => {
    const live = routes.filter((r) => r.recipients.length > 0);
    if (live.length === 0) return Promise.resolve(undefined);
    return queues.run(id, () =>
      publishUpdate({
        release,
        routes: live,
        channels,
        outbox,
        clock,
        attemptTimeoutMs,
        flood,
        ...(options.retry ? { retry: options.retry } : {}),
        ...(events ? { events } : {}),
      }),
    );
  };

  return { deliver, deliverable, routesFor };
}
