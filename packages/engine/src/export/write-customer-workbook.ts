import type { Writable } from 'node:stream';
import { t, type CustomerFilter, type Locale, type RunReference, type ScopedUser } from '@retail-value/core';
import type { Database } from '../db/database.js';
import { loadRun } from '../evaluation/run-store.js';
import { CUSTOMER_FROM, customerConditions, customerOrder } from '../customers/customer-query.js';
import { resultCodeNames, rowTextQuery, writeSheetRows, type ExportCell } from './row-text-sql.js';
import { XlsxStreamWriter } from './xlsx-stream.js';

export interface CustomerWorkbookOptions {
  readonly user: ScopedUser;
  readonly run: RunReference;
  readonly filter: CustomerFilter;
  /** Chinese headers and names, or English headers with the codes as stored. */
  readonly headers: 'zh' | 'en';
  /** Receives the .xlsx bytes; the writer waits for it to drain, so a slow reader slows the query rather than filling memory. */
  readonly out: Writable;
}

interface Column {
  readonly key: string;
  readonly width: number;
  readonly cell: ExportCell;
}

/**
 * Streams the customer list — the same scope, filters and order as the
 * paged list, every page — as an Excel workbook: one row per customer, the
 * archive fields, values, rank, cell, class, lifecycle stage, churn warning
 * and lifetime value. Rows are read in chunks and written as they come.
 */
export async function writeCustomerWorkbook(db: Database, options: CustomerWorkbookOptions): Promise<{ rows: number }> {
  const locale: Locale = options.headers === 'zh' ? 'zh-CN' : 'en';
  const zh = options.headers === 'zh';
  const classNames = new Map((await loadRun(db, options.run.runId)).frozen.classes.map((found) => [found.code, found.name['zh-CN']]));
  const names = resultCodeNames(zh ? locale : undefined, classNames);
  const text = (sql: string, codes?: ReadonlyMap<string, string>): ExportCell => ({ kind: 'text', sql, labels: codes });
  const number = (sql: string): ExportCell => ({ kind: 'number', sql });
  const columns: Column[] = [
    { key: 'customer_id', width: 14, cell: text('r.customer_id') },
    { key: 'license_no', width: 16, cell: text('c.license_no') },
    { key: 'name', width: 22, cell: text('c.name') },
    { key: 'manager_id', width: 12, cell: text('c.manager_id') },
    { key: 'district', width: 12, cell: text('c.district') },
    { key: 'route', width: 12, cell: text('c.route') },
    { key: 'market', width: 10, cell: text('r.market', names.market) },
    { key: 'format', width: 12, cell: text('r.format', names.format) },
    { key: 'credit_grade', width: 10, cell: text('r.credit_grade') },
    { key: 'current_value', width: 12, cell: number('r.current_value') },
    { key: 'potential_value', width: 12, cell: number('r.potential_value') },
    { key: 'composite_score', width: 12, cell: number('r.composite_score') },
    { key: 'rank', width: 10, cell: number('r.rank') },
    { key: 'value_cell', width: 16, cell: text('r.value_cell', names.cell) },
    { key: 'service_class', width: 12, cell: text('r.service_class', names.class) },
    { key: 'lifecycle_stage', width: 10, cell: text('r.lifecycle_stage', names.stage) },
    { key: 'churn_risk', width: 10, cell: text('r.churn_risk', names.churn) },
    { key: 'churn_score', width: 12, cell: number('r.churn_score') },
    { key: 'churn_reasons', width: 30, cell: { kind: 'codes', sql: 'r.churn_reasons', labels: names.reason, separator: zh ? '、' : ', ' } },
    { key: 'clv', width: 16, cell: number('r.clv') },
  ];

  const { where, params } = customerConditions(options.run.runId, options.user, options.filter);
  const source = `SELECT ${columns.map((column, index) => `${column.cell.sql} AS v${index}`).join(', ')},
      row_number() OVER (ORDER BY ${customerOrder(options.filter.sort, options.filter.order)}) AS n
    FROM ${CUSTOMER_FROM} WHERE ${where}`;
  const query = rowTextQuery(
    'xlsx',
    columns.map((column) => column.cell),
    source,
    params.length + 1,
  );
  const workbook = new XlsxStreamWriter(options.out);
  const sheet = { name: t(locale, 'export.sheet.customers'), columns: columns.map((column) => ({ header: t(locale, `export.column.${column.key}`), width: column.width })) };
  await workbook.startSheet(sheet.name, sheet.columns);
  const rows = await writeSheetRows(db, { sql: query.sql, params: [...params, ...query.params] }, workbook, sheet);
  await workbook.finish();
  return { rows };
}
