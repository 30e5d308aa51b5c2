/**
 * @module @incident-comms/channel-slack/testing
 * A local stub of the Slack Web API on 127.0.0.1 for tests, examples and benchmarks, and a
 * `WebClient` pointed at it.
 */
export type { SlackApiStub, SlackApiStubOptions, SlackStubCall, SlackStubFault } from './slack-api-stub';
export { startSlackApiStub } from './slack-api-stub';
export { createStubWebClient } from './stub-client';
