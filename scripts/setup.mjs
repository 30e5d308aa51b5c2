#!/usr/bin/env node
// First-run setup for the README's two commands: installs the pinned pnpm's frozen lockfile
// and builds the packages when their output is missing or older than their sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// Native addons (better-sqlite3) compile against the local Node headers instead of trying to
// download a prebuilt binary: nothing but the package registries is reached.
const env = { ...process.env, npm_config_build_from_source: 'true' };
const pnpm = (...args) => {
  const r = spawnSync(process.execPath, [join(root, 'scripts/pnpm.mjs'), ...args], {
    cwd: root,
    stdio: 'inherit',
    env,
  });
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

// The browser test drives Debian's Chromium; never a browser a tool downloads itself.
if (process.argv.includes('--with-browser') && !existsSync('/usr/bin/chromium')) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0;
  if (isRoot && apt) {
    console.log('[setup] installing Debian chromium for the browser test (apt-get)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    for (const args of [
      ['update', '-qq'],
      ['install', '-y', '-qq', '--no-install-recommends', 'chromium'],
    ]) {
      const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
      if (r.status !== 0) process.exit(r.status ?? 1);
    }
  } else {
    console.warn(
      '[setup] /usr/bin/chromium is missing: the browser test will fail. Install it with `apt-get install chromium`.',
    );
  }
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
