import { beforeAll, describe, expect, it } from 'vitest';
import { VALUE_CELLS } from '@retail-value/core';
import { compareRuns, computeAwards, evaluate, listAwards, loadRun, openDatabase, type Database, type RunComparison } from '@retail-value/engine';
import { seedSmallCompany } from '../evaluation/small-company.js';

interface ResultRow {
  customer_id: string;
  value_cell: string;
  service_class: string;
  composite_score: number;
  rank: number;
  dimension_scores: number[];
}

let db: Database;
let earlier: string;
let later: string;
let comparison: RunComparison;
const rows = new Map<string, Map<string, ResultRow>>();

async function resultRows(runId: string): Promise<Map<string, ResultRow>> {
  const found = await db.all<ResultRow & Record<string, unknown>>(
    'SELECT customer_id, value_cell, service_class, composite_score, rank, dimension_scores FROM run_results WHERE run_id = $1',
    [runId],
  );
  return new Map(found.map((row) => [row.customer_id, row]));
}

beforeAll(async () => {
  db = await openDatabase(':memory:');
  await seedSmallCompany(db);
  earlier = (await evaluate(db, { period: '2026Q3', asOf: '2026-08-31' })).runId;
  // Between the runs one customer closes (it leaves) and a new licence starts ordering (it enters).
  await db.run(`UPDATE customers SET status = 'closed', status_date = DATE '2026-06-15' WHERE customer_id = 'C0059'`);
  await db.run(`
    INSERT INTO customers (customer_id, license_no, name, format, market, district, route, manager_id, license_date, status, credit_grade, order_cycle)
    VALUES ('C0100', '440100000100', '新商户', 'Z', 'urban', '东城区', 'R1', 'M1', DATE '2026-06-20', 'normal', 'A', 'weekly')`);
  await db.run(`
    INSERT INTO order_lines (order_id, customer_id, order_date, sku, qty, amount, qty_demand, qty_limit)
    SELECT 'N' || w, 'C0100', DATE '2026-07-01' + (w * 7)::INTEGER, 'P001', 4.0, 4.0 * 90.0 * 1.12, NULL, NULL FROM range(13) t(w)`);
  later = (await evaluate(db, { period: '2026Q3' })).runId;
  rows.set(earlier, await resultRows(earlier));
  rows.set(later, await resultRows(later));
  comparison = await compareRuns(db, earlier, later);
});

