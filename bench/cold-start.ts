/**
 * @module bench/cold-start
 * What a short-lived process (a CLI check, a CI step, a serverless handler) pays for the
 * library: a fresh Node process that imports @incident-comms/core (the built package) and lints
 * one message, against a bare `node -e ''`, run alternately in one run, median of 15 each.
 * Rows for the heaviest dependencies alone show where the time goes. Target: at most 2x bare.
 *
 * Run from the repo root after a build: `npx tsx bench/cold-start.ts`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const coreDir = join(root, 'packages/core');
const dist = join(coreDir, 'dist/index.js');
if (!existsSync(dist)) throw new Error(`Build first (node scripts/pnpm.mjs run build): ${dist} is missing`);

const RUNS = 15;
const MESSAGE =
  'Card payments at checkout are failing for some customers. Engineers are working on it. Next update by 2:30 PM ET.';
const LINT_ONE = [
  `const core = await import(${JSON.stringify(pathToFileURL(dist).href)});`,
  `core.lintMessage(${JSON.stringify(MESSAGE)}, { kind: 'update', audience: 'customer', now: '2026-03-09T18:00:00Z', nextUpdateDue: '2026-03-09T18:30:00Z', timeZone: 'America/New_York' });`,
].join('\n');

const cases: ReadonlyArray<readonly [string, string]> = [
  ["bare node -e ''", ''],
  ['import core + lint one message', LINT_ONE],
  ['  zod alone', "await import('zod');"],
  ['  yaml alone', "await import('yaml');"],
  ['  chrono-node/en alone', "await import('chrono-node/en');"],
  ['  date-fns-tz root (not imported by core)', "await import('date-fns-tz');"],
];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** Wall-clock milliseconds of one whole process, spawn to exit. */
function processMs(code: string): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
    cwd: coreDir,
    encoding: 'utf8',
  });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`process failed: ${r.stderr}`);
  return ms;
}

// Alternate the cases run by run, so a busy moment on the machine hits them all alike.
const times = cases.map(() => [] as number[]);
for (let i = 0; i < RUNS; i++) {
  cases.forEach(([, code], c) => {
    times[c]!.push(processMs(code));
  });
}

const bare = median(times[0]!);
console.log(
  `Cold start: whole processes, median of ${RUNS} each, alternated in one run (${process.version}).\n`,
);
console.log(`${'process'.padEnd(44)}${'ms'.padStart(8)}${'x bare'.padStart(9)}`);
cases.forEach(([name], c) => {
  const ms = median(times[c]!);
  console.log(`${name.padEnd(44)}${ms.toFixed(1).padStart(8)}${(ms / bare).toFixed(2).padStart(9)}`);
});
const core = median(times[1]!);
console.log(
  `\nTarget: import core + lint one message <= 2x bare node (${(core / bare).toFixed(2)}x: ${core <= 2 * bare ? 'met' : 'MISSED'}).`,
);
