/**
 * @module delivery
 * Delivery: the `Channel` interface, the outbox and event-store interfaces with in-memory
 * defaults, and `publishUpdate` (exactly once per recipient). The conformance suite is in
 * `@incident-comms/core/testing`.
 */

export { ABORT_GRACE_MS, DEFAULT_ATTEMPT_TIMEOUT_MS, sendBounded } from './attempt';
export type {
  AnyChannel,
  Channel,
  ChannelCapabilities,
  ChannelRef,
  DeliveredOutcome,
  DeliveryOutcome,
  RejectedOutcome,
  RenderContext,
  RetryableOutcome,
  SendOptions,
  UnknownOutcome,
} from './channel';
export { deliveryKey, deliveryOutcomeSchema } from './channel';
export type { DeliveryProblem } from './errors';
export { ChannelConfigError, DeliveryError, DeliveryInputError, deliveryProblemsFromIssues } from './errors';
export type {
  ChannelSummary,
  DeliveryEventBase,
  DeliveryEventMap,
  DeliveryEvents,
  PublishSummary,
} from './events';
export { createDeliveryEvents } from './events';
export type { FloodPolicy, RateCap } from './flood';
export { DEFAULT_FLOOD_POLICY } from './flood';
export type { FetchLike, HttpExchange, HttpFailurePolicy, HttpRequest, HttpResponseLike } from './http';
export { exchangeHttp, httpFailureOutcome, parseRetryAfter } from './http';
export { httpChannelOptionShape, httpsOrLoopbackUrl, pacingOptionShape } from './http-options';
export { createMemoryEventStore, createMemoryOutbox } from './memory-store';
export { type OutboxRow, outboxRecordFromRow } from './outbox-row';
export { checkRoutes } from './plan';
export type { DeliveryReport, DeliveryRoute, PublishOptions, PublishResult } from './publish';
export { publishSettings, publishUpdate } from './publish';
export type { RateDecision, RateWindow, RateWindows, RateWindowsOptions } from './rate-windows';
export { createRateWindows } from './rate-windows';
export type { DeliveryClock, RetryPolicy } from './retry';
export { backoffDelay, DEFAULT_RETRY_POLICY, systemClock } from './retry';
export type { LookupOutcome, LookupQuery, SettledDelivery, SettleOptions } from './settle';
export { settleUnknown } from './settle';
export type {
  DeliveryCompletion,
  DeliveryRecord,
  DeliveryState,
  EventStore,
  FiredReminderRecord,
  NewDelivery,
  Outbox,
} from './store';
export { DELIVERY_STATES } from './store';
export { AppendConflictError, type AppendOptions } from './store-errors';
