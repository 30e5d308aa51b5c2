/**
 * No source file over 400 lines, no example file over 300 (issue 17): a long file hides a
 * second job. Lists every offender with its length so the fix is obvious. Tests and test-only
 * support files are not counted.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

const SOURCE_LIMIT = 400;
const EXAMPLE_LIMIT = 300;

/**
 * Files being split by another change, each with the reason. The test fails when one of them is
 * no longer over the limit, so the list only shrinks.
 */
const BEING_SPLIT: Readonly<Record<string, string>> = {};

const isTest = (name: string) => /\.test(-support)?\.ts$/.test(name) || name.endsWith('.d.ts');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name === 'dist') return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !isTest(entry.name) ? [path] : [];
  });
}

const lineCount = (path: string) => readFileSync(path, 'utf8').replace(/\n$/, '').split('\n').length;

const packageSources = readdirSync(join(root, 'packages'), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .flatMap((e) => {
    try {
      return sources(join(root, 'packages', e.name, 'src'));
    } catch {
      return [];
    }
  });
const exampleSources = sources(join(root, 'examples', 'src'));

/** `path (lines)` for every file over `limit`, repository-relative with `/` separators. */
function offenders(paths: readonly string[], limit: number): string[] {
  return paths
    .map((path) => ({ path: relative(root, path).split(sep).join('/'), lines: lineCount(path) }))
    .filter((f) => f.lines > limit && !(f.path in BEING_SPLIT))
    .map((f) => `${f.path} (${f.lines} lines)`)
    .sort();
}

describe('file length', () => {
  it('finds the sources it measures', () => {
    expect(packageSources.length).toBeGreaterThan(100);
    expect(exampleSources.length).toBeGreaterThan(5);
    expect(packageSources.some((p) => p.endsWith(`${sep}core${sep}src${sep}index.ts`))).toBe(true);
    expect(packageSources.filter((p) => isTest(p))).toEqual([]);
  });

  it(`keeps every package source file within ${SOURCE_LIMIT} lines`, () => {
    expect(offenders(packageSources, SOURCE_LIMIT)).toEqual([]);
  });

  it(`keeps every example source file within ${EXAMPLE_LIMIT} lines`, () => {
    expect(offenders(exampleSources, EXAMPLE_LIMIT)).toEqual([]);
  });

  it('lists as being split only files still over the limit', () => {
    const done = Object.keys(BEING_SPLIT).filter((path) => lineCount(join(root, path)) <= SOURCE_LIMIT);
    expect(done).toEqual([]);
  });
});
