// Export benchmark (npm run bench -- --customers N --export [--reuse]): times
// the exports of the database's latest run (evaluating once if it has none) —
// the results as CSV and as XLSX (retail-value export) and the web's customer
// list workbook — against a baseline measured in the same run: DuckDB's own
// COPY of the same result rows to a CSV file, with no names, labels or
// formatting. Prints each run's times, the medians and the ratios.
import { createWriteStream, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate, exportResults, writeCustomerWorkbook } from '@retail-value/engine';

export async function runExportBench(db, { runs, dir, median, seconds }) {
  let latest = (await db.all('SELECT max(run_id) AS run_id FROM runs'))[0].run_id;
  if (latest === null) latest = (await evaluate(db, { period: '2026Q3' })).runId;
  const customers = (await db.all('SELECT count(*) AS n FROM run_results WHERE run_id = $1', [latest]))[0].n;
  console.log(`exporting run ${latest} (${customers} customers)`);
  const out = (name) => join(dir, `export-bench.${name}`);
  const stages = {
    'copy (baseline)': async () => {
      // COPY takes no parameter for its file: the bench's own path goes in as a quoted literal.
      const file = out('copy.csv').replaceAll("'", "''");
      await db.run(`COPY (SELECT * EXCLUDE (run_id) FROM run_results WHERE run_id = $1 ORDER BY rank, customer_id) TO '${file}' (HEADER)`, [latest]);
      return out('copy.csv');
    },
    'results csv': async () => (await exportResults(db, { runId: latest, format: 'csv', headers: 'zh', out: out('csv') }), out('csv')),
    'results xlsx': async () => (await exportResults(db, { runId: latest, format: 'xlsx', headers: 'zh', out: out('xlsx') }), out('xlsx')),
    'customer list xlsx': async () => {
      const stream = createWriteStream(out('list.xlsx'));
      await writeCustomerWorkbook(db, { user: { username: 'bench', role: 'admin' }, run: { runId: latest }, filter: { sort: 'rank', order: 'asc' }, headers: 'zh', out: stream });
      return out('list.xlsx');
    },
  };
  const times = new Map(Object.keys(stages).map((name) => [name, []]));
  const sizes = new Map();
  for (let run = 0; run < runs; run += 1) {
    const line = [];
    for (const [name, stage] of Object.entries(stages)) {
      const started = performance.now();
      const file = await stage();
      const elapsed = (performance.now() - started) / 1000;
      times.get(name).push(elapsed);
      sizes.set(name, statSync(file).size);
      rmSync(file, { force: true });
      line.push(`${name} ${seconds(elapsed)}`);
    }
    console.log(`run ${run + 1}: ${line.join(', ')}`);
  }
  console.log('');
  console.log(`median of ${runs} runs`);
  const baseline = median(times.get('copy (baseline)'));
  for (const [name, found] of times) {
    const time = median(found);
    console.log(`  ${name.padEnd(20)}${seconds(time).padStart(10)}  ${(sizes.get(name) / 1e6).toFixed(0).padStart(5)} MB  ${(customers / time).toFixed(0).padStart(8)} rows/s  ×${(time / baseline).toFixed(2)}`);
  }
}
