/**
 * Issue 16's Slack scenario: a busy incident publishes 50 versions at once to 5 Slack channels
 * through one outbox, with a 429 (Retry-After) and a 5xx thrown in. Before: 13 to 18
 * out-of-order steps per channel and a new thread per version. Now: zero, and one thread each.
 */
import { createMemoryOutbox, publishUpdate } from '@incident-comms/core';
import { sampleMessage, sampleRelease } from '@incident-comms/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackChannel } from './slack-channel';
import { type SlackApiStub, startSlackApiStub } from './testing/slack-api-stub';
import { createStubWebClient } from './testing/stub-client';

const CHANNELS = ['C0ENG', 'C0SUPPORT', 'C0SALES', 'C0CS', 'C0EXEC'];
const VERSIONS = 50;

describe('50 concurrent publishes to 5 Slack channels', () => {
  let stub: SlackApiStub;
  beforeEach(async () => {
    stub = await startSlackApiStub();
  });
  afterEach(() => stub.close());

  it('posts each channel its versions in increasing order, all in one thread, and reports every version', async () => {
    const slack = createSlackChannel({
      client: createStubWebClient(stub),
      rateLimit: { perSecond: 50, burst: 10 },
    });
    const outbox = createMemoryOutbox();
    const publishedAt = new Date().toISOString();
    stub.failNext('chat.postMessage', { status: 429, retryAfterSec: 1 });
    stub.failNext('chat.postMessage', { status: 503 }, 2);
    const results = await Promise.all(
      Array.from({ length: VERSIONS }, (_, i) =>
        publishUpdate({
          release: sampleRelease([
            sampleMessage({
              incidentId: 'inc-busy',
              version: i + 1,
              audience: 'internal',
              publishedAt,
              text: `Status as of version ${i + 1}.`,
            }),
          ]),
          routes: [{ channel: 'slack', audience: 'internal', recipients: CHANNELS }],
          channels: [slack],
          outbox,
          retry: { baseDelayMs: 10, random: () => 0.5 },
          // Internal channels: the per-recipient cap is for customers; here it would defer most versions.
          flood: { rateCap: false },
        }),
      ),
    );

    for (const channel of CHANNELS) {
      const posts = stub.posts(channel);
      const versions = posts.map((p) => Number(/version (\d+)/.exec(String(p.args.text))![1]));
      const outOfOrder = versions.filter((v, i) => i > 0 && v <= versions[i - 1]!).length;
      expect(outOfOrder).toBe(0);
      const [root, ...replies] = posts;
      expect(root?.args.thread_ts).toBeUndefined();
      expect(new Set(replies.map((p) => p.args.thread_ts))).toEqual(
        replies.length > 0 ? new Set([root!.ts]) : new Set(),
      );
      // The newest version always reaches every channel.
      expect(versions.at(-1)).toBe(VERSIONS);
    }
    // Every version is reported for every channel: sent, or superseded by a newer one.
    for (const result of results) {
      for (const d of result.deliveries) expect(['sent', 'superseded']).toContain(d.state);
    }
    const sent = results.reduce((n, r) => n + r.totals.sent, 0);
    expect(sent).toBe(CHANNELS.reduce((n, c) => n + stub.posts(c).length, 0));
  }, 30_000);
});
