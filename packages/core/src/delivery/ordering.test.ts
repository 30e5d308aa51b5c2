import { describe, it } from 'vitest';
import { createMemoryOutbox } from './memory-store';
import { checkDeliveryOrder } from './ordering.test-support';

describe('publishUpdate ordering on the memory outbox', () => {
  it('property: per recipient, delivered versions strictly increase, threaded under the first, none duplicated or unreported', async () => {
    await checkDeliveryOrder(() => createMemoryOutbox());
  }, 60_000);
});
