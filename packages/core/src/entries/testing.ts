/**
 * @module @incident-comms/core/testing
 * Helpers for hosts' own test suites: the channel and store conformance suites, sample
 * messages and releases, a virtual clock, in-memory stores and the lint RuleTester.
 */

export * from '../delivery/conformance';
export { createMemoryEventStore, createMemoryOutbox } from '../delivery/memory-store';
export * from '../lint/rule-tester';
