// Times `importFile` on the files bench/generate-orders.js writes, next to a
// bare DuckDB `SELECT count(*) FROM read_csv(...)` of the same orders file
// and a plain `CREATE TABLE … AS SELECT * FROM read_csv(...)` (DuckDB's own
// load, without checks, codes or upsert).
// Run `npm run build` first (this script uses the compiled packages).
//
//   node bench/generate-orders.js --lines 10000000 --out /tmp/rv-bench
//   node bench/import-orders.js --dir /tmp/rv-bench [--check-rows] [--gbk] [--xlsx 1000000]
import { createReadStream, createWriteStream } from 'node:fs';
import { appendFile, copyFile, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { importFile, openDatabase, previewImport } from '@retail-value/engine';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: '/tmp/rv-bench' },
    'check-rows': { type: 'boolean', default: false },
    gbk: { type: 'boolean', default: false },
    xlsx: { type: 'string' },
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
  const plain = await timed('plain DuckDB load, no checks (CTAS)', () =>
    db.run('CREATE TABLE bench_plain_load AS SELECT * FROM read_csv($1, header = true, all_varchar = true)', [orders]),
  );
  report(plain, lines);
  await db.run('DROP TABLE bench_plain_load');
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
  if (values.gbk) {
    // The same lines under a Chinese header in GBK: the whole file is then read as
    // GB18030 and decoded to a temporary UTF-8 copy before DuckDB reads it.
    const gbk = join(dir, 'orders-gbk.csv');
    const header = Buffer.from([0xb6, 0xa9, 0xb5, 0xa5, 0xba, 0xc5]); // 订单号
    const body = createReadStream(orders, { start: 'order_id'.length });
    const out = createWriteStream(gbk);
    out.write(header);
    for await (const chunk of body) if (!out.write(chunk)) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
    const result = await timed('import orders from GBK (replace every line)', () => importFile(db, { kind: 'orders', path: gbk }));
    report(result, lines);
    await rm(gbk);
  }

  if (values.xlsx !== undefined) {
    // The first N lines as an .xlsx sheet (Excel holds at most 1,048,575 data rows).
    const count = Number(values.xlsx);
    const xlsx = join(dir, 'orders.xlsx');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsx });
    const sheet = workbook.addWorksheet('订单');
    let written = -1;
    for await (const line of createInterface({ input: createReadStream(orders) })) {
      if (written >= count) break;
      const cells = line.split(',');
      sheet.addRow(written < 0 ? cells : [cells[0], cells[1], new Date(`${cells[2]}T00:00:00Z`), cells[3], Number(cells[4]), Number(cells[5])]).commit();
      written += 1;
    }
    await workbook.commit();
    const result = await timed(`import orders from XLSX (${count} lines)`, () => importFile(db, { kind: 'orders', path: xlsx }));
    report(result, count);
    await rm(xlsx);
  }
} finally {
  await db.close();
}
