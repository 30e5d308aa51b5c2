import { describe, expect, it } from 'vitest';
import type { Channel } from './channel';
import { createVirtualClock, sampleMessage, sampleRelease } from './conformance';
import { createMemoryOutbox } from './memory-store';
import { publishUpdate } from './publish';
import { type LookupOutcome, settleUnknown } from './settle';

describe('settleUnknown', () => {
  it('turns an unknown into sent when the lookup finds it, into pending (resent once) when surely absent', async () => {
    const arrived = new Map<string, string>(); // idempotency key → native id, as the peer stores it
    let timeouts = 2;
    const sends: string[] = [];
    const chat: Channel<string> = {
      name: 'chat',
      capabilities: { threads: true, edits: false },
      render: (_m, recipient) => recipient,
      async send(recipient, { idempotencyKey }) {
        sends.push(recipient);
        if (recipient === 'arrived') arrived.set(idempotencyKey, `ts-${sends.length}`);
        if (timeouts-- > 0) return { type: 'unknown', reason: 'timed out after the body was sent' };
        arrived.set(idempotencyKey, `ts-${sends.length}`);
        return { type: 'delivered', ref: { ts: `ts-${sends.length}` } };
      },
      async lookup({ idempotencyKey }): Promise<LookupOutcome> {
        const ts = arrived.get(idempotencyKey);
        return ts ? { type: 'delivered', ref: { ts } } : { type: 'absent' };
      },
    };
    const outbox = createMemoryOutbox();
    const input = {
      release: sampleRelease([sampleMessage({ incidentId: 'inc-settle' })]),
      routes: [{ channel: 'chat', audience: 'customer' as const, recipients: ['arrived', 'lost'] }],
      channels: [chat],
      outbox,
      clock: createVirtualClock(),
    };
    expect((await publishUpdate(input)).totals.unknown).toBe(2);
    const settled = await settleUnknown({ incidentId: 'inc-settle', outbox, channels: [chat] });
    expect(settled.map((s) => [s.recipient, s.state])).toEqual([
      ['arrived', 'sent'],
      ['lost', 'pending'],
    ]);
    expect(await outbox.thread('inc-settle', 'chat', 'arrived')).toEqual({ ts: 'ts-1' });
    const again = await publishUpdate(input);
    expect(again.deliveries.map((d) => [d.recipient, d.state, d.duplicate])).toEqual([
      ['arrived', 'sent', true],
      ['lost', 'sent', false],
    ]);
    expect(sends).toEqual(['arrived', 'lost', 'lost']);
  });

  it('leaves an unknown as it is when the lookup cannot tell or hangs', async () => {
    const chat: Channel<string> = {
      name: 'chat',
      capabilities: { threads: false, edits: false },
      render: (_m, r) => r,
      send: async () => ({ type: 'unknown', reason: '502 from the gateway after the body' }),
      lookup: () => new Promise<LookupOutcome>(() => {}),
    };
    const outbox = createMemoryOutbox();
    await publishUpdate({
      release: sampleRelease([sampleMessage({ incidentId: 'inc-hang' })]),
      routes: [{ channel: 'chat', audience: 'customer', recipients: ['r'] }],
      channels: [chat],
      outbox,
      clock: createVirtualClock(),
    });
    const settled = await settleUnknown({
      incidentId: 'inc-hang',
      outbox,
      channels: [chat],
      lookupTimeoutMs: 20,
    });
    expect(settled).toEqual([
      {
        key: 'inc-hang/v1/chat/r',
        channel: 'chat',
        recipient: 'r',
        state: 'unknown',
        reason: 'lookup did not answer within 20 ms',
      },
    ]);
    expect((await outbox.list('inc-hang'))[0]?.state).toBe('unknown');
  });
});
