/**
 * The lint fixtures (test/fixtures/lint-drafts.jsonl, a copy of the project's shared fixtures), each a test through the
 * public API. Each fixture stands for a kind of draft; paraphrases live in the rule tests.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintMessage } from '../index';
import type { LintContext } from './types';

interface Fixture {
  id: string;
  text: string;
  context: LintContext;
  expect: { errors?: string[]; warnings?: string[]; clean?: string[] };
}

const file = new URL('../../../../test/fixtures/lint-drafts.jsonl', import.meta.url);
const fixtures: Fixture[] = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as Fixture);

describe('lint fixtures', () => {
  it('loads every fixture', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(47);
  });

  for (const f of fixtures) {
    it(f.id, () => {
      const ds = lintMessage(f.text, f.context);
      const at = (severity: string) =>
        new Set(ds.filter((d) => d.severity === severity).map((d) => d.ruleId));
      const errors = at('error');
      const warnings = at('warning');
      const fired = new Set(ds.map((d) => d.ruleId));
      for (const id of f.expect.errors ?? []) expect(errors, `error ${id}`).toContain(id);
      for (const id of f.expect.warnings ?? []) expect(warnings, `warning ${id}`).toContain(id);
      for (const id of f.expect.clean ?? []) expect(fired, `clean ${id}`).not.toContain(id);
    });
  }
});
