/**
 * @module delivery/events
 * Typed progress events of a publish (eventemitter3): one per delivery step, and a summary.
 */
import { EventEmitter } from 'eventemitter3';
import type { Audience } from '../vocabulary';
import type { ChannelRef } from './channel';

/** Fields every per-delivery event carries. */
export interface DeliveryEventBase {
  readonly key: string;
  readonly incidentId: string;
  readonly version: number;
  readonly channel: string;
  readonly recipient: string;
  readonly audience: Audience;
  /** Attempts started so far for this delivery (0 when queued). */
  readonly attempts: number;
}

/** Counts for one channel (or all channels) after a publish. */
export interface ChannelSummary {
  /** Delivered by this publish. */
  sent: number;
  /** Rejected, out of retry budget, or unrenderable in this publish. */
  failed: number;
  /** Outcome unknown in this publish (may have arrived); not resent unless `resendUnknown`. */
  unknown: number;
  /** Already final before this publish (sent, failed or unknown earlier); nothing was sent. */
  skipped: number;
  /** Still pending because the publish was stopped by its signal; a later publish resumes them. */
  pending: number;
  /** Not sent: a newer version to the same recipient was ready first (customers get the current status). */
  superseded: number;
  /** Not sent: the version is older than the maximum age. */
  expired: number;
  /** Not sent yet: the recipient's rate cap is full; still pending for a later publish (or a newer version). */
  deferred: number;
}

/** The summary a publish emits as `published` and returns (without the per-delivery list). */
export interface PublishSummary {
  readonly incidentId: string;
  readonly version: number;
  readonly byChannel: Readonly<Record<string, ChannelSummary>>;
  readonly totals: ChannelSummary;
  /** True when the publish stopped early on its signal, leaving deliveries pending. */
  readonly interrupted: boolean;
}

/** Event name → listener arguments. */
export interface DeliveryEventMap {
  /** A delivery is in the outbox and will be attempted. */
  queued: [event: DeliveryEventBase];
  /** Delivered; `ref` is the native reference. */
  sent: [
    event: DeliveryEventBase & {
      readonly ref: ChannelRef;
      readonly warnings?: readonly string[] | undefined;
    },
  ];
  /** A retryable outcome; the next attempt starts after `delayMs` milliseconds. */
  retrying: [event: DeliveryEventBase & { readonly reason: string; readonly delayMs: number }];
  /** Marked failed: rejected, unrenderable, or retry budget exhausted. */
  failed: [event: DeliveryEventBase & { readonly reason: string }];
  /** Marked unknown: the message may or may not have arrived; reported, not resent. */
  unknown: [event: DeliveryEventBase & { readonly reason: string }];
  /** Already final before this publish; nothing sent. `state` is the stored final state. */
  'skipped-duplicate': [
    event: DeliveryEventBase & {
      readonly state: 'sent' | 'failed' | 'unknown' | 'superseded' | 'expired';
    },
  ];
  /** Not sent: `supersededBy` is the newer version that goes to this recipient instead. */
  superseded: [event: DeliveryEventBase & { readonly supersededBy: number; readonly reason: string }];
  /** Not sent: the version is older than the maximum age. */
  expired: [event: DeliveryEventBase & { readonly reason: string }];
  /** Held back by the rate cap; `nextAttemptAt` is the earliest instant the cap allows it. */
  deferred: [event: DeliveryEventBase & { readonly reason: string; readonly nextAttemptAt: string }];
  /** The publish finished (or stopped on its signal). */
  published: [summary: PublishSummary];
}

/** The typed emitter `publishUpdate` reports to. */
export type DeliveryEvents = EventEmitter<DeliveryEventMap>;

/**
 * Creates a typed delivery event emitter to pass to `publishUpdate({ events })`.
 *
 * @example
 * const events = createDeliveryEvents();
 * events.on('failed', (e) => console.warn(`${e.channel} ${e.recipient}: ${e.reason}`));
 */
export function createDeliveryEvents(): DeliveryEvents {
  return new EventEmitter<DeliveryEventMap>();
}
