/**
 * @module delivery/pool
 * A small ordered worker pool: at most `limit` items hold a slot at once.
 */

/**
 * Runs `work` over `items` with at most `limit` of them holding a slot at once, in order.
 * `work` gets `release` to hand its slot on before it finishes: a delivery releases it once
 * its send settled for good, so the next delivery's `begin` is issued while the outcome is
 * still being recorded (a group-committing outbox then writes both in one transaction). After
 * a `work` rejects, no further item starts and the pool rejects with that error. A `limit`
 * below 1 or not a number counts as 1 (so the pool always finishes); `publishUpdate` refuses
 * such settings before anything is queued.
 *
 * @example
 * await runPool([1, 2, 3], 2, async (n, release) => { await send(n); release(); await record(n); });
 */
export function runPool<T>(
  items: readonly T[],
  limit: number,
  work: (item: T, release: () => void) => Promise<void>,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let next = 0;
    let finished = 0;
    let free = limit >= 1 ? Math.floor(limit) : 1;
    let failed = false;
    const fill = (): void => {
      while (free > 0 && next < items.length && !failed) {
        free--;
        const item = items[next++]!;
        let released = false;
        const release = () => {
          if (released) return;
          released = true;
          free++;
          fill();
        };
        work(item, release).then(
          () => {
            release();
            if (++finished === items.length) resolve();
          },
          (error: unknown) => {
            failed = true;
            reject(error);
          },
        );
      }
    };
    if (items.length === 0) resolve();
    else fill();
  });
}
