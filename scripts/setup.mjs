#!/usr/bin/env node
/**
 * @module scripts/setup
 * First-run setup for the README's commands, then the named package script on a supported Node.
 *
 *   node scripts/setup.mjs [--with-browser] [--run SCRIPT]
 *
 * 1. Node: the packages are for Node 22 and 24 (Node 20 reached end of life in April 2026, and
 *    pg-boss needs 22.12+). On an older Node, or when `INCIDENT_COMMS_NODE` names another major
 *    version (CI sets 24 for its second pass), the `node` package of that major version is
 *    installed from the npm registry into `node_modules/.cache/node-MAJOR` and everything below
 *    runs on it (its `bin` first on PATH, so child `node` processes use it too).
 * 2. The pinned pnpm's frozen-lockfile install when the lockfile changed.
 * 3. The native SQLite addon compiled from source against that Node's own headers (no prebuilt
 *    binary is downloaded), and recompiled when the Node it was built for changed.
 * 4. The packages built when their output is missing or older than their sources.
 * 5. `pnpm run -s SCRIPT` on that Node.
 *
 * Each step prints one `[setup] …` line; its own output (install log, build log, compiler
 * warnings) is captured and printed only when the step fails.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const MIN_MAJOR = 22;
const args = process.argv.slice(2);
const runIndex = args.indexOf('--run');
const script = runIndex >= 0 ? args[runIndex + 1] : undefined;

const currentMajor = Number(process.versions.node.split('.')[0]);
const wantedMajor = Number(process.env.INCIDENT_COMMS_NODE || Math.max(currentMajor, MIN_MAJOR));
if (!Number.isInteger(wantedMajor) || wantedMajor < MIN_MAJOR) {
  console.error(`[setup] INCIDENT_COMMS_NODE must be a Node major version ≥ ${MIN_MAJOR}`);
  process.exit(2);
}

if (wantedMajor !== currentMajor) reexecOn(wantedMajor);
else setupAndRun();

/** Installs Node `major` from the npm registry (once) and runs this script again on it. */
function reexecOn(major) {
  const prefix = join(root, 'node_modules/.cache', `node-${major}`);
  const bin = join(prefix, 'node_modules/node/bin/node');
  if (!existsSync(bin)) {
    console.log(
      `[setup] Node ${process.versions.node} is not supported; installing Node ${major} from the npm registry…`,
    );
    const r = spawnSync(
      'npm',
      ['install', `node@${major}`, '--prefix', prefix, '--no-save', '--no-package-lock', '--loglevel=error'],
      { stdio: 'inherit' },
    );
    if (r.status !== 0 || !existsSync(bin)) process.exit(r.status || 1);
  }
  // The platform package beside the binary carries the headers native addons compile against.
  const headers = ['node_modules/node/node_modules', 'node_modules']
    .map((dir) => join(prefix, dir))
    .flatMap((dir) => (existsSync(dir) ? readdirSync(dir).map((name) => join(dir, name)) : []))
    .find((dir) => /node-(linux|darwin|win)-/.test(dir) && existsSync(join(dir, 'include/node/node.h')));
  const env = {
    ...process.env,
    INCIDENT_COMMS_NODE: String(major),
    PATH: `${dirname(bin)}${delimiter}${process.env.PATH ?? ''}`,
    ...(headers ? { npm_config_nodedir: headers } : {}),
  };
  const r = spawnSync(bin, [fileURLToPath(import.meta.url), ...args], { stdio: 'inherit', env });
  process.exit(r.status ?? 1);
}

function setupAndRun() {
  // prebuild-install reads its own rc settings from `prebuild-install_*` variables; unlike
  // `npm_config_build_from_source`, npm does not warn about them.
  const env = { ...process.env, 'prebuild-install_buildFromSource': 'true' };
  const pnpm = (...pnpmArgs) => {
    const r = spawnSync(process.execPath, [join(root, 'scripts/pnpm.mjs'), ...pnpmArgs], {
      cwd: root,
      stdio: 'inherit',
      env,
    });
    if (r.status !== 0) process.exit(r.status ?? 1);
  };
  // A setup step's own log (install, build) is shown only when the step fails.
  const pnpmQuiet = (...pnpmArgs) =>
    quietly(process.execPath, [join(root, 'scripts/pnpm.mjs'), ...pnpmArgs], { cwd: root, env });

  if (args.includes('--with-browser'))
    ensureDebianPackage('/usr/bin/chromium', 'chromium', 'the browser test');
  if (args.includes('--with-postgres') && !postgresInstalled())
    ensureDebianPackage(
      '/usr/lib/postgresql',
      'postgresql',
      'the PostgreSQL tests (a throwaway server each)',
    );

  const lock = join(root, 'pnpm-lock.yaml');
  const installed = join(root, 'node_modules/.modules.yaml');
  if (!existsSync(installed) || statSync(lock).mtimeMs > statSync(installed).mtimeMs) {
    console.log('[setup] installing dependencies (pinned pnpm, frozen lockfile)…');
    pnpmQuiet('install', '--frozen-lockfile');
  }

  ensureSqliteAddon(env);

  const stale = readdirSync(join(root, 'packages'))
    .map((name) => join(root, 'packages', name))
    .filter((dir) => {
      const src = newest(join(dir, 'src'));
      if (src === 0) return false;
      const dist = newest(join(dir, 'dist'));
      return dist === 0 || src > dist;
    });
  if (stale.length > 0) {
    console.log('[setup] building packages…');
    pnpmQuiet('run', 'build');
  }

  if (script) pnpm('run', '-s', script);
}

