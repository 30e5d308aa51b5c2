/**
 * The README's usage example really runs: the code block equals examples/src/readme-example.ts,
 * and that file, run against the built packages as a user would, prints the diagnostics it promises.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const examples = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('..', import.meta.url));

describe('README usage example', () => {
  const readme = readFileSync(`${root}/README.md`, 'utf8');
  const block = /<!-- readme-example: [^>]*-->\n```ts\n([\s\S]*?)```/.exec(readme)?.[1];

  it('is the same code as examples/src/readme-example.ts and about ten lines', () => {
    expect(block).toBeDefined();
    expect(readFileSync(`${examples}/src/readme-example.ts`, 'utf8')).toBe(block);
    expect(
      block!
        .trim()
        .split('\n')
        .filter((l) => l.trim() !== '').length,
    ).toBeLessThanOrEqual(10);
  });

  it('runs against the built packages and reports what the README promises', () => {
    const out = execFileSync(`${root}/node_modules/.bin/tsx`, ['src/readme-example.ts'], {
      cwd: examples,
      encoding: 'utf8',
    });
    expect(out).toMatch(
      /^SEV2: Some customers cannot use the product, and there is no workaround\. Update customers every 30 minutes\.$/m,
    );
    for (const rule of ['no-premature-resolution', 'no-fix-time-promise', 'no-cause-speculation']) {
      expect(out).toMatch(new RegExp(`^\\d+:\\d+ error ${rule}: `, 'm'));
    }
  });
});
