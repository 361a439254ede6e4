// npm run bench -- [--customers N] [--weeks W] [--lines-per-order K (12)] [--runs R] [--reuse] [--clv] [--export]
//
// Generates the demo company at the given size, then times the evaluation
// with the default scheme against a baseline measured in the same run: one
// bare DuckDB aggregate scan (sum of qty and amount grouped by customer) over
// the same order lines. Prints each stage's median and, last, the line
// `evaluation/scan ratio: X`. Each run is deleted once timed (and the database
// checkpointed), so every run and every invocation writes its results into the
// same database, not one grown by the runs before it. With --clv it runs the
// lifetime-value benchmark; with --export it times the exports of the latest run
// instead (export-bench.js).
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { deleteRun, evaluate, generateDemo, openDatabase, refreshOrderSummary } from '@retail-value/engine';

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '1000000' },
    weeks: { type: 'string', default: '52' },
    'lines-per-order': { type: 'string' },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '42' },
    reuse: { type: 'boolean', default: false },
    clv: { type: 'boolean', default: false },
    export: { type: 'boolean', default: false },
    dir: { type: 'string', default: 'bench/results' },
  },
});

const median = (numbers) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const seconds = (value) => `${value.toFixed(3)} s`;

if (values.clv) {
  const { runClvBench } = await import('./clv.js');
  await runClvBench({ customers: Number(values.customers), runs: Number(values.runs) });
  process.exit(0);
}

const customers = Number(values.customers);
// Real orders carry 10–40 lines; 12 a order at every size (at a million customers about 37 orders a
// customer-year, some 415M lines). `--lines-per-order 1.5` makes the thinnest data the target allows (≈ 52M
// lines at a million customers), where the evaluation's per-customer work weighs most against the scan.
const linesPerOrder = values['lines-per-order'] ?? '12';
const runs = Number(values.runs);
mkdirSync(values.dir, { recursive: true });
const file = join(values.dir, `bench-${customers}-${values.weeks}-${linesPerOrder}-${values.seed}.duckdb`);
if (!values.reuse && existsSync(file)) {
  rmSync(file);
  rmSync(`${file}.wal`, { force: true });
}
const db = await openDatabase(file);
const present = await db.all('SELECT count(*) AS n FROM customers');
if (present[0].n === 0) {
  // The generation is one transaction; DuckDB's default memory limit (80 % of the machine) leaves too
  // little beside Node at a million customers, so it spills earlier here, and only here.
  await db.run(`SET memory_limit = '${Math.floor((totalmem() / 2 ** 30) * 0.6)}GB'`);
  console.log(`generating ${customers} customers × ${values.weeks} weeks (${linesPerOrder} lines per order) …`);
  const demo = await generateDemo(db, { customers, weeks: Number(values.weeks), seed: Number(values.seed), linesPerOrder: Number(linesPerOrder) });
  console.log(`generate                ${seconds(demo.seconds)}  (${demo.counts.order_lines} order lines)`);
  console.log(`  of which order summary ${seconds(demo.summarySeconds)}  (built once here; an import refreshes only the days it brings)`);
  await db.run('RESET memory_limit');
}
const lines = (await db.all('SELECT count(*) AS n FROM order_lines'))[0].n;
console.log(`order lines             ${lines}`);
if (values.export) {
  const { runExportBench } = await import('./export-bench.js');
  await runExportBench(db, { runs, dir: values.dir, median, seconds });
  await db.close();
  process.exit(0);
}

const scanTimes = [];
const evaluationTimes = [];
const stepTimes = new Map();
const fingerprints = new Set();
for (let run = 0; run < runs; run += 1) {
  let started = performance.now();
  await db.run('CREATE OR REPLACE TEMP TABLE bench_scan AS SELECT customer_id, sum(qty) AS qty, sum(amount) AS amount FROM order_lines GROUP BY customer_id');
  scanTimes.push((performance.now() - started) / 1000);
  await db.run('DROP TABLE bench_scan');
  started = performance.now();
  const result = await evaluate(db, { period: '2026Q3' });
  evaluationTimes.push((performance.now() - started) / 1000);
  for (const step of result.steps) stepTimes.set(step.step, [...(stepTimes.get(step.step) ?? []), step.seconds]);
  fingerprints.add(result.resultFingerprint);
  console.log(`run ${run + 1}: scan ${seconds(scanTimes.at(-1))}, evaluation ${seconds(evaluationTimes.at(-1))} (${result.customers} customers, ${result.runId}, result ${result.resultFingerprint.slice(0, 12)})`);
  await deleteRun(db, result.runId, { username: null, via: 'bench' });
  await db.run('CHECKPOINT');
}
// What the summary adds to a weekly orders import: refreshing the last week's days (the import's
// own checks and writes come on top; docs/data-formats.md "Speed").
const lastWeek = (await db.all(`SELECT CAST(max(order_date) - 6 AS VARCHAR) AS "from", CAST(max(order_date) AS VARCHAR) AS "to" FROM order_lines`))[0];
const refreshTimes = [];
for (let run = 0; run < runs; run += 1) refreshTimes.push((await refreshOrderSummary(db, lastWeek)).seconds);
console.log('');
console.log(`median of ${runs} runs`);
console.log(`  summary, one week     ${seconds(median(refreshTimes))}  (${lastWeek.from} … ${lastWeek.to}, refreshed as a weekly orders import does)`);
console.log(`  bare scan             ${seconds(median(scanTimes))}`);
for (const [step, times] of stepTimes) console.log(`  evaluate: ${step.padEnd(12)}${seconds(median(times))}`);
console.log(`  evaluation (total)    ${seconds(median(evaluationTimes))}`);
await db.close();
console.log(`same result in every run: ${fingerprints.size === 1 ? 'yes' : `no (${fingerprints.size} different fingerprints)`}`);
console.log(`evaluation/scan ratio: ${(median(evaluationTimes) / median(scanTimes)).toFixed(2)}`);
