/**
 * @module desk/serial
 * One task at a time per key: the desk runs each incident's calls in call order, so two host
 * calls cannot read the same state and interleave their appends.
 */

/** Runs tasks one at a time per key, in call order; a failed task does not block the next. */
export interface SerialQueue {
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
}

/**
 * Creates a {@link SerialQueue}. Keys with nothing queued hold no memory.
 *
 * @example
 * const queue = createSerialQueue();
 * await Promise.all([queue.run('inc-1', a), queue.run('inc-1', b)]); // b starts after a settles
 */
export function createSerialQueue(): SerialQueue {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run<T>(key: string, task: () => Promise<T>): Promise<T> {
      const previous = tails.get(key) ?? Promise.resolve();
      const result = previous.then(task, task);
      const tail = result.then(
        () => undefined,
        () => undefined,
      );
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
  };
}
