// Runs one evaluation (default scheme, 2026Q3) on an existing database and prints every
// statement that took longer than 50 ms, with its time, then the steps and the fingerprint.
// Run `npm run build` first (this script uses the compiled packages).
//
//   TZ=Asia/Shanghai node bench/profile-evaluation.js bench/results/bench-1000000-52-12-42.duckdb
import { evaluate, openDatabase } from '@retail-value/engine';

const file = process.argv[2];
if (file === undefined) {
  console.error('usage: node bench/profile-evaluation.js DATABASE [PERIOD]');
  process.exit(2);
}
const db = await openDatabase(file);
const timed = (method) => async (sql, params, ...rest) => {
  const started = performance.now();
  try {
    return await db[method](sql, params, ...rest);
  } finally {
    const seconds = (performance.now() - started) / 1000;
    if (seconds > 0.05) console.log(`${seconds.toFixed(3).padStart(8)} s  ${sql.replace(/\s+/g, ' ').trim().slice(0, 140)}`);
  }
};
const traced = new Proxy(db, {
  get(target, property) {
    if (property === 'run' || property === 'all') return timed(property);
    const value = target[property];
    return typeof value === 'function' ? value.bind(target) : value;
  },
});
const started = performance.now();
const result = await evaluate(traced, { period: process.argv[3] ?? '2026Q3' });
console.log(`total ${((performance.now() - started) / 1000).toFixed(2)} s  ${result.steps.map((step) => `${step.step} ${step.seconds.toFixed(2)}`).join(', ')}`);
console.log(`${result.runId}: ${result.customers} customers, result ${result.resultFingerprint.slice(0, 12)}`);
await db.close();
