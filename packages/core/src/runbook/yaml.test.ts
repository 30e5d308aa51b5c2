import { describe, expect, it } from 'vitest';
import { loadDrillScenario } from '../drill/scenario';
import { parseRunbook } from './define';
import { readYaml } from './yaml';

describe('readYaml', () => {
  it('returns the data of valid YAML (and JSON)', () => {
    expect(readYaml('a: 1\nb: [x, y]\n')).toEqual({ ok: true, data: { a: 1, b: ['x', 'y'] } });
    expect(readYaml('{"a": 1}')).toEqual({ ok: true, data: { a: 1 } });
  });

  it('turns a syntax error into one problem naming the line and column', () => {
    const read = readYaml('name: ok\nroles: [a, b\n');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0]!.path).toMatch(/^line \d+, column \d+$/);
    expect(read.problems[0]!.expected).toMatch(/^valid YAML \([A-Z_]+\)$/);
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
