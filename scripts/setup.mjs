#!/usr/bin/env node
// First-run setup for the README's two commands: installs the pinned pnpm's frozen lockfile
// and builds the packages when their output is missing or older than their sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pnpm = (...args) => {
  const r = spawnSync(process.execPath, [join(root, 'scripts/pnpm.mjs'), ...args], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

function newest(dir) {
  if (!existsSync(dir)) return 0;
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    max = Math.max(max, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return max;
}

const lock = join(root, 'pnpm-lock.yaml');
const installed = join(root, 'node_modules/.modules.yaml');
if (!existsSync(installed) || statSync(lock).mtimeMs > statSync(installed).mtimeMs) {
  console.log('[setup] installing dependencies (pinned pnpm, frozen lockfile)…');
  pnpm('install', '--frozen-lockfile');
}

const buildables = readdirSync(join(root, 'packages')).map((name) => join(root, 'packages', name));
const stale = buildables.filter((dir) => {
  const src = newest(join(dir, 'src'));
  if (src === 0) return false;
  const dist = newest(join(dir, 'dist'));
  return dist === 0 || src > dist;
});
if (stale.length > 0) {
  console.log('[setup] building packages…');
  pnpm('run', 'build');
}
