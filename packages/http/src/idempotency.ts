/**
 * @module http/idempotency
 * `Idempotency-Key` on state-changing requests: the first request with a key runs once; a
 * replay with the same key (same person, same method, path and body) gets the first response,
 * byte for byte, without a second effect, even while the first is still running. A key reused
 * for a different request is refused (422). Keys are kept in memory, newest `limit` of them.
 */

/** A response as stored for replay. */
export interface StoredReply {
  status: number;
  headers: Array<[string, string]>;
  body: string;
}

/** The in-memory key store of one handler. */
export interface IdempotencyStore {
  /**
   * Runs `task` once per `(person, key)`; later calls with the same fingerprint get the first
   * result. `undefined` when the key was used for a different request.
   */
  once(
    person: string,
    key: string,
    fingerprint: string,
    task: () => Promise<StoredReply>,
  ): Promise<{ reply: StoredReply; replayed: boolean } | undefined>;
}

/**
 * Creates the key store. `limit` bounds memory (oldest keys are forgotten first); a failed
 * task (a thrown error, not an error response) forgets its key so the client may retry.
 *
 * @example
 * const keys = createIdempotencyStore(10_000);
 * await keys.once('dana', 'k-1', 'POST /api/incidents {}', run); // runs `run`
 * await keys.once('dana', 'k-1', 'POST /api/incidents {}', run); // the same reply, replayed: true
 */
export function createIdempotencyStore(limit = 10_000): IdempotencyStore {
  const entries = new Map<string, { fingerprint: string; reply: Promise<StoredReply> }>();
  return {
    async once(person, key, fingerprint, task) {
      const id = `${person}\u0000${key}`;
      const known = entries.get(id);
      if (known) {
        if (known.fingerprint !== fingerprint) return undefined;
        return { reply: await known.reply, replayed: true };
      }
      const reply = task();
      entries.set(id, { fingerprint, reply });
      if (entries.size > limit) entries.delete(entries.keys().next().value as string);
      try {
        return { reply: await reply, replayed: false };
      } catch (error) {
        entries.delete(id);
        throw error;
      }
    },
  };
}