describe('compareRuns', () => {
  it('counts value-cell and class transitions as the two runs’ rows say', () => {
    const before = rows.get(earlier)!;
    const after = rows.get(later)!;
    const cellCounts = new Map<string, number>();
    const classCounts = new Map<string, number>();
    for (const [customer, row] of before) {
      const next = after.get(customer);
      if (next === undefined) continue;
      cellCounts.set(`${row.value_cell}>${next.value_cell}`, (cellCounts.get(`${row.value_cell}>${next.value_cell}`) ?? 0) + 1);
      classCounts.set(`${row.service_class}>${next.service_class}`, (classCounts.get(`${row.service_class}>${next.service_class}`) ?? 0) + 1);
    }
    const { valueCells, serviceClasses } = comparison;
    expect(valueCells.from).toEqual([...VALUE_CELLS]);
    expect(valueCells.to).toEqual([...VALUE_CELLS]);
    valueCells.from.forEach((from, i) => valueCells.to.forEach((to, j) => expect(valueCells.counts[i]![j], `${from}>${to}`).toBe(cellCounts.get(`${from}>${to}`) ?? 0)));
    expect(serviceClasses.from).toEqual(['core', 'important', 'regular']);
    serviceClasses.from.forEach((from, i) =>
      serviceClasses.to.forEach((to, j) => expect(serviceClasses.counts[i]![j], `${from}>${to}`).toBe(classCounts.get(`${from}>${to}`) ?? 0)),
    );
    // The matrices are not trivial: somebody changed cell between the two windows.
    expect(valueCells.stayed).toBeLessThan(comparison.customers.both);
  });

  it('counts customers in only one run as entered or left, outside the matrix', () => {
    const before = rows.get(earlier)!;
    const after = rows.get(later)!;
    expect(comparison.customers).toEqual({ both: 59, entered: 1, left: 1 });
    expect(before.has('C0059') && !after.has('C0059')).toBe(true);
    expect(comparison.valueCells.left[before.get('C0059')!.value_cell]).toBe(1);
    expect(comparison.serviceClasses.entered[after.get('C0100')!.service_class]).toBe(1);
    expect(Object.values(comparison.valueCells.entered).reduce((sum, n) => sum + n, 0)).toBe(1);
  });

  it('gives row shares that sum to 1, and stability as the diagonal share', () => {
    for (const matrix of [comparison.valueCells, comparison.serviceClasses]) {
      matrix.rowShares.forEach((shares, i) => {
        const total = matrix.counts[i]!.reduce((sum, n) => sum + n, 0);
        if (total === 0) expect(shares.every((share) => share === null)).toBe(true);
        else expect(shares.reduce((sum, share) => sum! + share!, 0)).toBeCloseTo(1, 12);
      });
    }
    const before = rows.get(earlier)!;
    const after = rows.get(later)!;
    const both = [...before.keys()].filter((customer) => after.has(customer));
    const sameCell = both.filter((customer) => before.get(customer)!.value_cell === after.get(customer)!.value_cell).length;
    const sameClass = both.filter((customer) => before.get(customer)!.service_class === after.get(customer)!.service_class).length;
    expect(comparison.valueCells.stability).toBeCloseTo(sameCell / both.length, 12);
    expect(comparison.serviceClasses.stability).toBeCloseTo(sameClass / both.length, 12);
  });

  it('lists exactly the customers whose cell or class changed, largest composite change first', async () => {
    const before = rows.get(earlier)!;
    const after = rows.get(later)!;
    const expected = [...before.keys()].filter((customer) => {
      const next = after.get(customer);
      return next !== undefined && (next.value_cell !== before.get(customer)!.value_cell || next.service_class !== before.get(customer)!.service_class);
    });
    const { movers } = comparison;
    expect(movers.map((mover) => mover.customerId).sort()).toEqual(expected.sort());
    expect(comparison.moverCount.total).toBe(movers.length);
    expect(comparison.moverCount.up + comparison.moverCount.down + comparison.moverCount.across).toBe(movers.length);
    for (let index = 1; index < movers.length; index += 1) {
      const previous = movers[index - 1]!;
      const current = movers[index]!;
      const order = Math.abs(previous.compositeChange) - Math.abs(current.compositeChange);
      expect(order > 0 || (order === 0 && previous.customerId < current.customerId)).toBe(true);
    }
    const classOrder = ['core', 'important', 'regular'];
    for (const mover of movers) {
      const change = classOrder.indexOf(mover.fromClass) - classOrder.indexOf(mover.toClass);
      expect(mover.classMove).toBe(change > 0 ? 'up' : change < 0 ? 'down' : 'none');
      expect(mover.direction).toBe(mover.classMove !== 'none' ? mover.classMove : mover.cellMove !== 'none' ? mover.cellMove : 'across');
      if (mover.fromCell === 'low_value' && mover.toCell !== 'low_value') expect(mover.cellMove).toBe('up');
      if (mover.fromCell === 'value' && mover.toCell !== 'value') expect(mover.cellMove).toBe('down');
    }
    const limited = await compareRuns(db, earlier, later, { moverLimit: 3 });
    expect(limited.movers).toEqual(movers.slice(0, 3));
    expect(limited.moverCount).toEqual(comparison.moverCount);
  });

  it("names each mover's most changed dimension from the stored dimension scores", async () => {
    const codesBefore = (await loadRun(db, earlier)).frozen.dimensions.map((dimension) => dimension.code as string);
    const codesAfter = (await loadRun(db, later)).frozen.dimensions.map((dimension) => dimension.code as string);
    expect(comparison.dimensions.map((dimension) => dimension.code)).toEqual(codesAfter.filter((code) => codesBefore.includes(code)));
    expect(comparison.movers.length).toBeGreaterThan(0);
    for (const mover of comparison.movers.slice(0, 5)) {
      const before = rows.get(earlier)!.get(mover.customerId)!;
      const after = rows.get(later)!.get(mover.customerId)!;
      let best: { code: string; change: number } | undefined;
      for (const code of codesAfter) {
        const change = after.dimension_scores[codesAfter.indexOf(code)]! - before.dimension_scores[codesBefore.indexOf(code)]!;
        if (best === undefined || Math.abs(change) > Math.abs(best.change) + 1e-9) best = { code, change };
      }
      expect(mover.dimension, mover.customerId).toBe(best!.code);
      expect(mover.dimensionChange).toBeCloseTo(best!.change, 5);
      expect(mover.compositeChange).toBeCloseTo(after.composite_score - before.composite_score, 5);
      expect([mover.fromCell, mover.toCell, mover.fromClass, mover.toClass]).toEqual([before.value_cell, after.value_cell, before.service_class, after.service_class]);
    }
  });

  it('finds nothing moving when a run is compared with itself', async () => {
    const same = await compareRuns(db, later, later);
    expect(same.valueCells.stability).toBe(1);
    expect(same.serviceClasses.stability).toBe(1);
    expect(same.movers).toEqual([]);
    expect(same.customers).toEqual({ both: 60, entered: 0, left: 0 });
  });
});

