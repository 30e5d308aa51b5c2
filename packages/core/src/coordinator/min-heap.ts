/**
 * @module coordinator/min-heap
 * A binary min-heap whose nodes remember their position, so a planned reminder or timer can be
 * cancelled in O(log n) without leaving stale entries behind. Internal to the coordinator.
 */

/** A heap node: `heapIndex` is maintained by the heap (-1 while not in it). */
export interface HeapNode {
  heapIndex: number;
}

/** An indexed binary min-heap ordered by `before`. @internal */
export interface MinHeap<T extends HeapNode> {
  readonly size: number;
  /** The smallest node, or `undefined` when empty. O(1). */
  peek(): T | undefined;
  /** Adds a node. O(log n). */
  push(node: T): void;
  /** Removes and returns the smallest node. O(log n). */
  pop(): T | undefined;
  /** Removes `node` if it is in the heap; returns whether it was. O(log n). */
  remove(node: T): boolean;
  /** Every node, in no particular order. */
  values(): readonly T[];
  /** Removes every node. */
  clear(): void;
}

/**
 * Creates an empty indexed min-heap.
 *
 * @param before - `true` when `a` must come out before `b` (a strict total order keeps it deterministic).
 * @internal
 * @example
 * const heap = createMinHeap<{ heapIndex: number; at: number }>((a, b) => a.at < b.at);
 * heap.push({ heapIndex: -1, at: 2 });
 * heap.pop()?.at; // 2
 */
export function createMinHeap<T extends HeapNode>(before: (a: T, b: T) => boolean): MinHeap<T> {
  const items: T[] = [];

  const place = (node: T, index: number) => {
    items[index] = node;
    node.heapIndex = index;
  };

  const up = (start: number) => {
    let index = start;
    const node = items[index]!;
    while (index > 0) {
      const parentIndex = (index - 1) >> 1;
      const parent = items[parentIndex]!;
      if (!before(node, parent)) break;
      place(parent, index);
      index = parentIndex;
    }
    place(node, index);
  };

  const down = (start: number) => {
    let index = start;
    const node = items[index]!;
    const length = items.length;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= length) break;
      const right = left + 1;
      const child = right < length && before(items[right]!, items[left]!) ? right : left;
      if (!before(items[child]!, node)) break;
      place(items[child]!, index);
      index = child;
    }
    place(node, index);
  };

  const removeAt = (index: number): T => {
    const node = items[index]!;
    const last = items.pop()!;
    if (index < items.length) {
      place(last, index);
      up(index);
      down(last.heapIndex);
    }
    node.heapIndex = -1;
    return node;
  };

  return {
    get size() {
      return items.length;
    },
    peek: () => items[0],
    push(node) {
      items.push(node);
      up(items.length - 1);
    },
    pop: () => (items.length === 0 ? undefined : removeAt(0)),
    remove(node) {
      const index = node.heapIndex;
      if (index < 0 || items[index] !== node) return false;
      removeAt(index);
      return true;
    },
    values: () => items,
    clear() {
      for (const node of items) node.heapIndex = -1;
      items.length = 0;
    },
  };
}
