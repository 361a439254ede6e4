import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { t, VALUE_CELLS, type Locale, type LocalizedText, type ScopedUser } from '@retail-value/core';
import type { Database, Row } from '../db/database.js';
import { loadRun } from './run-store.js';
import { scopePredicate } from '../accounts/scope-predicate.js';

export type HeaderLanguage = 'zh' | 'en';

export interface ExportOptions {
  readonly runId?: string | undefined;
  readonly format: 'csv' | 'xlsx';
  readonly headers: HeaderLanguage;
  readonly out: string;
  /** Only the customers this user may see (a district head's district, a manager's own); everyone when absent. */
  readonly scope?: ScopedUser | undefined;
}

interface Column {
  readonly header: LocalizedText;
  readonly value: (row: Row) => string | number | null;
}

const text = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });
const field = (name: string) => (row: Row) => (row[name] as string | number | null) ?? null;

/**
 * Writes one row per customer of a run: the archive fields and every result
 * (values, rank, cell, class, dimension scores, indicator raw values and
 * scores). Chinese headers and names by default; with English headers the
 * codes are written as they are (value, sub_value, …). CSV carries a UTF-8
 * BOM so Excel opens it; XLSX adds a summary sheet.
 */
export async function exportResults(db: Database, options: ExportOptions): Promise<{ rows: number; runId: string }> {
  const run = await loadRun(db, options.runId);
  const locale: Locale = options.headers === 'zh' ? 'zh-CN' : 'en';
  const zh = options.headers === 'zh';
  const coded = (prefix: string, name: string) => (row: Row) => {
    const value = row[name] as string | null;
    return value === null ? null : zh ? t(locale, `${prefix}.${value}`) : value;
  };
  const classNames = new Map(run.frozen.classes.map((found) => [found.code, found.name]));
  const columns: Column[] = [
    { header: text('客户编码', 'customer_id'), value: field('customer_id') },
    { header: text('许可证号', 'license_no'), value: field('license_no') },
    { header: text('客户名称', 'name'), value: field('name') },
    { header: text('客户经理', 'manager_id'), value: field('manager_id') },
    { header: text('区县', 'district'), value: field('district') },
    { header: text('营销线路', 'route'), value: field('route') },
    { header: text('市场类型', 'market'), value: coded('market', 'market') },
    { header: text('业态', 'format'), value: coded('format', 'format') },
    { header: text('信用等级', 'credit_grade'), value: field('credit_grade') },
    { header: text('订货周期', 'order_cycle'), value: field('order_cycle') },
    { header: text('当前价值', 'current_value'), value: field('current_value') },
    { header: text('潜在价值', 'potential_value'), value: field('potential_value') },
    { header: text('综合得分', 'composite_score'), value: field('composite_score') },
    { header: text('排名', 'rank'), value: field('rank') },
    { header: text('价值类别', 'value_cell'), value: coded('cell', 'value_cell') },
    {
      header: text('服务类别', 'service_class'),
      value: (row) => {
        const code = row.service_class as string;
        return zh ? (classNames.get(code)?.['zh-CN'] ?? code) : code;
      },
    },
    { header: text('生命周期', 'lifecycle_stage'), value: coded('stage', 'lifecycle_stage') },
    { header: text('视同歇业', 'deemed_closed'), value: (row) => (zh ? (row.deemed_closed === true ? '是' : '否') : row.deemed_closed === true ? 'true' : 'false') },
    { header: text('流失风险', 'churn_risk'), value: coded('churn', 'churn_risk') },
    { header: text('流失风险分', 'churn_score'), value: field('churn_score') },
    {
      header: text('流失原因', 'churn_reasons'),
      value: (row) => {
        const reasons = (row.churn_reasons as string).split(',').filter((reason) => reason !== '');
        return zh ? reasons.map((reason) => t(locale, `reason.${reason}`)).join('；') : reasons.join(',');
      },
    },
    { header: text('客户终生价值', 'clv'), value: field('clv') },
    { header: text('存活概率', 'p_alive'), value: field('p_alive') },
    ...run.frozen.dimensions.map((dimension, index) => ({
      header: text(`${dimension.name['zh-CN']}得分`, `${dimension.code}_score`),
      value: (row: Row) => (row.dimension_scores as number[])[index] ?? null,
    })),
    ...run.frozen.indicators.flatMap((indicator, index) => [
      { header: text(`${indicator.name['zh-CN']}（原始值）`, `${indicator.code}_raw`), value: (row: Row) => (row.raw_values as (number | null)[])[index] ?? null },
      { header: text(`${indicator.name['zh-CN']}（得分）`, `${indicator.code}_score`), value: (row: Row) => (row.scores as number[])[index] ?? null },
    ]),
  ];
  const scope = options.scope === undefined ? { sql: 'TRUE', params: [] } : scopePredicate(options.scope, 'c', 2);
  const sql = `SELECT r.*, c.license_no, c.name, c.manager_id, c.district, c.route, c.order_cycle
    FROM run_results r LEFT JOIN customers c ON c.customer_id = r.customer_id WHERE r.run_id = $1 AND ${scope.sql} ORDER BY r.rank, r.customer_id`;
  const params = [run.runId, ...scope.params];
  const headers = columns.map((column) => column.header[locale]);
  let count = 0;
  if (options.format === 'csv') {
    const out = createWriteStream(options.out);
    const write = async (chunk: string): Promise<void> => {
      if (!out.write(chunk)) await once(out, 'drain');
    };
    await write(`\uFEFF${stringify([headers])}`);
    await db.each(sql, params, async (rows) => {
      count += rows.length;
      await write(stringify(rows.map((row) => columns.map((column) => column.value(row)))));
    });
    out.end();
    await once(out, 'finish');
    return { rows: count, runId: run.runId };
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: options.out, useStyles: true });
  const sheet = workbook.addWorksheet(zh ? '评价结果' : 'results', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = headers.map((header) => ({ header, width: Math.max(10, Math.min(28, header.length * 2)) }));
  sheet.getRow(1).font = { bold: true };
  // The summary counts the exported rows, so a scoped export summarises only its own customers.
  const valueCells: Record<string, number> = Object.fromEntries(VALUE_CELLS.map((cell) => [cell, 0]));
  const serviceClasses: Record<string, number> = Object.fromEntries(run.frozen.classes.map((found) => [found.code, 0]));
  await db.each(sql, params, (rows) => {
    for (const row of rows) {
      sheet.addRow(columns.map((column) => column.value(row))).commit();
      const cell = row.value_cell as string;
      const serviceClass = row.service_class as string;
      valueCells[cell] = (valueCells[cell] ?? 0) + 1;
      serviceClasses[serviceClass] = (serviceClasses[serviceClass] ?? 0) + 1;
    }
    count += rows.length;
  });
  sheet.commit();
  const summary = { customers: count, valueCells, serviceClasses };
  const summarySheet = workbook.addWorksheet(zh ? '汇总' : 'summary');
  summarySheet.addRow([zh ? '评价批次' : 'run', run.runId]).commit();
  summarySheet.addRow([zh ? '评价期' : 'period', run.period]).commit();
  summarySheet.addRow([zh ? '客户数' : 'customers', summary.customers]).commit();
  summarySheet.addRow([]).commit();
  summarySheet.addRow([zh ? '价值类别' : 'value cell', zh ? '客户数' : 'customers']).commit();
  for (const [cell, n] of Object.entries(summary.valueCells)) summarySheet.addRow([zh ? t(locale, `cell.${cell}`) : cell, n]).commit();
  summarySheet.addRow([]).commit();
  summarySheet.addRow([zh ? '服务类别' : 'service class', zh ? '客户数' : 'customers']).commit();
  for (const [code, n] of Object.entries(summary.serviceClasses)) summarySheet.addRow([zh ? (classNames.get(code)?.['zh-CN'] ?? code) : code, n]).commit();
  summarySheet.commit();
  await workbook.commit();
  return { rows: count, runId: run.runId };
}
