import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMPENSATION, DRAMATIC, SECURITY } from './phrases';
import { TextDocument } from './text';
import { gatedPatterns, gateOf, openGates } from './triggers';

// A generator for strings a pattern matches: fast-check cannot generate `\b` or lookarounds,
// so they are dropped here and every generated string is checked against the real pattern.
function relax(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      if (source[i + 1] !== 'b') out += c + source[i + 1];
      i++;
      continue;
    }
    if (/^\(\?<?[=!]/.test(source.slice(i, i + 4))) {
      let depth = 0;
      let inClass = false;
      for (; i < source.length; i++) {
        const d = source[i];
        if (d === '\\') i++;
        else if (inClass) inClass = d !== ']';
        else if (d === '[') inClass = true;
        else if (d === '(') depth++;
        else if (d === ')' && --depth === 0) break;
      }
      continue;
    }
    out += c;
  }
  return out;
}

describe('trigger gates', () => {
  // The speed-up is only safe if a gate never closes on a draft its pattern matches.
  it.each(gatedPatterns().map((g) => [g.pattern.source.slice(0, 50), g.pattern] as const))(
    'every match of %s contains one of its stems',
    (_, pattern) => {
      const probe = new RegExp(pattern.source, pattern.flags.replace('g', ''));
      const gateNumber = gateOf(pattern)!;
      let checked = 0;
      fc.assert(
        fc.property(
          fc.stringMatching(new RegExp(`^(?:${relax(pattern.source)})$`)),
          fc.boolean(),
          (s, upper) => {
            const text = ` ${upper ? s.toUpperCase() : s} `;
            if (!probe.test(text)) return;
            checked++;
            expect(openGates(text)[gateNumber]).toBe(1);
          },
        ),
        { numRuns: 1500 },
      );
      expect(checked).toBeGreaterThan(100);
    },
  );

  it('opens a gate for a longer word that starts with a stem ("cannot" after "can")', () => {
    expect(openGates('The rollout was catastrophically slow.')[gateOf(DRAMATIC)!]).toBe(1);
    expect(openGates('We will waive the fees.')[gateOf(COMPENSATION)!]).toBe(1);
    expect(openGates('We are WAIVING the fees.')[gateOf(COMPENSATION)!]).toBe(1);
  });

  it('keeps gates closed when no stem is in the draft', () => {
    const doc = new TextDocument('Checkout is failing for some customers. Next update at 14:30 UTC.');
    expect(doc.mayMatch(SECURITY)).toBe(false);
    expect(doc.mayMatch(DRAMATIC)).toBe(false);
    expect(doc.mayMatch(/ungated/g)).toBe(true);
  });
});

// What the trie scan replaced: one global RegExp of every stem, longest first, at `\b`. The
// scan must open exactly the gates that RegExp did, on any text.
function gatesByRegExp(text: string): Uint8Array {
  const gates = gatedPatterns();
  const stems = new Map<string, { word: string; whole: boolean; gates: Set<number> }>();
  gates.forEach((g, i) => {
    for (const stem of g.stems) {
      const e = stems.get(stem) ?? {
        word: stem.replace(/\$$/, ''),
        whole: stem.endsWith('$'),
        gates: new Set(),
      };
      e.gates.add(i);
      stems.set(stem, e);
    }
  });
  const list = [...stems.values()].sort(
    (a, b) => b.word.length - a.word.length || Number(b.whole) - Number(a.whole),
  );
  const scan = new RegExp(`\\b(?:${list.map((e) => e.word + (e.whole ? '\\b' : '')).join('|')})`, 'gi');
  const open = new Uint8Array(gates.length);
  for (const m of text.matchAll(scan)) {
    const word = m[0].toLowerCase();
    // The longest stem found opens its own gates and those of every stem it starts with.
    for (const e of list)
      if (word.startsWith(e.word) && (e.word === word || !e.whole)) for (const g of e.gates) open[g] = 1;
  }
  return open;
}

describe('trigger scan', () => {
  const stems = [...new Set(gatedPatterns().flatMap((g) => g.stems.map((s) => s.replace(/\$$/, ''))))];
  const piece = fc.oneof(
    fc.constantFrom(...stems),
    fc.constantFrom(' ', "'", '’', '-', '_', '.', '9', 's', 'ing', 'é', 'data', 'can', 'not', '\n'),
  );
  it('opens the same gates as a RegExp of the stems, in any case and mixed with other words', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(piece, fc.boolean()), { maxLength: 12 }), (parts) => {
        const text = parts.map(([p, upper]) => (upper ? p.toUpperCase() : p)).join('');
        expect([...openGates(text)]).toEqual([...gatesByRegExp(text)]);
      }),
      { numRuns: 2000, seed: 20240601 },
    );
  });
});
