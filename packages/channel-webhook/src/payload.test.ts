import { cleanText } from '@incident-comms/core';
import { hostileMessage, sampleMessage } from '@incident-comms/core/testing';
import fc from 'fast-check';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { renderWebhookPayload, serializeWebhookPayload, webhookPayloadSchema } from './payload';
import { verifyWebhook } from './verify';

const SECRET = `whsec_${Buffer.alloc(32, 5).toString('base64')}`;
const context = { idempotencyKey: 'inc-1/v1/webhook/ops' };

function signed(body: string, id = context.idempotencyKey, at = new Date()) {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(SECRET).sign(id, at, body),
  };
}

describe('webhook payload escaping', () => {
  it('carries hostile text as data: no raw markup characters in the bytes, the same values after parsing', () => {
    const m = hostileMessage();
    const body = serializeWebhookPayload(renderWebhookPayload(m, 'ops', context));
    expect(body).not.toMatch(/[<>&\u2028\u2029]/);
    expect(body).toContain('\\u003cscript\\u003e');
    const parsed = webhookPayloadSchema.parse(JSON.parse(body));
    expect(parsed.data.message.text).toBe(m.text);
    expect(parsed.data.incident.title).toBe(m.incidentTitle);
  });

  it('for any title, subject and body: one-line fields stay one line, the body keeps its text, and it verifies', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string({ unit: 'binary' }), (title, subject, text) => {
        const m = sampleMessage({ incidentTitle: title, subject, text });
        const body = serializeWebhookPayload(renderWebhookPayload(m, 'ops', context));
        if (/[<>&\u2028\u2029]/.test(body)) return false;
        const payload = verifyWebhook(body, signed(body), [SECRET]);
        return (
          !/[\r\n\u2028\u2029]/.test(payload.data.incident.title + payload.data.message.subject) &&
          !/\r/.test(payload.data.message.text) &&
          payload.data.message.text === cleanText(text)
        );
      }),
      { numRuns: 200 },
    );
  });

  it('types the event by message kind and omits nextUpdateAt once resolved', () => {
    const resolved = sampleMessage({ kind: 'resolved', status: 'resolved', nextUpdateAt: undefined });
    const p = renderWebhookPayload(resolved, 'ops', context);
    expect(p.type).toBe('incident.resolved');
    expect('nextUpdateAt' in p.data.message).toBe(false);
    expect(webhookPayloadSchema.safeParse(p).success).toBe(true);
  });
});

describe('verifyWebhook', () => {
  const body = serializeWebhookPayload(renderWebhookPayload(sampleMessage(), 'ops', context));

  it('accepts fetch Headers and node header records, and any of several secrets', () => {
    const h = signed(body);
    const other = `whsec_${Buffer.alloc(32, 6).toString('base64')}`;
    expect(verifyWebhook(body, new Headers(h), [other, SECRET]).data.recipient).toBe('ops');
    expect(verifyWebhook(Buffer.from(body), { ...h, 'Webhook-Id': h['webhook-id'] }, SECRET).type).toBe(
      'incident.initial',
    );
  });

  type Case = readonly [string, () => readonly [string, Record<string, string>]];
  it.each<Case>([
    ['a tampered body', () => [body.replace('investigating', 'resolved'), signed(body)]],
    [
      'a wrong secret',
      () => [
        body,
        {
          ...signed(body),
          'webhook-signature': new Webhook(`whsec_${Buffer.alloc(32, 1).toString('base64')}`).sign(
            context.idempotencyKey,
            new Date(),
            body,
          ),
        },
      ],
    ],
    ['missing headers', () => [body, { 'webhook-id': 'x' }]],
    [
      'a timestamp ten minutes old',
      () => [body, signed(body, context.idempotencyKey, new Date(Date.now() - 600_000))],
    ],
  ])('throws webhook_signature_invalid for %s', (_name, make) => {
    const [b, h] = make();
    expect(() => verifyWebhook(b, h, [SECRET])).toThrowError(
      expect.objectContaining({ code: 'webhook_signature_invalid' }),
    );
  });

  it('throws webhook_payload_invalid for a signed body that is not a payload or whose key differs from webhook-id', () => {
    const junk = JSON.stringify({ hello: 'world' });
    expect(() => verifyWebhook(junk, signed(junk), SECRET)).toThrowError(
      expect.objectContaining({ code: 'webhook_payload_invalid' }),
    );
    expect(() => verifyWebhook(body, signed(body, 'another-id'), SECRET)).toThrowError(
      expect.objectContaining({
        code: 'webhook_payload_invalid',
        message: expect.stringMatching(/webhook-id/),
      }),
    );
  });
});
