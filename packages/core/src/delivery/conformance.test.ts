import { describe, expect, it } from 'vitest';
import type { Channel } from './channel';
import { type ChannelHarness, channelConformanceCases, createVirtualClock } from './conformance';

/** The suite must be able to fail: each broken channel below trips exactly the case it breaks. */
function good(): Channel<{ text: string }> {
  return {
    name: 'good',
    capabilities: { threads: false, edits: false },
    render: (m) => ({ text: m.text }),
    send: async (_p, { signal }) =>
      signal.aborted ? { type: 'retryable', reason: 'aborted' } : { type: 'delivered', ref: { id: '1' } },
  };
}
async function failures(
  channel: Channel<{ text: string }>,
  extra: Partial<ChannelHarness<{ text: string }>> = {},
  without: Array<'received' | 'failNext'> = ['received', 'failNext'].filter((h) => !(h in extra)) as never,
) {
  const out: string[] = [];
  for (const c of channelConformanceCases(() => ({ channel, recipient: 'r', ...extra }), { without })) {
    await c.run().catch(() => out.push(c.name));
  }
  return out;
}

describe('channel conformance suite', () => {
  it('passes a well-behaved channel', async () => {
    expect(await failures(good())).toEqual([]);
  });
  it('fails the cases a harness cannot run unless it skips them on purpose, and names them skipped', async () => {
    expect(await failures(good(), {}, [])).toEqual([
      'maps a permanent refusal to rejected and a transient one to retryable',
      'publishing the same version twice delivers exactly one copy',
    ]);
    const names = channelConformanceCases(() => ({ channel: good(), recipient: 'r' }), {
      without: ['received', 'failNext'],
    }).map((c) => c.name);
    expect(names.filter((n) => n.includes('(skipped: harness without'))).toHaveLength(2);
  });
  it('fails a channel whose send rejects', async () => {
    const broken = { ...good(), send: async () => Promise.reject(new Error('boom')) };
    expect(await failures(broken)).toEqual(
      expect.arrayContaining([
        'send delivers and returns a JSON ref',
        'an already-aborted signal sends nothing and resolves retryable',
      ]),
    );
  });
  it('fails an impure render and one that lets CR/LF through', async () => {
    let n = 0;
    const impure = { ...good(), render: () => ({ text: String(++n) }) };
    expect(await failures(impure)).toContain('render is pure: deterministic, JSON data, input not mutated');
    const leaky = { ...good(), render: (m: { subject: string }) => ({ text: m.subject }) };
    expect(await failures(leaky)).toContain(
      'a subject with CR/LF is refused with a typed error or cannot start a header line',
    );
  });
  it('fails a channel that sends twice per delivery', async () => {
    let count = 0;
    const twice = {
      ...good(),
      send: async () => {
        count += 2;
        return { type: 'delivered' as const, ref: { id: 'x' } };
      },
    };
    expect(await failures(twice, { received: () => count })).toEqual(
      expect.arrayContaining([
        'send delivers and returns a JSON ref',
        'publishing the same version twice delivers exactly one copy',
      ]),
    );
  });
  it('fails a channel that declares threads but ignores the thread it is given, or has no way to check', async () => {
    const CASE = 'threaded channels reply under the thread they are given (checked at the peer)';
    /** A peer that records the thread of each message; `honour` decides whether send passes it on. */
    const threading = (honour: boolean) => {
      const threads: Array<string | undefined> = [];
      let n = 0;
      const channel: Channel<{ text: string }> = {
        ...good(),
        capabilities: { threads: true, edits: false },
        send: async (_p, { signal, thread }) => {
          if (signal.aborted) return { type: 'retryable', reason: 'aborted' };
          threads.push(honour ? thread?.ts : undefined);
          return { type: 'delivered', ref: { ts: `${++n}.0` } };
        },
      };
      return { channel, lastThread: () => threads.at(-1) };
    };
    const honest = threading(true);
    expect(await failures(honest.channel, { lastThread: honest.lastThread })).toEqual([]);
    const deaf = threading(false);
    expect(await failures(deaf.channel, { lastThread: deaf.lastThread })).toEqual([CASE]);
    expect(await failures(honest.channel)).toEqual([CASE]);
  });
  it('virtual clock advances on sleep without waiting', async () => {
    const clock = createVirtualClock(0);
    await clock.sleep(5_000);
    expect(clock.now()).toBe(5_000);
    expect(clock.sleeps).toEqual([5_000]);
  });
});
