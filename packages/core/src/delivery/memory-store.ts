/**
 * @module delivery/memory-store
 * In-memory `Outbox` and `EventStore`: the defaults for tests, drills and single-run scripts.
 * Nothing survives the process; use `@incident-comms/store-sqlite` for durability.
 */
import type { ChannelRef } from './channel';
import type {
  DeliveryCompletion,
  DeliveryRecord,
  DeliveryState,
  EventStore,
  FiredReminderRecord,
  NewDelivery,
  Outbox,
} from './store';
import { AppendConflictError } from './store-errors';

/**
 * Creates an in-memory {@link Outbox}. Operations are synchronous under the hood, so each
 * compare-and-set is atomic within the process.
 *
 * @example
 * const outbox = createMemoryOutbox();
 * const [record] = await outbox.enqueue([delivery], new Date().toISOString());
 */
export function createMemoryOutbox(): Outbox {
  const records = new Map<string, DeliveryRecord>();
  /** Threads by incident, then channel, then recipient. */
  const threads = new Map<string, Map<string, Map<string, ChannelRef>>>();
  const threadsOf = (incidentId: string, channel: string, create: boolean) => {
    let byChannel = threads.get(incidentId);
    if (!byChannel) {
      if (!create) return undefined;
      byChannel = new Map();
      threads.set(incidentId, byChannel);
    }
    let byRecipient = byChannel.get(channel);
    if (!byRecipient && create) {
      byRecipient = new Map();
      byChannel.set(channel, byRecipient);
    }
    return byRecipient;
  };
  const remember = (incidentId: string, channel: string, recipient: string, ref: ChannelRef) => {
    const byRecipient = threadsOf(incidentId, channel, true)!;
    if (!byRecipient.has(recipient)) byRecipient.set(recipient, { ...ref });
  };

  function transition(
    key: string,
    from: readonly DeliveryState[],
    next: (r: DeliveryRecord) => DeliveryRecord,
  ): DeliveryRecord | undefined {
    const current = records.get(key);
    if (!current || !from.includes(current.state)) return undefined;
    const updated = next(current);
    records.set(key, updated);
    return updated;
  }

  return {
    async enqueue(deliveries: readonly NewDelivery[], at: string) {
      return deliveries.map((d) => {
        const existing = records.get(d.key);
        if (existing) return existing;
        const record: DeliveryRecord = { ...d, state: 'pending', attempts: 0, updatedAt: at };
        records.set(d.key, record);
        return record;
      });
    },
    async begin(key, from, at) {
      const begun = transition(key, from, (r) => ({
        ...r,
        state: 'sending',
        attempts: r.attempts + 1,
        firstAttemptAt: r.firstAttemptAt ?? at,
        nextAttemptAt: undefined,
        updatedAt: at,
      }));
      const thread = begun && threadsOf(begun.incidentId, begun.channel, false)?.get(begun.recipient);
      return begun && (thread === undefined ? begun : { ...begun, thread });
    },
    async complete(key, completion: DeliveryCompletion, at, from = ['sending']) {
      const updated = transition(key, from, (r) => ({
        ...r,
        state: completion.state,
        ref: completion.state === 'sent' ? { ...completion.ref } : r.ref,
        reason: completion.state === 'sent' ? undefined : completion.reason,
        nextAttemptAt: completion.state === 'pending' ? completion.nextAttemptAt : undefined,
        updatedAt: at,
      }));
      if (updated && completion.state === 'sent' && completion.thread) {
        remember(updated.incidentId, updated.channel, updated.recipient, completion.ref);
      }
      return updated;
    },
    async get(key) {
      return records.get(key);
    },
    async list(incidentId, version) {
      return [...records.values()]
        .filter((r) => r.incidentId === incidentId && (version === undefined || r.version === version))
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    },
    async thread(incidentId, channel, recipient) {
      return threadsOf(incidentId, channel, false)?.get(recipient);
    },
    async threads(incidentId, channel) {
      return new Map(threadsOf(incidentId, channel, false));
    },
    async rememberThread(incidentId, channel, recipient, ref) {
      remember(incidentId, channel, recipient, ref);
    },
    async recentSends(channel, since) {
      const sends: Array<{ recipient: string; at: string }> = [];
      for (const r of records.values()) {
        if (r.channel === channel && r.state === 'sent' && r.updatedAt >= since)
          sends.push({ recipient: r.recipient, at: r.updatedAt });
      }
      return sends;
    },
  };
}

/**
 * Creates an in-memory {@link EventStore}. Events are copied through JSON on append and load,
 * exactly like the durable store, so code that works here works there.
 *
 * @example
 * const store = createMemoryEventStore();
 * await store.append('inc-1', { type: 'declared' });
 */
export function createMemoryEventStore<E = unknown>(): EventStore<E> {
  const logs = new Map<string, string[]>();
  const reminders = new Map<string, Map<string, FiredReminderRecord>>();
  return {
    async append(incidentId, event, options) {
      const json = JSON.stringify(event);
      if (json === undefined) throw new TypeError('EventStore.append: event must be JSON data');
      const log = logs.get(incidentId) ?? [];
      const expected = options?.expectedPosition;
      if (expected !== undefined && expected !== log.length)
        throw new AppendConflictError(incidentId, expected);
      log.push(json);
      logs.set(incidentId, log);
      return log.length;
    },
    async load(incidentId) {
      return (logs.get(incidentId) ?? []).map((json) => JSON.parse(json) as E);
    },
    async incidents() {
      return [...logs.keys()];
    },
    async recordReminder(incidentId, reminder) {
      const fired = reminders.get(incidentId) ?? new Map<string, FiredReminderRecord>();
      reminders.set(incidentId, fired);
      const id = `${reminder.kind} ${reminder.key}`;
      if (!fired.has(id)) fired.set(id, { kind: reminder.kind, key: reminder.key, at: reminder.at });
    },
    async firedReminders(incidentId) {
      return [...(reminders.get(incidentId)?.values() ?? [])].map((r) => ({ ...r }));
    },
  };
}
