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
