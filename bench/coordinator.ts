/**
 * @module bench/coordinator
 * N concurrent incidents with live reminders on a simulated clock (N = 1,000 / 10,000 / 100,000):
 * heap used after GC, the cost of one reminder tick, a re-plan, and a full 30-minute cycle.
 *
 * Run from the repo root: `npx tsx bench/coordinator.ts` (`--sizes=1000,10000` to choose N).
 * Each N runs in its own child process started with `--expose-gc`, so heaps do not mix.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createCoordinator, createSimulatedClock } from '../packages/core/src/coordinator/index';
import type { EventStore } from '../packages/core/src/delivery/store';
import type { IncidentEvent } from '../packages/core/src/incident/index';
import { roleAssignments, testRunbook } from '../packages/core/test/support';

interface Result {
  n: number;
  /** Heap used by the coordinator with N incidents and their reminders, after GC (bytes). */
  heapBytes: number;
  /** Reminders scheduled after set-up. */
  scheduled: number;
  /** Average cost of one dispatch during set-up (µs): parse, reduce, persist, re-plan. */
  dispatchUs: number;
  /** Average cost of re-planning one incident after a severity change (µs), 1,000 samples. */
  replanUs: number;
  /** Reminders fired while advancing the clock through one 30-minute cycle. */
  fired: number;
  /** Wall time of that advance (ms). */
  cycleMs: number;
  /** Average cost of one reminder tick: cycle time / reminders fired (µs). */
  tickUs: number;
  /** Cost of one lone reminder tick with N incidents scheduled (µs, median of 200). */
  loneTickUs: number;
}

const START = '2026-03-03T14:10:00Z';

