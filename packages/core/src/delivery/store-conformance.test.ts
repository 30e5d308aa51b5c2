import { describe, it } from 'vitest';
import { createMemoryEventStore, createMemoryOutbox } from './memory-store';
import { eventStoreConformanceCases, outboxConformanceCases } from './store-conformance';

describe('in-memory stores', () => {
  for (const c of [
    ...outboxConformanceCases(createMemoryOutbox),
    ...eventStoreConformanceCases(createMemoryEventStore),
  ]) {
    it(c.name, () => c.run());
  }
});
