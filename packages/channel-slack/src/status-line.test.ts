import { sampleMessage } from '@incident-comms/core/testing';
import { describe, expect, it } from 'vitest';
import { renderSlackMessage } from './blocks';

const HOSTILE = [
  '<!channel> SEV1',
  '<!here>',
  '<@U123>',
  '<#C42>',
  '<https://evil.example|click>',
  'SEV1\n<!channel>',
];
const MENTION = /<[!@#]|<https?:/;

describe('a host-built message cannot ping or link through its severity, status or version', () => {
  it.each(HOSTILE)('%s', (value) => {
    for (const override of [{ severity: value }, { status: value }, { version: value }]) {
      const payload = renderSlackMessage(sampleMessage(override as never), 'C024BE91L', {
        idempotencyKey: 'k',
        attempt: 1,
      } as never);
      const texts = [
        payload.post.text,
        payload.statusLine.text,
        ...payload.post.blocks.flatMap((b) => JSON.stringify(b)),
        ...payload.statusLine.blocks.map((b) => JSON.stringify(b)),
      ];
      for (const text of texts) expect(text).not.toMatch(MENTION);
      expect(payload.statusLine.text).not.toMatch(/\n/);
    }
  });
});
