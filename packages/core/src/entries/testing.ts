/**
 * @module @incident-comms/core/testing
 * Helpers for hosts' own test suites: the channel conformance suite and the lint RuleTester.
 */

export * from '../delivery/conformance';
export * from '../lint/rule-tester';
