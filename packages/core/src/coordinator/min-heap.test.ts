import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMinHeap } from './min-heap';

interface Node {
  heapIndex: number;
  at: number;
  id: number;
}

const byAtThenId = (a: Node, b: Node) => a.at < b.at || (a.at === b.at && a.id < b.id);

describe('createMinHeap', () => {
  it('pops in order after any mix of pushes and removals', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.integer({ min: 0, max: 50 }), remove: fc.boolean() }), {
          maxLength: 200,
        }),
        (ops) => {
          const heap = createMinHeap<Node>(byAtThenId);
          const nodes = ops.map((op, id) => ({ heapIndex: -1, at: op.at, id }));
          for (const node of nodes) heap.push(node);
          const kept = nodes.filter((_, i) => !ops[i]!.remove);
          for (const [i, node] of nodes.entries()) if (ops[i]!.remove) expect(heap.remove(node)).toBe(true);
          expect(heap.size).toBe(kept.length);
          const popped: Node[] = [];
          for (let n = heap.pop(); n; n = heap.pop()) popped.push(n);
          expect(popped).toEqual([...kept].sort((a, b) => a.at - b.at || a.id - b.id));
        },
      ),
    );
  });

  it('refuses to remove a node twice or one it never held', () => {
    const heap = createMinHeap<Node>(byAtThenId);
    const a = { heapIndex: -1, at: 1, id: 1 };
    const b = { heapIndex: -1, at: 2, id: 2 };
    heap.push(a);
    expect(heap.remove(b)).toBe(false);
    expect(heap.remove(a)).toBe(true);
    expect(heap.remove(a)).toBe(false);
    expect(heap.peek()).toBeUndefined();
  });
});
