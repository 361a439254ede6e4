import { DuckDBInstance } from '@duckdb/node-api';
import { rmSync } from 'node:fs';
rmSync('/tmp/demo-scratch/probe.duckdb', { force: true }); rmSync('/tmp/demo-scratch/probe.duckdb.wal', { force: true });
const inst = await DuckDBInstance.create('/tmp/demo-scratch/probe.duckdb');
const c = await inst.connect();
await c.run(`create temp table n as select (range // 52)::INTEGER idx, (range % 52)::INTEGER w, (range % 3)::INTEGER line_no, (hash(range) % 350)::INTEGER sku_no, random() * 10 qty from range(5500000)`);
await c.run(`SET VARIABLE skus = (SELECT list('69010' || lpad(range::VARCHAR, 7, '0') ORDER BY range) FROM range(350))`);
await c.run(`SET VARIABLE keys = (SELECT list(strftime(DATE '2025-10-02' + range::INTEGER, '%Y%m%d')) FROM range(364))`);
await c.run(`create temp table s1 as select getvariable('keys')[w * 7 + 1] || '-' || printf('C%08d', idx) oid, printf('C%08d', idx) cid, getvariable('skus')[sku_no + 1] sku, qty, idx, w, line_no from n order by w, idx, line_no`);
await c.run(`create temp table s2 as select * from s1 order by idx, w, line_no`);
for (const [label, q] of [
  ['file-numeric', `create table f0 as select idx, w, line_no, qty from s1`],
  ['file-sku', `create table f1 as select sku from s1`],
  ['file-cid-datemajor', `create table f2 as select cid from s1`],
  ['file-cid-custmajor', `create table f3 as select cid from s2`],
  ['file-oid-datemajor', `create table f4 as select oid from s1`],
  ['file-oid-custmajor', `create table f5 as select oid from s2`],
  ['checkpoint', `checkpoint`],
]) { const t = Date.now(); const r = await c.runAndReadAll(q); console.log(label, Date.now() - t); }
const r = await c.runAndReadAll(`select table_name, column_name, compression, count(*) segs from pragma_storage_info('f2') group by all union all select 'f3', column_name, compression, count(*) from pragma_storage_info('f3') group by all union all select 'f4', column_name, compression, count(*) from pragma_storage_info('f4') group by all union all select 'f5', column_name, compression, count(*) from pragma_storage_info('f5') group by all`);
console.log(r.getRows());
