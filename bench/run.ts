/**
 * Runs every benchmark in turn (`pnpm bench`), each in its own process so one's heap and JIT
 * state cannot skew another's. Pass names to run a subset: `pnpm bench lint coordinator`.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const all = ['lint', 'coordinator', 'delivery', 'postgres', 'cold-start', 'desk'];
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const chosen = wanted.length > 0 ? all.filter((name) => wanted.includes(name)) : all;
const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));

let failed = 0;
for (const name of chosen) {
  console.log(`\n=== bench/${name}.ts ===\n`);
  const r = spawnSync(tsx, [`${here}${name}.ts`], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
