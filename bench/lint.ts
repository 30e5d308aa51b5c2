/**
 * @module bench/lint
 * Lints the shared synthetic corpus (2,000 updates, seed 20240601) with our linter,
 * write-good and alex in one run: throughput, per-tag recall, and cold import time.
 *
 * Run from the repo root: `npx tsx bench/lint.ts` (`--passes=N` to change the 5 timed passes).
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { text as alexText } from 'alex';
import { type LintContext, lintMessage } from '../packages/core/src/lint/index';

interface CorpusItem {
  id: number;
  text: string;
  tags: string[];
}

// write-good is CommonJS without type declarations.
const writeGood = createRequire(import.meta.url)('write-good') as (text: string) => unknown[];

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const passes = Number(process.argv.find((a) => a.startsWith('--passes='))?.split('=')[1] ?? 5);

function loadCorpus(): CorpusItem[] {
  const generator = resolve(root, '../shared/bench/gen-corpus.mjs');
  if (!existsSync(generator))
    throw new Error(`Corpus generator not found at ${generator} (shared/ must sit beside the repo)`);
  const r = spawnSync(process.execPath, [generator, '2000', '20240601'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`gen-corpus failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as CorpusItem[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

// One warm-up pass, then `passes` timed passes; each pass calls `fn` once per message.
function timePasses(texts: readonly string[], fn: (text: string) => unknown): number {
  let sink = 0;
  for (const t of texts) sink += fn(t) === undefined ? 0 : 1;
  const times: number[] = [];
  for (let p = 0; p < passes; p++) {
    const t0 = performance.now();
    for (const t of texts) sink += fn(t) === undefined ? 0 : 1;
    times.push(performance.now() - t0);
  }
  if (sink < 0) console.log(sink); // keeps the calls observable
  return median(times);
}

function coldStart(code: string, runs = 9): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ['-e', code], { cwd: root, encoding: 'utf8' });
    times.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`cold start failed for ${code}: ${r.stderr}`);
  }
  return median(times);
}

const context: LintContext = { kind: 'update', audience: 'customer' };
const corpus = loadCorpus();
const texts = corpus.map((c) => c.text);
const n = texts.length;

console.log(`Corpus: ${n} messages (seed 20240601), context ${JSON.stringify(context)}`);
console.log(`One core, warm, median of ${passes} passes, one call per message.\n`);

const ours = timePasses(texts, (t) => lintMessage(t, context));
const wg = timePasses(texts, (t) => writeGood(t));
const alex = timePasses(texts, (t) => alexText(t).messages);

const row = (name: string, ms: number) => {
  const perMsg = ms / n;
  return [name, Math.round(n / (ms / 1000)).toLocaleString('en-US'), perMsg.toFixed(4), (wg / ms).toFixed(1)];
};
const table = [
  ['linter', 'messages/s', 'ms/message', 'x write-good'],
  row('incident-comms lintMessage', ours),
  row('write-good 1.0.8', wg),
  row('alex 11.0.1', alex),
];
const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
for (const r of table)
  console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
const ratio = wg / ours;
const perMsg = ours / n;
console.log(
  `\nTargets: >=10x write-good (${ratio.toFixed(1)}x: ${ratio >= 10 ? 'met' : 'MISSED'}), <0.05 ms/message warm (${perMsg.toFixed(4)}: ${perMsg < 0.05 ? 'met' : 'MISSED'})`,
);

// Cold import: a fresh node process importing the built package vs a bare node start.
const dist = join(root, 'packages/core/dist/index.js');
const bare = coldStart('0');
console.log(`\nCold start (median of 9 fresh processes): bare node ${bare.toFixed(1)} ms`);
const importCost = (label: string, specifier: string) => {
  const ms = coldStart(`import(${JSON.stringify(specifier)})`);
  console.log(`  ${label.padEnd(30)} ${ms.toFixed(1)} ms  (+${(ms - bare).toFixed(1)} ms)`);
};
if (existsSync(dist)) importCost('@incident-comms/core (dist)', pathToFileURL(dist).href);
else console.log('  @incident-comms/core: packages/core/dist/index.js not built (run `pnpm build`); skipped');
importCost('write-good', 'write-good');
importCost('alex', 'alex');

// Recall per corpus tag: share of tagged messages where the matching rule fired. The
// generator tags the stock-apology filler as "vague", so that tag counts either rule.
const TAG_RULES: Record<string, readonly string[]> = {
  vague: ['no-vague-language', 'no-boilerplate-apology'],
  'guessed-cause': ['no-cause-speculation'],
  'promised-fix': ['no-fix-time-promise'],
  'resolved-claim': ['no-premature-resolution'],
  overclaim: ['scope-accuracy'],
  credit: ['no-compensation-offer'],
  'no-next-update': ['next-update-time'],
  'long-sentence': ['sentence-length'],
};
const tagged = new Map<string, { total: number; hit: number }>();
const firedWithoutTag = new Map<string, number>();
let withError = 0;
let diagnostics = 0;
for (const item of corpus) {
  const ds = lintMessage(item.text, context);
  diagnostics += ds.length;
  if (ds.some((d) => d.severity === 'error')) withError++;
  const fired = new Set(ds.map((d) => d.ruleId));
  for (const [tag, rules] of Object.entries(TAG_RULES)) {
    if (!item.tags.includes(tag)) continue;
    const entry = tagged.get(tag) ?? { total: 0, hit: 0 };
    entry.total++;
    if (rules.some((r) => fired.has(r))) entry.hit++;
    tagged.set(tag, entry);
  }
  for (const rule of fired) {
    const tags = Object.entries(TAG_RULES)
      .filter(([, rules]) => rules.includes(rule))
      .map(([tag]) => tag);
    if (tags.length > 0 && !tags.some((t) => item.tags.includes(t)))
      firedWithoutTag.set(rule, (firedWithoutTag.get(rule) ?? 0) + 1);
  }
}
console.log('\nRecall per corpus tag (rule fired on a tagged message):');
for (const [tag, { total, hit }] of tagged) {
  console.log(
    `  ${tag.padEnd(15)} ${String(hit).padStart(4)}/${String(total).padEnd(4)} ${((100 * hit) / total).toFixed(1)}%  (${TAG_RULES[tag]!.join(' | ')})`,
  );
}
console.log(
  '\nRule fired on messages without the matching tag (not necessarily wrong: e.g. a confirmed-sounding cause with no facts given):',
);
for (const [rule, count] of firedWithoutTag) console.log(`  ${rule.padEnd(24)} ${count}`);
console.log(`\nMessages with at least one error: ${withError}/${n}; diagnostics in total: ${diagnostics}`);
