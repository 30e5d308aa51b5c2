import { describe, expect, it } from 'vitest';
import { IncidentCommsError } from '../errors';
import { ChannelConfigError, DeliveryError, DeliveryInputError } from './errors';

describe('delivery errors', () => {
  it('are IncidentCommsErrors with their stable code, name and path-named problems', () => {
    const config = new ChannelConfigError('slack', [
      { path: 'client.retryConfig.retries', expected: '0', received: '10' },
    ]);
    const input = new DeliveryInputError([{ path: 'routes.2.channel', expected: 'a known channel' }]);
    for (const error of [config, input]) {
      expect(error).toBeInstanceOf(IncidentCommsError);
      expect(error).toBeInstanceOf(DeliveryError);
      expect(error).toBeInstanceOf(Error);
    }
    expect(config).toMatchObject({
      name: 'ChannelConfigError',
      code: 'channel_config_invalid',
      channel: 'slack',
    });
    expect(config.message).toBe(
      'Invalid slack channel config\n  - client.retryConfig.retries: expected 0, got 10',
    );
    expect(input).toMatchObject({ name: 'DeliveryInputError', code: 'delivery_input_invalid' });
    expect(input.problems).toEqual([{ path: 'routes.2.channel', expected: 'a known channel' }]);
  });

  it('a bare DeliveryError keeps its headline when there are no problems', () => {
    const error = new DeliveryError('delivery_input_invalid', 'Nothing delivered');
    expect(error).toMatchObject({
      name: 'DeliveryError',
      code: 'delivery_input_invalid',
      message: 'Nothing delivered',
    });
    expect(error.problems).toEqual([]);
  });
});
