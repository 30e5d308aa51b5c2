import { sampleMessage } from '@incident-comms/core/testing';
import { describe, expect, it } from 'vitest';
import { EmailHeaderTooLongError, MAX_HEADER_LINE } from './errors';
import { renderEmail } from './render';

const settings = {
  from: { name: 'Status', address: 'status@example.com' },
  replyTo: { name: 'Dana', address: 'dana@example.com' },
  messageIdDomain: 'example.com',
};
const context = { idempotencyKey: 'inc/v1/email/a@example.com', attempt: 1 } as never;

describe('email header lines stay within RFC 5322 (998 characters): refused, never sent', () => {
  // Room for the value: 998 minus "Name: ".
  const CASES: Array<[string, string, number, Record<string, string>]> = [
    ['subject', 'Subject', MAX_HEADER_LINE - 'Subject: '.length, {}],
    ['message.incidentId', 'X-Incident-Id', MAX_HEADER_LINE - 'X-Incident-Id: '.length, {}],
  ];
  it.each(CASES)(
    '%s: the longest value that fits is sent, one more character is refused',
    (path, _header, room) => {
      const at = (length: number) =>
        sampleMessage(
          path === 'subject' ? { subject: 'S'.repeat(length) } : { incidentId: 'i'.repeat(length) },
        );
      const fits = renderEmail(at(room), 'a@example.com', context, settings) as {
        subject: string;
        headers: Record<string, string>;
      };
      expect(path === 'subject' ? fits.subject.length : fits.headers['X-Incident-Id']!.length).toBe(room);
      for (const length of [room + 1, 5_000, 100_000]) {
        const attempt = () => renderEmail(at(length), 'a@example.com', context, settings);
        expect(attempt).toThrow(EmailHeaderTooLongError);
        try {
          attempt();
        } catch (error) {
          expect(error).toMatchObject({ code: 'email_header_too_long', path });
        }
      }
    },
  );
});
