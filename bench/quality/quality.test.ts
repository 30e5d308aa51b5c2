/**
 * The linter's figures on the real-message corpus must not fall below `thresholds.json`
 * (today's figures minus a small margin), and the corpus itself must stay well formed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FRONT_LINE_ROLES, JUDGED_RULES, loadCorpus, scoreCorpus } from './score';
import type { Thresholds } from './thresholds';

const entries = loadCorpus();
const thresholds = JSON.parse(
  readFileSync(new URL('./thresholds.json', import.meta.url), 'utf8'),
) as Thresholds;
const report = scoreCorpus(entries);

describe('real-message corpus', () => {
  it('keeps at least as many entries as the thresholds were taken on', () => {
    expect(entries.length).toBeGreaterThanOrEqual(thresholds.minEntries);
  });

  it('keeps its share of messages written by front-line staff', () => {
    const frontLine = entries.filter((e) => FRONT_LINE_ROLES.includes(e.authorRole)).length;
    expect(frontLine / entries.length).toBeGreaterThanOrEqual(thresholds.minFrontLineShare);
  });

  it('labels each message with exactly the judged rules and a public source', () => {
    for (const e of entries) {
      const labelled = [...e.expect.errors, ...e.expect.warnings, ...e.expect.clean].sort();
      expect(labelled, e.id).toEqual([...new Set(labelled)].sort());
      for (const id of JUDGED_RULES) expect(labelled, `${e.id} ${id}`).toContain(id);
      expect(new URL(e.source).protocol, e.id).toMatch(/^https?:$/);
    }
  });

  it('refuses the same quotation from the same source twice', () => {
    const [first] = readFileSync(new URL('./corpus.jsonl', import.meta.url), 'utf8').split('\n');
    const again = { ...JSON.parse(first!), id: 'same-words-again' };
    const dir = mkdtempSync(join(tmpdir(), 'quality-'));
    try {
      const file = join(dir, 'corpus.jsonl');
      writeFileSync(file, `${first}\n${JSON.stringify(again)}\n`);
      expect(() => loadCorpus(pathToFileURL(file))).toThrow(/repeats/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.each(report.rules.map((r) => [r.ruleId, r] as const))('%s on real messages', (ruleId, figures) => {
  const floor = thresholds.rules[ruleId];

  it('has a threshold in thresholds.json', () => {
    expect(floor).toBeDefined();
  });

  it('does not regress below its threshold', () => {
    expect(figures.precision).toBeGreaterThanOrEqual(floor!.minPrecision);
    expect(figures.recall).toBeGreaterThanOrEqual(floor!.minRecall);
    expect(figures.falseAlarmRate).toBeLessThanOrEqual(floor!.maxFalseAlarmRate);
  });
});