describe('awards', () => {
  const awarded = async (runId: string): Promise<string[]> =>
    (await db.all<{ customer_id: string }>("SELECT customer_id FROM run_awards WHERE run_id = $1 AND award_code = 'star' ORDER BY customer_id", [runId])).map((row) => row.customer_id);

  it('awards nobody in the first run: the star rule needs two runs', async () => {
    expect(await awarded(earlier)).toEqual([]);
    const listing = await listAwards(db, earlier);
    expect(listing.rules).toMatchObject([{ code: 'star', periods: 2, runsFound: 1, customers: 0 }]);
    expect(listing.customers).toEqual([]);
  });

  it('awards the customers in class core in both runs with grade AA or better and no violation', async () => {
    const expected = (
      await db.all<{ customer_id: string }>(
        `SELECT a.customer_id FROM run_results a JOIN run_results b ON b.customer_id = a.customer_id
         WHERE a.run_id = $1 AND b.run_id = $2 AND a.service_class = 'core' AND b.service_class = 'core'
           AND a.credit_grade IN ('AAA', 'AA') AND b.credit_grade IN ('AAA', 'AA')
           AND a.customer_id NOT IN (SELECT customer_id FROM credit_events WHERE category IN ('violation_law', 'violation_rule', 'default'))
         ORDER BY a.customer_id`,
        [earlier, later],
      )
    ).map((row) => row.customer_id);
    expect(expected.length).toBeGreaterThan(2);
    expect(await awarded(later)).toEqual(expected);
    const listing = await listAwards(db, later);
    expect(listing.rules).toMatchObject([{ code: 'star', periods: 2, runsFound: 2, customers: expected.length }]);
    expect(listing.customers.map((customer) => customer.customerId).sort()).toEqual(expected);
    for (const customer of listing.customers) {
      expect(customer.awardName['zh-CN']).toBe('星级客户');
      expect(customer.rewards).toHaveLength(3);
      expect(customer.serviceClass).toBe('core');
    }
  });

  it('takes the award away for a violation within the runs’ windows, not for an incentive or an older violation', async () => {
    const [violator, rewarded, old] = await awarded(later);
    await db.run(
      `INSERT INTO credit_events (event_id, customer_id, event_date, category, points, grade_after) VALUES
        ('E1', $1, DATE '2026-08-10', 'violation_rule', -5, NULL),
        ('E2', $2, DATE '2026-08-10', 'incentive', 5, NULL),
        ('E3', $3, DATE '2026-05-01', 'violation_law', -10, NULL)`,
      [violator!, rewarded!, old!],
    );
    const before = await awarded(later);
    expect(await computeAwards(db, later)).toEqual({ star: before.length - 1 });
    expect(await awarded(later)).toEqual(before.filter((customer) => customer !== violator));
  });

  it('counts a re-run at the same as-of date once: re-running the first period awards nobody', async () => {
    const rerun = (await evaluate(db, { period: '2026Q3', asOf: '2026-08-31' })).runId;
    expect(await awarded(rerun)).toEqual([]);
    const listing = await listAwards(db, rerun);
    expect(listing.rules).toMatchObject([{ code: 'star', periods: 2, runsFound: 1, customers: 0 }]);
    // the later run now pairs with the re-run, the latest run at the earlier date
    expect((await listAwards(db, later)).rules).toMatchObject([{ code: 'star', runsFound: 2 }]);
  });
});
