/**
 * @module demo/progress
 * A one-line progress indicator drawn from a delivery's events, and the final line for the
 * transcript.
 */
import {
  type ApprovedRelease,
  createDeliveryEvents,
  type DeliveryEventBase,
  type DeliveryEvents,
  type DeliveryRoute,
  type PublishResult,
} from '@incident-comms/core';
import type { Timeline } from './timeline';

/** A finished delivery batch: the publisher's result and the progress line it ended on. */
export interface DeliveryBatch {
  result: PublishResult | undefined;
  /** e.g. `v2 delivered 12/12 · email 8/8 · slack 4/4` */
  line: string;
  /** Failures and unknown outcomes, one line each. */
  problems: string[];
  /** One line per delivery sent: what went to whom, and the approved release it belongs to. */
  sent: DeliveryLine[];
}

/** One line of `deliveries.jsonl`: one delivery of one approved message. */
export interface DeliveryLine {
  incidentId: string;
  /** The status-update version (absent for a side note). */
  version?: number;
  /** The side note's id (absent for a status-update version). */
  noteId?: string;
  audience: string;
  channel: string;
  recipient: string;
  /** The content hash of the approved release the message belongs to. */
  approvedHash: string;
  /** The plain text handed to the channel (which only formats and escapes it). */
  text: string;
}

const BAR_WIDTH = 20;

/** A progress line fed by one delivery's events. */
export interface Progress {
  /** Pass these to `desk.publish` / `desk.sideNote`. */
  readonly events: DeliveryEvents;
  /** The final line, the problems and one line per delivery sent of `release` on `routes`. */
  finish(
    result: PublishResult | undefined,
    release: ApprovedRelease,
    routes: readonly DeliveryRoute[],
  ): DeliveryBatch;
}

/**
 * A one-line progress indicator for one delivery, drawn from its delivery events: redrawn in
 * place on a terminal, printed once (by the caller) when done otherwise.
 *
 * @param label - what is being delivered, e.g. `update 2`.
 * @param timeline - where to draw.
 * @example
 * const progress = createProgress('update 1', timeline);
 * const published = await desk.publish(incidentId, draftId, { events: progress.events });
 * timeline.event(at, 'delivery', progress.finish(published.delivery).line);
 */
export function createProgress(label: string, timeline: Timeline): Progress {
  const events = createDeliveryEvents();
  const perChannel = new Map<string, { done: number; total: number }>();
  const problems: string[] = [];
  let total = 0;
  let done = 0;
  let failed = 0;
  const bump = (e: DeliveryEventBase, finished: boolean) => {
    const c = perChannel.get(e.channel) ?? { done: 0, total: 0 };
    if (finished) c.done += 1;
    else c.total += 1;
    perChannel.set(e.channel, c);
  };
  const render = (final: boolean) => {
    const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
    const channels = [...perChannel.entries()].map(([name, c]) => `${name} ${c.done}/${c.total}`).join(' · ');
    const verb = final ? (failed > 0 ? 'delivered with problems' : 'delivered') : 'delivering';
    return `${label} ${verb} ${bar} ${done - failed}/${total} · ${channels}${failed > 0 ? ` · ${failed} failed` : ''}`;
  };
  const draw = () => {
    if (timeline.interactive) timeline.raw(`\r\u001b[2K          ${render(false)}`);
  };
  events.on('queued', (e) => {
    total += 1;
    bump(e, false);
    draw();
  });
  const delivered: DeliveryEventBase[] = [];
  events.on('sent', (e) => {
    delivered.push(e);
    done += 1;
    bump(e, true);
    draw();
  });
  for (const outcome of ['failed', 'unknown'] as const) {
    events.on(outcome, (e) => {
      done += 1;
      failed += 1;
      bump(e, true);
      problems.push(`${outcome}: ${e.channel} ${e.recipient}: ${e.reason}`);
      draw();
    });
  }
  events.on('retrying', (e) =>
    problems.push(`retrying ${e.channel} ${e.recipient} in ${Math.round(e.delayMs)} ms: ${e.reason}`),
  );
  return {
    events,
    finish(result, release, routes) {
      if (timeline.interactive) timeline.raw('\r\u001b[2K');
      const sent = delivered.map((e): DeliveryLine => {
        const route = routes.find(
          (r) => r.channel === e.channel && r.audience === e.audience && r.recipients.includes(e.recipient),
        );
        const message = release.messages.find(
          (m) =>
            m.audience === e.audience && (route?.timeZone === undefined || m.timeZone === route.timeZone),
        )!;
        return {
          incidentId: release.incidentId,
          ...(release.noteId === undefined ? { version: release.version } : { noteId: release.noteId }),
          audience: e.audience,
          channel: e.channel,
          recipient: e.recipient,
          approvedHash: release.hash,
          text: message.text,
        };
      });
      return { result, line: render(true), problems, sent };
    },
  };
}
