/**
 * @module @incident-comms/core/delivery
 * Delivery alone, for hosts and adapter authors: the `Channel` interface, the outbox and
 * event-store interfaces with their in-memory versions, and `publishUpdate`, which delivers an
 * approved release exactly once per recipient.
 */

export * from '../delivery/index';
