/**
 * @module bench/quality/run
 * `pnpm bench:quality`: lints the labelled corpus of real incident messages and prints, per
 * rule, positives, precision, recall and false-alarm rate, then every miss and false alarm.
 *
 * `--write-thresholds` rewrites `thresholds.json` from the current figures minus a small
 * margin; do it deliberately, in its own commit, when a rule improves.
 * `--quiet` prints the table only.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { FRONT_LINE_ROLES, loadCorpus, meetsBar, scoreCorpus } from './score';
import { type Thresholds, thresholdsFrom } from './thresholds';

const entries = loadCorpus();
const report = scoreCorpus(entries);
const quiet = process.argv.includes('--quiet');

const orgs = new Set(entries.map((e) => e.organisation.toLowerCase()));
const frontLine = entries.filter((e) => FRONT_LINE_ROLES.includes(e.authorRole)).length;
console.log(
  `${entries.length} real messages from ${orgs.size} organisations; ${frontLine} (${Math.round((100 * frontLine) / entries.length)}%) written by support, sales, customer-success or community staff.\n`,
);

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`.padStart(7);
console.log(
  `${'rule'.padEnd(26)} ${'pos'.padStart(4)} ${'neg'.padStart(4)} ${'prec'.padStart(7)} ${'recall'.padStart(7)} ${'FA'.padStart(7)}  bar`,
);
for (const r of report.rules) {
  console.log(
    `${r.ruleId.padEnd(26)} ${String(r.positives).padStart(4)} ${String(r.negatives).padStart(4)} ${pct(r.precision)} ${pct(r.recall)} ${pct(r.falseAlarmRate)}  ${meetsBar(r) ? 'met' : 'NOT MET'}`,
  );
}
const unjudged = Object.entries(report.unjudged);
if (unjudged.length > 0)
  console.log(
    `\nnot judged (counting rules), messages reported: ${unjudged.map(([id, n]) => `${id} ${n}`).join(', ')}`,
  );

if (!quiet) {
  console.log(`\nMisses (${report.misses.length}): labelled positive, not reported`);
  for (const m of report.misses) console.log(`  ${m.id}  ${m.ruleId}  «${m.evidence}»`);
  console.log(`\nFalse alarms (${report.falseAlarms.length}): reported on a message labelled clean`);
  for (const f of report.falseAlarms) console.log(`  ${f.id}  ${f.ruleId}  «${f.span.slice(0, 160)}»`);
}

if (process.argv.includes('--write-thresholds')) {
  const file = new URL('./thresholds.json', import.meta.url);
  const previous = JSON.parse(readFileSync(file, 'utf8')) as Thresholds;
  writeFileSync(file, `${JSON.stringify(thresholdsFrom(report, previous), null, 2)}\n`);
  console.log('\nthresholds.json rewritten from these figures.');
}
