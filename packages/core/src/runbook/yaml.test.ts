import { describe, expect, it } from 'vitest';
import { loadDrillScenario } from '../drill/scenario';
import { RunbookError } from '../errors';
import { parseRunbook } from './define';
import { MAX_YAML_ALIASES, readYaml } from './yaml';

describe('readYaml', () => {
  it('returns the data of valid YAML (and JSON)', () => {
    expect(readYaml('a: 1\nb: [x, y]\n')).toEqual({ ok: true, data: { a: 1, b: ['x', 'y'] } });
    expect(readYaml('{"a": 1}')).toEqual({ ok: true, data: { a: 1 } });
  });

  it('turns a syntax error into one problem naming the line and column', () => {
    const read = readYaml('name: ok\nroles: [a, b\nowner: dana\n');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0]!.path).toBe('line 3, column 1');
  });

  it('reads "line L, column C: <yaml message>" with no code frame and no dangling colon', () => {
    const read = readYaml('a: 1\na: 2\n');
    if (read.ok) throw new Error('expected a syntax error');
    expect(read.problems[0]!.message).toBe('line 2, column 1: Map keys must be unique');
    const flow = readYaml('{"a": 1,,}');
    if (flow.ok) throw new Error('expected a syntax error');
    expect(flow.problems[0]!.message).toBe('line 1, column 9: Unexpected , in flow map');
    expect(flow.problems[0]).toMatchObject({ expected: 'valid YAML', received: 'Unexpected , in flow map' });
  });

  it('points an error at the end of the text at its last line, not past the end of the file', () => {
    // Three lines; the unclosed "[" and quote are only found at the end (yaml says line 4).
    const list = readYaml('a: 1\nb: 2\nc: [x, y\n');
    if (list.ok) throw new Error('expected a syntax error');
    expect(list.problems[0]!.message).toBe(
      'line 3, column 9: Flow sequence in block collection must be sufficiently indented and end with a ]',
    );
    const open = readYaml('a: 1\nb: 2\nc: "open\n');
    if (open.ok) throw new Error('expected a syntax error');
    expect(open.problems[0]!.path).toBe('line 3, column 9');
    const unclosed = readYaml('name: ok\nroles: [a, b\n');
    if (unclosed.ok) throw new Error('expected a syntax error');
    expect(unclosed.problems[0]!.path).toBe('line 2, column 13');
    const quote = readYaml('a: 1\nb: "open\n\n\n');
    if (quote.ok) throw new Error('expected a syntax error');
    expect(quote.problems[0]!.message).toMatch(/^line 2, column 9: .*quote/);
  });

  it('refuses input that is not text with a problem, not a TypeError', () => {
    const read = readYaml({ roles: {} } as unknown as string);
    expect(read).toMatchObject({ ok: false, problems: [{ path: '', received: 'an object' }] });
    expect(() => parseRunbook(42 as unknown as string)).toThrow(
      expect.objectContaining({ code: 'runbook_invalid' }),
    );
  });

  it('is the one reader behind runbook and drill-scenario files: same problem, each its own error', () => {
    const broken = 'name: ok\nroles: [a, b\n';
    const [expected] = (readYaml(broken) as { ok: false; problems: unknown[] }).problems;
    expect(() => parseRunbook(broken, 'rb.yaml')).toThrow(
      expect.objectContaining({ code: 'runbook_invalid', problems: [expected] }),
    );
    expect(() => loadDrillScenario(broken, 'drill.yaml')).toThrow(
      expect.objectContaining({ code: 'drill_scenario_invalid', problems: [expected] }),
    );
  });
});

describe('readYaml refuses what the yaml package would throw or print (typed, nothing on stderr)', () => {
  const bomb = [
    'a: &a [x, x, x, x, x, x, x, x, x]',
    'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
    'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
    'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
    'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
  ].join('\n');
  const CASES: Array<[string, string, string | RegExp, string]> = [
    [
      'an unresolved alias',
      'name: x\nlist: [*c]\n',
      'line 2, column 8',
      'an alias whose anchor (&c) is set before it',
    ],
    [
      'an alias before its anchor',
      'a: *later\nb: &later 1\n',
      'line 1, column 4',
      'an alias whose anchor (&later) is set before it',
    ],
    ['an unknown tag', 'name: !foo bar\n', 'line 1, column 7', 'no custom tags (plain YAML values)'],
    ['a JavaScript tag', 'name: !!js/function "x"\n', /^line 1/, 'no custom tags (plain YAML values)'],
    [
      'an alias bomb',
      bomb,
      '',
      `YAML whose aliases expand at most ${MAX_YAML_ALIASES} times (anchors reused this often look like an alias bomb)`,
    ],
  ];
  it.each(CASES)('%s', (_name, text, path, expected) => {
    const errors: unknown[] = [];
    const original = process.emitWarning;
    const write = process.stderr.write;
    process.emitWarning = ((w: unknown) => errors.push(w)) as typeof process.emitWarning;
    process.stderr.write = ((chunk: unknown) => errors.push(chunk) !== 0) as typeof process.stderr.write;
    try {
      const read = readYaml(text);
      if (read.ok) throw new Error('expected a refusal');
      expect(read.problems).toHaveLength(1);
      expect(read.problems[0]!.path).toMatch(path instanceof RegExp ? path : new RegExp(`^${path}$`));
      expect(read.problems[0]!.expected).toBe(expected);
      expect(() => parseRunbook(text)).toThrow(RunbookError);
    } finally {
      process.emitWarning = original;
      process.stderr.write = write;
    }
    expect(errors).toEqual([]);
  });

  it('still reads anchors and aliases used as intended', () => {
    expect(readYaml('base: &p { id: dana }\nowner: *p\n')).toEqual({
      ok: true,
      data: { base: { id: 'dana' }, owner: { id: 'dana' } },
    });
  });
});
