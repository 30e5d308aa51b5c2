/**
 * @module channel-slack/testing/stub-client
 * A real `WebClient` pointed at a {@link SlackApiStub}, configured the way the channel
 * requires (no client retries, rate-limited calls rejected), for scripts outside this package.
 */
import { WebClient } from '@slack/web-api';
import type { SlackApiStub } from './slack-api-stub';

/**
 * @param timeoutMs - request timeout in milliseconds (default 5 000).
 * @example
 * const client = createStubWebClient(stub);
 */
export function createStubWebClient(stub: Pick<SlackApiStub, 'url'>, timeoutMs = 5_000): WebClient {
  return new WebClient('xoxb-stub', {
    slackApiUrl: stub.url,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: timeoutMs,
  });
}
