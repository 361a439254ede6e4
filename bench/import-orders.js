// Times `importFile` on the files bench/generate-orders.js writes, next to a
// bare DuckDB `SELECT count(*) FROM read_csv(...)` of the same orders file.
// Run `npm run build` first (this script uses the compiled packages).
//
//   node bench/generate-orders.js --lines 10000000 --out /tmp/rv-bench
//   node bench/import-orders.js --dir /tmp/rv-bench
import { appendFile, copyFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { importFile, openDatabase, previewImport } from '@retail-value/engine';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: '/tmp/rv-bench' },
    'check-rows': { type: 'boolean', default: false },
  },
});
const dir = values.dir;
const dbPath = join(dir, 'bench.duckdb');
await rm(dbPath, { force: true });
await rm(`${dbPath}.wal`, { force: true });
const db = await openDatabase(dbPath);

async function timed(label, work) {
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  return { label, seconds, result };
}

function report({ label, seconds }, lines) {
  console.log(`${label.padEnd(44)} ${seconds.toFixed(2).padStart(7)} s  ${Math.round(lines / seconds).toLocaleString('en-US').padStart(12)} lines/s`);
}

try {
  await importFile(db, { kind: 'customers', path: join(dir, 'customers.csv') });
  await importFile(db, { kind: 'products', path: join(dir, 'products.csv') });
  const orders = join(dir, 'orders.csv');

  const bare = await timed('bare SELECT count(*) FROM read_csv', () =>
    db.all('SELECT count(*) AS n FROM read_csv($1, header = true, all_varchar = true)', [orders]),
  );
  const lines = Number(bare.result[0].n);
  report(bare, lines);
  const first = await timed('import orders (empty table)', () => importFile(db, { kind: 'orders', path: orders }));
  report(first, lines);
  const again = await timed('import orders again (replace every line)', () => importFile(db, { kind: 'orders', path: orders }));
  report(again, lines);
  console.log(`rows ${first.result.rows}, inserted ${first.result.inserted}, then updated ${again.result.updated}`);

  if (values['check-rows']) {
    // One bad line after all the good ones: its reported row must be lines + 2.
    const bad = join(dir, 'orders-last-bad.csv');
    await copyFile(orders, bad);
    await appendFile(bad, 'Z1,C00000000,2024-02-30,6901000000000,1,1\n');
    const preview = await timed('preview orders with one bad last line', () => previewImport(db, { kind: 'orders', path: bad }));
    report(preview, lines + 1);
    const [found] = preview.result.issues;
    console.log(`issue reported at row ${found?.row} (expected ${lines + 2}): ${found?.row === lines + 2 ? 'ok' : 'WRONG'}`);
    await rm(bad);
  }
} finally {
  await db.close();
}
