import { describe, expect, it } from 'vitest';
import { lintRules } from '../lint/rules/index';
import { closestName } from './closest';

const ids = lintRules.map((r) => r.id);

// Each kind of typo, applied to every built-in rule id, finds that id back.
const TYPOS: readonly (readonly [string, (id: string) => string])[] = [
  ['a letter dropped', (id) => id.slice(0, -1)],
  ['a letter doubled', (id) => `${id.slice(0, 3)}${id[3]}${id.slice(3)}`],
  ['two letters swapped', (id) => `${id.slice(0, 4)}${id[5]}${id[4]}${id.slice(6)}`],
  ['upper case', (id) => id.toUpperCase()],
  ['a hyphen dropped', (id) => id.replace('-', '')],
];

describe('closestName', () => {
  for (const [kind, typo] of TYPOS) {
    it(`finds every built-in rule id through ${kind}`, () => {
      for (const id of ids) expect(closestName(typo(id), ids), typo(id)).toBe(id);
    });
  }

  it('suggests nothing for a name that is not near any', () => {
    for (const wanted of ['banana', 'x', 'acme/no-vendor-blame', ''])
      expect(closestName(wanted, ids)).toBeUndefined();
  });
});
