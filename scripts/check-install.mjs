#!/usr/bin/env node
// An adopter's install, by the README alone: pack every published package with pnpm, then for
// each one make a new npm project, install its tarball with the tarballs of the @incident-comms
// packages it depends on (nothing else of the workspace), and require and import every entry it
// exports. The CLI also runs `incident-comms init` and `runbook check` on what init wrote.
// Third-party dependencies come from the npm registry, as they would for an adopter.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'incident-comms-install-'));
const tarballs = join(work, 'tarballs');

function run(cmd, args, cwd) {
  const result = spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_loglevel: 'error' },
  });
  if (result.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} (in ${cwd}) failed:\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

// The README's pack command.
run(
  process.execPath,
  ['scripts/pnpm.mjs', '-r', '--filter', './packages/**', 'pack', '--pack-destination', tarballs],
  root,
);

const manifests = new Map(
  readdirSync(join(root, 'packages'))
    .map((dir) => JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8')))
    .filter((pkg) => !pkg.private)
    .map((pkg) => [pkg.name, pkg]),
);
const tarballOf = (pkg) =>
  join(tarballs, `${pkg.name.replace('@', '').replace('/', '-')}-${pkg.version}.tgz`);

/** The package and every @incident-comms package it depends on, transitively (not optional peers). */
function closure(name, seen = new Set()) {
  if (seen.has(name)) return seen;
  seen.add(name);
  for (const dep of Object.keys(manifests.get(name).dependencies ?? {}))
    if (manifests.has(dep)) closure(dep, seen);
  return seen;
}

/** The entries a consumer can load: every `exports` key with import/require conditions. */
const entriesOf = (pkg) =>
  Object.entries(pkg.exports)
    .filter(([, target]) => typeof target === 'object')
    .map(([subpath]) => (subpath === '.' ? pkg.name : `${pkg.name}${subpath.slice(1)}`));

let failed = 0;
for (const [name, pkg] of manifests) {
  const project = join(work, name.replace('@incident-comms/', 'try-'));
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'try-it', private: true }, null, 2));
  const needs = [...closure(name)];
  try {
    run(
      'npm',
      ['install', '--no-audit', '--no-fund', ...needs.map((n) => tarballOf(manifests.get(n)))],
      project,
    );
    for (const entry of entriesOf(pkg)) {
      // Optional peers an entry needs (the SMTP test server's smtp-server) are not installed: a
      // missing optional peer must fail only that entry, with the module's name.
      const optional = Object.keys(pkg.peerDependenciesMeta ?? {});
      const load = (code, ...flags) => {
        const r = spawnSync(process.execPath, [...flags, '-e', code], { cwd: project, encoding: 'utf8' });
        if (r.status === 0) return;
        if (optional.some((peer) => r.stderr.includes(`'${peer}'`))) return;
        throw new Error(`${entry}: ${r.stderr.split('\n').slice(0, 6).join('\n')}`);
      };
      load(`require(${JSON.stringify(entry)})`);
      load(`await import(${JSON.stringify(entry)})`, '--input-type=module');
    }
    if (pkg.bin) {
      run('npx', ['--no-install', 'incident-comms', 'init'], project);
      run('npx', ['--no-install', 'incident-comms', 'runbook', 'check', 'runbook.yaml'], project);
    }
    console.log(`ok  ${name} (tarballs: ${needs.join(', ')})`);
  } catch (error) {
    failed++;
    console.log(`FAIL ${name}: ${error.message}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
