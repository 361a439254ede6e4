import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open.js';
import { evaluate } from '../evaluation/evaluate.js';
import { tableDefinition } from './tables.js';

describe('migrate', () => {
  it('adds the columns a database made by an earlier version lacks, keeps its rows, and evaluates', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'rv-migrate-')), 'old.duckdb');
    // An earlier version: run_results without the lifecycle, churn and lifetime-value columns,
    // customers without coordinates, holding one row.
    const instance = await DuckDBInstance.create(file);
    const connection = await instance.connect();
    const results = Object.entries(tableDefinition('run_results').columns).slice(0, 16);
    await connection.run(`CREATE TABLE run_results (${results.map(([name, type]) => `${name} ${type}`).join(', ')})`);
    const customers = Object.entries(tableDefinition('customers').columns).filter(([name]) => name !== 'longitude' && name !== 'latitude');
    await connection.run(`CREATE TABLE customers (${customers.map(([name, type]) => `${name} ${type}`).join(', ')}, PRIMARY KEY (customer_id))`);
    await connection.run(
      `INSERT INTO customers (customer_id, name, format, market, district, manager_id, license_date, status, credit_grade, order_cycle)
       VALUES ('C1', '甲', 'Z', 'urban', '东城区', 'M1', DATE '2018-01-01', 'normal', 'AA', 'weekly')`,
    );
    connection.closeSync();
    instance.closeSync();

    const db = await openDatabase(file);
    try {
      const columns = await db.all<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'run_results' ORDER BY ordinal_position`,
      );
      expect(columns.map((column) => column.column_name).sort()).toEqual(Object.keys(tableDefinition('run_results').columns).sort());
      const kept = await db.all<{ customer_id: string; latitude: number | null }>('SELECT customer_id, latitude FROM customers');
      expect(kept).toEqual([{ customer_id: 'C1', latitude: null }]);
      // The columns land at the end of the old table; the evaluation names them, so it still works.
      await db.run(`INSERT INTO products (sku, name, price_class, cost_price, wholesale_price, launch_date) VALUES ('P1', '品规', 3, 50, 56, DATE '2020-01-01')`);
      await db.run(`INSERT INTO order_lines (order_id, customer_id, order_date, sku, qty, amount) VALUES ('O1', 'C1', DATE '2026-09-01', 'P1', 5, 280)`);
      const run = await evaluate(db, { period: '2026Q3' });
      const stored = await db.all<{ lifecycle_stage: string; clv: number | null }>('SELECT lifecycle_stage, clv FROM run_results WHERE run_id = $1', [run.runId]);
      expect(stored).toHaveLength(1);
      expect(typeof stored[0]?.lifecycle_stage).toBe('string');
    } finally {
      await db.close();
    }
    // Opening again changes nothing.
    const again = await openDatabase(file);
    await again.close();
  });

  it('retypes the result lists an earlier version stored as doubles, keeping their values, unless one does not fit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rv-migrate-'));
    const make = async (file: string, raw: string): Promise<void> => {
      const instance = await DuckDBInstance.create(file);
      const connection = await instance.connect();
      const columns = Object.entries(tableDefinition('run_results').columns).map(([name, type]) => [name, type.startsWith('DECIMAL(18,6)[]') ? 'DOUBLE[]' : type]);
      await connection.run(`CREATE TABLE run_results (${columns.map(([name, type]) => `${name} ${type}`).join(', ')})`);
      await connection.run(
        `INSERT INTO run_results (run_id, customer_id, segment, raw_values, scores, dimension_scores, current_value, potential_value, composite_score, rank,
           value_cell, service_class, class_by_score, lifecycle_stage, lifecycle_rule, deemed_closed, churn_score, churn_risk, churn_reasons)
         VALUES ('2026Q3-001', 'C1', 'urban', ${raw}, [87.654321, 0], [43.5], 43.5, 40, 42, 1, 'value', 'core', 'core', 'maturity', 'steady', FALSE, 0, 'low', '')`,
      );
      connection.closeSync();
      instance.closeSync();
    };
    const types = async (db: Awaited<ReturnType<typeof openDatabase>>): Promise<string[]> =>
      (
        await db.all<{ data_type: string }>(
          `SELECT data_type FROM information_schema.columns WHERE table_name = 'run_results' AND column_name IN ('raw_values', 'scores', 'dimension_scores') ORDER BY column_name`,
        )
      ).map((row) => row.data_type);

    const fits = join(dir, 'fits.duckdb');
    await make(fits, '[1234.567891, -0.000001, NULL]');
    const db = await openDatabase(fits);
    try {
      expect(await types(db)).toEqual(['DECIMAL(18,6)[]', 'DECIMAL(18,6)[]', 'DECIMAL(18,6)[]']);
      expect(await db.all('SELECT raw_values, scores, dimension_scores FROM run_results')).toEqual([
        { raw_values: [1234.567891, -0.000001, null], scores: [87.654321, 0], dimension_scores: [43.5] },
      ]);
    } finally {
      await db.close();
    }

    const beyond = join(dir, 'beyond.duckdb');
    await make(beyond, '[1e13]');
    const kept = await openDatabase(beyond);
    try {
      // raw_values keeps its type and value; the lists that fit are retyped.
      expect(await types(kept)).toEqual(['DECIMAL(18,6)[]', 'DOUBLE[]', 'DECIMAL(18,6)[]']);
      expect(await kept.all('SELECT raw_values FROM run_results')).toEqual([{ raw_values: [1e13] }]);
    } finally {
      await kept.close();
    }
  });
});
