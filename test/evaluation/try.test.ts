import { test } from 'vitest';
import { openDatabase, evaluate } from '@retail-value/engine';
import { seedSmallCompany } from './small-company.js';
test('try', async () => {
  const db = await openDatabase(':memory:');
  await seedSmallCompany(db);
  const r = await evaluate(db, { period: '2026Q3' });
  console.log(r);
  console.log(await db.all('SELECT value_cell, service_class, count(*) n FROM run_results GROUP BY ALL ORDER BY ALL'));
  console.log(JSON.stringify(await db.all('SELECT * FROM run_results LIMIT 2')));
});
