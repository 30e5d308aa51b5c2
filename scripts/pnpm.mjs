#!/usr/bin/env node
// Runs the pinned pnpm (package.json "packageManager") through npx, so a fresh machine with
// only Node and npm needs nothing else. corepack is not used: it downloads pnpm from outside the npm registry.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { packageManager } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const args = ['-y', packageManager, ...process.argv.slice(2)];
const result = spawnSync('npx', args, {
  cwd: process.cwd() || root,
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
process.exit(result.status ?? 1);
