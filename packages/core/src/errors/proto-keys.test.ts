import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { checkoutStart, runbookInput, t } from '../../test/support';
import { replay } from '../incident/index';
import { parseRunbook } from '../runbook/index';
import { protoKeyProblems } from './index';

// Parsers keep a "__proto__" key as an own property; schema parsing skips it. Each boundary
// refuses it by path instead of dropping a topic, a role or a segment without a word.
describe('a "__proto__" key is refused by path, never dropped', () => {
  it('finds it at any depth, in objects and lists', () => {
    const input = JSON.parse('{"a":{"__proto__":1},"b":[{"c":{"__proto__":{}}}],"__proto__":2}');
    expect(protoKeyProblems(input, 'x').map((p) => p.path)).toEqual([
      'x.__proto__',
      'x.a.__proto__',
      'x.b.0.c.__proto__',
    ]);
    expect(protoKeyProblems({ constructor: 1, a: { b: [1, 'x'] } })).toEqual([]);
  });

  it.each([
    ['topics', '{"__proto__":{"role":"approver","phrases":["refund"],"reason":"money back"}}'],
    ['audiences', '{"__proto__":{"audience":"customer","timeZone":"Asia/Tokyo"}}'],
  ])('in a runbook: %s', (section, value) => {
    // YAML is a superset of JSON: the runbook text as a YAML loader reads it.
    const text = JSON.stringify(runbookInput()).replace(/}$/, `,"${section}":${value}}`);
    expect(Object.hasOwn(YAML.parse(text)[section], '__proto__')).toBe(true);
    expect(() => parseRunbook(text)).toThrow(
      expect.objectContaining({
        code: 'runbook_invalid',
        problems: [expect.objectContaining({ path: `${section}.__proto__` })],
      }),
    );
  });

  it('in an event of the log', () => {
    const event = JSON.parse(
      `{"type":"roles.assigned","at":"${t(1)}","actor":"dana","roles":{"__proto__":{"primary":{"id":"eve","name":"Eve"},"backup":{"id":"eve","name":"Eve"}}}}`,
    );
    expect(() => replay([...checkoutStart(), event])).toThrow(
      expect.objectContaining({
        code: 'input_invalid',
        problems: [expect.objectContaining({ path: 'events.3.roles.__proto__' })],
      }),
    );
  });
});
