#!/usr/bin/env node
// Runs publint and @arethetypeswrong/cli on every published package's packed tarball.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(root, 'node_modules/.bin', name);
let failed = 0;
for (const name of readdirSync(join(root, 'packages'))) {
  const dir = join(root, 'packages', name);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  if (pkg.private) continue;
  // Every package must resolve for node10, node16 (ESM and CJS) and bundlers.
  for (const [cmd, args] of [
    [bin('publint'), ['--strict', '--pack', 'npm']],
    [
      bin('attw'),
      [
        '--pack',
        '.',
        '--format',
        'table-flipped',
        // Data files (the example runbook, drill scenarios) are exported for reading, not importing.
        '--exclude-entrypoints',
        'runbook.example.yaml',
        'scenarios/*',
        ...(name === 'cli' ? ['--profile', 'node16'] : []),
      ],
    ],
  ]) {
    const r = spawnSync(cmd, args, { cwd: dir, encoding: 'utf8' });
    const ok = r.status === 0;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${pkg.name}: ${cmd.split('/').pop()}`);
    if (!ok) {
      failed++;
      console.log((r.stdout ?? '') + (r.stderr ?? ''));
    }
  }
}
if (failed) {
  console.error(`${failed} package check(s) failed`);
  process.exit(1);
}
