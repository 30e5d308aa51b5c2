#!/usr/bin/env node
/**
 * @module scripts/test-timezones
 * Runs the test suite once per server time zone (`TZ`) and fails unless every run passes with
 * the same per-test results. Output must never depend on the server's own zone (issue 3).
 *
 * Usage: node scripts/test-timezones.mjs [vitest filters…]   (default: packages/core/src)
 * Env:   TEST_TIMEZONES="UTC,America/Los_Angeles,Asia/Kolkata" to choose the zones.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const zones = (process.env.TEST_TIMEZONES ?? 'America/Los_Angeles,Asia/Kolkata,UTC')
  .split(',')
  .map((zone) => zone.trim())
  .filter(Boolean);
if (zones.length === 0) {
  console.error('TEST_TIMEZONES names no time zone');
  process.exit(2);
}
const filters = process.argv.slice(2);
const targets = filters.length > 0 ? filters : ['packages/core/src'];
const outDir = mkdtempSync(join(tmpdir(), 'test-timezones-'));

/** Runs vitest under one TZ; returns Map(test id → status) and whether vitest itself succeeded. */
function runUnder(zone) {
  const outputFile = join(outDir, `${zone.replace(/[^A-Za-z0-9]+/g, '_')}.json`);
  const started = Date.now();
  const run = spawnSync(
    'npx',
    ['vitest', 'run', ...targets, '--reporter=json', `--outputFile=${outputFile}`],
    { cwd: root, env: { ...process.env, TZ: zone }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let report;
  try {
    report = JSON.parse(readFileSync(outputFile, 'utf8'));
  } catch {
    process.stderr.write(`${run.stdout ?? ''}${run.stderr ?? ''}`);
    throw new Error(`TZ=${zone}: vitest wrote no JSON report (exit ${run.status})`);
  }
  const statuses = new Map();
  for (const file of report.testResults ?? []) {
    const path = file.name.startsWith(root) ? file.name.slice(root.length) : file.name;
    if ((file.assertionResults ?? []).length === 0 && file.status === 'failed') {
      statuses.set(`${path} (file)`, `failed: ${file.message ?? 'could not run'}`);
    }
    for (const test of file.assertionResults ?? []) {
      statuses.set(`${path} > ${test.fullName}`, test.status);
    }
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `TZ=${zone}: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ` +
      `${report.numPendingTests + report.numTodoTests} skipped (${seconds}s)`,
  );
  return { statuses, ok: run.status === 0 && report.success === true };
}

const runs = zones.map((zone) => ({ zone, ...runUnder(zone) }));
rmSync(outDir, { recursive: true, force: true });

const problems = [];
for (const run of runs) {
  if (!run.ok) problems.push(`TZ=${run.zone}: the run failed`);
  for (const [id, status] of run.statuses) {
    if (status !== 'passed' && status !== 'skipped' && status !== 'pending' && status !== 'todo') {
      problems.push(`TZ=${run.zone}: ${status}: ${id}`);
    }
  }
}
const [first, ...others] = runs;
for (const other of others) {
  const ids = new Set([...first.statuses.keys(), ...other.statuses.keys()]);
  for (const id of ids) {
    const a = first.statuses.get(id) ?? 'missing';
    const b = other.statuses.get(id) ?? 'missing';
    if (a !== b) problems.push(`differs: ${id}: TZ=${first.zone} ${a}, TZ=${other.zone} ${b}`);
  }
}

if (problems.length > 0) {
  console.error(`\n${problems.length} problem(s) across server time zones:`);
  for (const line of problems.slice(0, 50)) console.error(`  - ${line}`);
  if (problems.length > 50) console.error(`  … and ${problems.length - 50} more`);
  process.exit(1);
}
console.log(
  `Identical results under ${zones.map((zone) => `TZ=${zone}`).join(', ')}: ${first.statuses.size} tests.`,
);
