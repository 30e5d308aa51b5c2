import { DeliveryError, IncidentCommsError } from '@incident-comms/core';
import { describe, expect, it } from 'vitest';
import { EmailAddressInvalidError, EmailHeaderInjectionError } from './index';

describe('email errors', () => {
  it('are delivery errors (and so IncidentCommsErrors) with stable codes and the path', () => {
    const injection = new EmailHeaderInjectionError('message.incidentTitle');
    const address = new EmailAddressInvalidError('recipient', 'not-an-address');
    for (const error of [injection, address]) {
      expect(error).toBeInstanceOf(DeliveryError);
      expect(error).toBeInstanceOf(IncidentCommsError);
    }
    expect(injection).toMatchObject({
      name: 'EmailHeaderInjectionError',
      code: 'email_header_injection',
      path: 'message.incidentTitle',
    });
    expect(address).toMatchObject({
      name: 'EmailAddressInvalidError',
      code: 'email_address_invalid',
      path: 'recipient',
      problems: [{ path: 'recipient', received: '"not-an-address"' }],
    });
  });
});
