import { describe, it } from 'vitest';
import { createMemoryOutbox } from './memory-store';
import { checkOldIncidentsSendNothing } from './replay.test-support';

describe('resuming 500 old incidents with unsent rows (memory outbox)', () => {
  it('sends nothing: every row is expired with its reason', async () => {
    await checkOldIncidentsSendNothing(createMemoryOutbox());
  }, 60_000);
});