/** A store that keeps nothing: the numbers are the coordinator's (states and schedule), not a log's. */
function createNullStore(): EventStore<IncidentEvent> {
  const counts = new Map<string, number>();
  return {
    async append(id) {
      const next = (counts.get(id) ?? 0) + 1;
      counts.set(id, next);
      return next;
    },
    async load() {
      return [];
    },
    async recordReminder() {},
    async firedReminders() {
      return [];
    },
    async incidents() {
      return [];
    },
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function measure(n: number): Promise<Result> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run the child with --expose-gc');
  const runbook = testRunbook();
  const roles = roleAssignments();

  const run = async (count: number) => {
    const clock = createSimulatedClock(START);
    const coordinator = createCoordinator({ runbook, clock, store: createNullStore() });
    let fired = 0;
    const count1 = () => {
      fired++;
    };
    coordinator.on('update.due', count1);
    coordinator.on('update.overdue', count1);
    coordinator.on('checkpoint.due', count1);
    // Set-up: N incidents declared across one simulated minute, each with its roles.
    const began = performance.now();
    for (let i = 0; i < count; i++) {
      clock.advanceBy(1 / count);
      const id = `inc-${i}`;
      await coordinator.dispatch(id, {
        type: 'declared',
        actor: 'dana',
        title: 'Card payments failing at checkout',
        incidentType: 'checkout',
        severity: i % 3 === 0 ? 'SEV1' : i % 3 === 1 ? 'SEV2' : 'SEV3',
      });
      await coordinator.dispatch(id, { type: 'roles.assigned', actor: 'dana', roles });
    }
    const setupMs = performance.now() - began;
    return { clock, coordinator, setupMs, fired: () => fired };
  };

  // Warm-up (JIT), discarded.
  {
    const warm = await run(2_000);
    warm.clock.advanceBy(30);
    warm.coordinator.stop();
  }
  gc();
  const baseline = process.memoryUsage().heapUsed;
  const { clock, coordinator, setupMs, fired } = await run(n);
  gc();
  const heapBytes = process.memoryUsage().heapUsed - baseline;
  const scheduled = coordinator.scheduled().length;

  // Lone ticks: an extra incident whose checkpoint trigger is one second ahead, so the next clock
  // advance pops exactly one reminder from a schedule holding 3N; then it is resolved again.
  const loneSamples: number[] = [];
  const isoIn = (seconds: number) => new Date(clock.now() + seconds * 1000).toISOString();
  for (let i = 0; i < 200; i++) {
    const id = `lone-${i}`;
    await coordinator.dispatch(id, {
      type: 'declared',
      actor: 'dana',
      title: 'Sign-in failing',
      incidentType: 'sign-in',
      severity: 'SEV1',
    });
    await coordinator.dispatch(id, { type: 'roles.assigned', actor: 'dana', roles });
    const soon = isoIn(1);
    await coordinator.dispatch(id, {
      type: 'workaround.found',
      actor: 'lee',
      at: soon,
      workaround: 'Use the app.',
    });
    const before = fired();
    const t0 = performance.now();
    clock.advanceBy(1 / 60);
    loneSamples.push(performance.now() - t0);
    if (fired() !== before + 1) throw new Error(`a lone tick fired ${fired() - before} reminders`);
    await coordinator.dispatch(id, {
      type: 'recovery.confirmed',
      actor: 'lee',
      at: soon,
      customerCheck: 'signed in',
    });
    await coordinator.dispatch(id, { type: 'resolved', actor: 'lee', at: soon });
  }

  // Re-plan cost: raise severity on 1,000 incidents.
  const replanBegan = performance.now();
  const samples = Math.min(1_000, n);
  for (let i = 0; i < samples; i++) {
    await coordinator.dispatch(`inc-${(i * 7) % n}`, {
      type: 'severity.set',
      actor: 'lee',
      severity: 'SEV1',
    });
  }
  const replanUs = ((performance.now() - replanBegan) * 1000) / samples;

  // A full cycle: 30 minutes of simulated time; every incident's heads-up, overdue and checkpoint fire.
  const firedBefore = fired();
  const cycleBegan = performance.now();
  clock.advanceBy(30);
  const cycleMs = performance.now() - cycleBegan;
  const firedInCycle = fired() - firedBefore;
  coordinator.stop();

  return {
    n,
    heapBytes,
    scheduled,
    dispatchUs: (setupMs * 1000) / (2 * n),
    replanUs,
    fired: firedInCycle,
    cycleMs,
    tickUs: (cycleMs * 1000) / firedInCycle,
    loneTickUs: median(loneSamples) * 1000,
  };
}

function format(results: Result[]): string {
  const rows = [
    [
      'N',
      'heap MB',
      'B/incident',
      'scheduled',
      'dispatch µs',
      're-plan µs',
      'fired',
      'cycle ms',
      'tick µs',
      'lone tick µs',
    ],
    ...results.map((r) => [
      r.n.toLocaleString('en-US'),
      (r.heapBytes / 1024 / 1024).toFixed(1),
      Math.round(r.heapBytes / r.n).toLocaleString('en-US'),
      r.scheduled.toLocaleString('en-US'),
      r.dispatchUs.toFixed(1),
      r.replanUs.toFixed(1),
      r.fired.toLocaleString('en-US'),
      r.cycleMs.toFixed(1),
      r.tickUs.toFixed(2),
      r.loneTickUs.toFixed(2),
    ]),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  return rows.map((row) => row.map((cell, c) => cell.padStart(widths[c]!)).join('  ')).join('\n');
}

function growth(results: Result[]): string {
  const lines: string[] = [];
  for (let i = 1; i < results.length; i++) {
    const a = results[i - 1]!;
    const b = results[i]!;
    const ratio = (x: number, y: number) => (y / x).toFixed(2);
    lines.push(
      `${a.n.toLocaleString('en-US')} → ${b.n.toLocaleString('en-US')} (×${b.n / a.n}): heap ×${ratio(a.heapBytes, b.heapBytes)}, ` +
        `tick ×${ratio(a.tickUs, b.tickUs)}, lone tick ×${ratio(a.loneTickUs, b.loneTickUs)}, ` +
        `re-plan ×${ratio(a.replanUs, b.replanUs)}, cycle ×${ratio(a.cycleMs, b.cycleMs)}`,
    );
  }
  return lines.join('\n');
}

const child = process.argv.indexOf('--child');
if (child !== -1) {
  const result = await measure(Number(process.argv[child + 1]));
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  const sizes = (process.argv.find((a) => a.startsWith('--sizes='))?.split('=')[1] ?? '1000,10000,100000')
    .split(',')
    .map(Number);
  const self = fileURLToPath(import.meta.url);
  const results: Result[] = [];
  for (const n of sizes) {
    const r = spawnSync(process.execPath, [...process.execArgv, '--expose-gc', self, '--child', String(n)], {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
    if (r.status !== 0) throw new Error(`bench child for N=${n} failed:\n${r.stderr}`);
    results.push(JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Result);
    process.stderr.write(`  N=${n} done\n`);
  }
  console.log(
    'Coordinator: N concurrent incidents, simulated clock, one reminder schedule (min-heap, one timer)',
  );
  console.log(format(results));
  console.log('Growth:');
  console.log(growth(results));
  console.log(
    'tick = 30-min cycle wall time / reminders fired (heads-up, overdue, checkpoint per incident); ' +
      'lone tick = one clock advance that pops one entry; heap excludes the event log (null store).',
  );
}