/** spawnSync options that keep a step's output (compiler warnings, build logs) for a failure. */
function captured(cwd, env) {
  return { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 };
}

/** Prints what a captured step wrote, as it wrote it. */
function printCaptured(r) {
  if (r.stdout) process.stdout.write(r.stdout);
  if (r.stderr) process.stderr.write(r.stderr);
  if (r.error) console.error(r.error.message);
}

/** Runs a setup step with its output captured; on failure prints it and exits with its status. */
function quietly(command, commandArgs, { cwd, env }) {
  const r = spawnSync(command, commandArgs, captured(cwd, env));
  if (r.status !== 0) {
    printCaptured(r);
    process.exit(r.status ?? 1);
  }
}

/**
 * better-sqlite3 is compiled from source by its install script. A build for another Node's ABI
 * fails to load: compile it for this Node with npm's own node-gyp, and keep one copy per ABI
 * beside it so switching between Node 22 and 24 (CI does) compiles each only once.
 */
function ensureSqliteAddon(env) {
  const loads = () =>
    spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], {
      cwd: join(root, 'packages/store-sqlite'),
      stdio: 'ignore',
    }).status === 0;
  if (loads()) return;
  const pkg = dirname(
    createRequire(join(root, 'packages/store-sqlite/package.json')).resolve('better-sqlite3/package.json'),
  );
  const addon = join(pkg, 'build/Release/better_sqlite3.node');
  const kept = join(pkg, 'build', `abi-${process.versions.modules}`, 'better_sqlite3.node');
  if (existsSync(kept)) {
    copyFileSync(kept, addon);
    if (loads()) return;
  }
  console.log(`[setup] compiling the SQLite addon for Node ${process.versions.node}…`);
  // Compile against the headers of the Node that runs this script (they sit beside its binary
  // in official and registry builds), not whatever `nodedir` an npmrc names for another Node.
  // (The npm `node` package keeps them in a `node-<os>-<arch>` package beside its own.)
  const home = dirname(dirname(realpathSync(process.execPath)));
  const own = [home, join(home, 'node_modules'), dirname(home)]
    .flatMap((dir) => [dir, ...(existsSync(dir) ? readdirSync(dir).map((name) => join(dir, name)) : [])])
    .find(
      (dir) =>
        (dir === home || /node-(linux|darwin|win)-/.test(dir)) &&
        existsSync(join(dir, 'include/node/node.h')),
    );
  if (own) env.npm_config_nodedir = own;
  const npmRoot = spawnSync('npm', ['root', '-g'], { encoding: 'utf8' }).stdout.trim();
  const gyp = join(npmRoot, 'npm/node_modules/node-gyp/bin/node-gyp.js');
  const r = existsSync(gyp)
    ? spawnSync(process.execPath, [gyp, 'rebuild', '--release', '--jobs=max'], captured(pkg, env))
    : spawnSync('npx', ['-y', 'node-gyp', 'rebuild', '--release', '--jobs=max'], captured(pkg, env));
  if (r.status !== 0 || !loads()) {
    printCaptured(r);
    console.error('[setup] the SQLite addon does not load on this Node; see the compiler output above');
    process.exit(r.status || 1);
  }
  mkdirSync(dirname(kept), { recursive: true });
  copyFileSync(addon, kept);
}

function newest(dir) {
  if (!existsSync(dir)) return 0;
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    max = Math.max(max, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return max;
}

/** Server binaries for the PostgreSQL store's tests, which start their own throwaway cluster. */
function postgresInstalled() {
  if (process.env.PG_BIN && existsSync(join(process.env.PG_BIN, 'initdb'))) return true;
  const debian = '/usr/lib/postgresql';
  return existsSync(debian) && readdirSync(debian).some((v) => existsSync(join(debian, v, 'bin/initdb')));
}

/**
 * Installs a Debian package a test needs when `marker` is missing (as root with apt-get):
 * Debian's Chromium, never a browser a tool downloads itself; Debian's PostgreSQL server.
 */
function ensureDebianPackage(marker, pkg, purpose) {
  if (existsSync(marker) && (pkg !== 'postgresql' || postgresInstalled())) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0;
  if (!isRoot || !apt) {
    console.warn(
      `[setup] ${pkg} is missing: ${purpose} will fail. Install it with \`apt-get install ${pkg}\`.`,
    );
    return;
  }
  console.log(`[setup] installing Debian ${pkg} for ${purpose} (apt-get)…`);
  const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const aptArgs of [
    ['update', '-qq'],
    ['install', '-y', '-qq', '--no-install-recommends', pkg],
  ]) {
    const r = spawnSync('apt-get', aptArgs, { stdio: 'inherit', env: aptEnv });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
}
