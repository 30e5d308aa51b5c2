/**
 * Each new channel's README example really runs: its first `ts` block, run with tsx against the
 * built packages from the examples workspace (as an adopter would), prints what its comment says.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe.each([
  ['channel-webhook', 'Investigating: card payments failing at checkout'],
  ['channel-teams', '1 1'],
  ['channel-statuspage', "resolved { '8kbf7d35c070': 'operational' }"],
])('packages/%s README example', (name, printed) => {
  it('runs and prints what it promises', () => {
    const readme = readFileSync(join(root, 'packages', name, 'README.md'), 'utf8');
    const code = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(code).toBeDefined();
    const file = join(root, 'examples', `.readme-${name}.mts`);
    writeFileSync(file, code!);
    try {
      const out = execFileSync(join(root, 'node_modules/.bin/tsx'), [file], {
        cwd: join(root, 'examples'),
        encoding: 'utf8',
      });
      expect(out.trim()).toBe(printed);
    } finally {
      rmSync(file, { force: true });
    }
  });
});
