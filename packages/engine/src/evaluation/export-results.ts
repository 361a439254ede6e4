import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { once } from 'node:events';
import { t, VALUE_CELLS, type Locale, type LocalizedText, type ScopedUser } from '@retail-value/core';
import type { Database } from '../db/database.js';
import { loadRun } from './run-store.js';
import { scopePredicate } from '../accounts/scope-predicate.js';
import { csvLines } from '../export/csv-text.js';
import { drained, XlsxStreamWriter } from '../export/xlsx-stream.js';
import { resultCodeNames, rowTextQuery, writeSheetRows, type ExportCell } from '../export/row-text-sql.js';

export type HeaderLanguage = 'zh' | 'en';

export interface ExportOptions {
  readonly runId?: string | undefined;
  readonly format: 'csv' | 'xlsx';
  readonly headers: HeaderLanguage;
  readonly out: string;
  /** Only the customers this user may see (a district head's district, a manager's own); everyone when absent. */
  readonly scope?: ScopedUser | undefined;
}

/** One exported column: its header and how the database writes its value. */
interface Column {
  readonly header: LocalizedText;
  readonly cell: ExportCell;
}

const text = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

/**
 * Writes one row per customer of a run: the archive fields and every result
 * (values, rank, cell, class, dimension scores, indicator raw values and
 * scores). Chinese headers and names by default; with English headers the
 * codes are written as they are (value, sub_value, …). CSV carries a UTF-8
 * BOM so Excel opens it; XLSX adds a summary sheet, and customers beyond a
 * worksheet's 1,048,575 rows continue on a further sheet. The database makes
 * each row's text (rowTextQuery); it is written in chunks as it comes,
 * waiting for the file to drain.
 */
export async function exportResults(db: Database, options: ExportOptions): Promise<{ rows: number; runId: string }> {
  const run = await loadRun(db, options.runId);
  const locale: Locale = options.headers === 'zh' ? 'zh-CN' : 'en';
  const zh = options.headers === 'zh';
  const classNames = new Map(run.frozen.classes.map((found) => [found.code, found.name]));
  const names = resultCodeNames(zh ? locale : undefined, new Map([...classNames].map(([code, name]) => [code, name['zh-CN']])));
  const element = (array: string, index: number): string => db.dialect.arrayElement(`r.${array}`, index + 1);
  const plain = (sql: string): ExportCell => ({ kind: 'text', sql });
  const number = (sql: string): ExportCell => ({ kind: 'number', sql });
  const columns: Column[] = [
    { header: text('客户编码', 'customer_id'), cell: plain('r.customer_id') },
    { header: text('许可证号', 'license_no'), cell: plain('c.license_no') },
    { header: text('客户名称', 'name'), cell: plain('c.name') },
    { header: text('客户经理', 'manager_id'), cell: plain('c.manager_id') },
    { header: text('区县', 'district'), cell: plain('c.district') },
    { header: text('营销线路', 'route'), cell: plain('c.route') },
    { header: text('市场类型', 'market'), cell: { kind: 'text', sql: 'r.market', labels: names.market } },
    { header: text('业态', 'format'), cell: { kind: 'text', sql: 'r.format', labels: names.format } },
    { header: text('信用等级', 'credit_grade'), cell: plain('r.credit_grade') },
    { header: text('订货周期', 'order_cycle'), cell: plain('c.order_cycle') },
    { header: text('当前价值', 'current_value'), cell: number('r.current_value') },
    { header: text('潜在价值', 'potential_value'), cell: number('r.potential_value') },
    { header: text('综合得分', 'composite_score'), cell: number('r.composite_score') },
    { header: text('排名', 'rank'), cell: number('r.rank') },
    { header: text('价值类别', 'value_cell'), cell: { kind: 'text', sql: 'r.value_cell', labels: names.cell } },
    {
      header: text('服务类别', 'service_class'),
      cell: { kind: 'text', sql: 'r.service_class', labels: names.class },
    },
    { header: text('生命周期', 'lifecycle_stage'), cell: { kind: 'text', sql: 'r.lifecycle_stage', labels: names.stage } },
    {
      header: text('视同歇业', 'deemed_closed'),
      cell: { kind: 'text', sql: `CASE WHEN r.deemed_closed THEN 'true' ELSE 'false' END`, labels: zh ? new Map([['true', '是'], ['false', '否']]) : undefined },
    },
    { header: text('流失风险', 'churn_risk'), cell: { kind: 'text', sql: 'r.churn_risk', labels: names.churn } },
    { header: text('流失风险分', 'churn_score'), cell: number('r.churn_score') },
    { header: text('流失原因', 'churn_reasons'), cell: { kind: 'codes', sql: 'r.churn_reasons', labels: names.reason, separator: zh ? '；' : ',' } },
    { header: text('客户终生价值', 'clv'), cell: number('r.clv') },
    { header: text('存活概率', 'p_alive'), cell: number('r.p_alive') },
    ...run.frozen.dimensions.map((dimension, index) => ({
      header: text(`${dimension.name['zh-CN']}得分`, `${dimension.code}_score`),
      cell: number(element('dimension_scores', index)),
    })),
    ...run.frozen.indicators.flatMap((indicator, index) => [
      { header: text(`${indicator.name['zh-CN']}（原始值）`, `${indicator.code}_raw`), cell: number(element('raw_values', index)) },
      { header: text(`${indicator.name['zh-CN']}（得分）`, `${indicator.code}_score`), cell: number(element('scores', index)) },
    ]),
  ];
  const scope = options.scope === undefined ? { sql: 'TRUE', params: [] } : scopePredicate(options.scope, 'c', 2);
  const from = `FROM run_results r LEFT JOIN customers c ON c.customer_id = r.customer_id WHERE r.run_id = $1 AND ${scope.sql}`;
  const params = [run.runId, ...scope.params];
  const source = `SELECT ${columns.map((column, index) => `${column.cell.sql} AS v${index}`).join(', ')},
      row_number() OVER (ORDER BY r.rank, r.customer_id) AS n ${from}`;
  const headers = columns.map((column) => column.header[locale]);
  const rowText = rowTextQuery(options.format, columns.map((column) => column.cell), source, params.length + 1);
  let count = 0;

  const out = createWriteStream(options.out);
  try {
    if (options.format === 'csv') {
      out.write(`\uFEFF${csvLines([headers])}`);
      await db.eachArray(rowText.sql, [...params, ...rowText.params], async (rows) => {
        count += rows.length;
        out.write(rows.map((row) => row[0] as string).join(''));
        await drained(out);
      });
      out.end();
      await once(out, 'finish');
      return { rows: count, runId: run.runId };
    }
    const workbook = new XlsxStreamWriter(out);
    const sheet = { name: zh ? '评价结果' : 'results', columns: headers.map((header) => ({ header, width: Math.max(10, Math.min(28, header.length * 2)) })) };
    await workbook.startSheet(sheet.name, sheet.columns);
    count = await writeSheetRows(db, { sql: rowText.sql, params: [...params, ...rowText.params] }, workbook, sheet);
    // The summary counts the exported rows, so a scoped export summarises only its own customers.
    const valueCells: Record<string, number> = Object.fromEntries(VALUE_CELLS.map((cell) => [cell, 0]));
    const serviceClasses: Record<string, number> = Object.fromEntries(run.frozen.classes.map((found) => [found.code, 0]));
    for (const found of await db.all<{ value_cell: string; service_class: string; n: number }>(
      `SELECT r.value_cell, r.service_class, count(*) AS n ${from} GROUP BY r.value_cell, r.service_class ORDER BY r.value_cell, r.service_class`,
      params,
    )) {
      valueCells[found.value_cell] = (valueCells[found.value_cell] ?? 0) + found.n;
      serviceClasses[found.service_class] = (serviceClasses[found.service_class] ?? 0) + found.n;
    }
    const label = (zhText: string, enText: string): string => (zh ? zhText : enText);
    await workbook.startSheet(label('汇总', 'summary'), [
      { header: label('评价批次', 'run'), width: 16 },
      { header: run.runId, width: 16 },
    ]);
    await workbook.addRows([
      [label('评价期', 'period'), run.period],
      [label('客户数', 'customers'), count],
      [],
      [label('价值类别', 'value cell'), label('客户数', 'customers')],
      ...Object.entries(valueCells).map(([cell, n]) => [zh ? t(locale, `cell.${cell}`) : cell, n]),
      [],
      [label('服务类别', 'service class'), label('客户数', 'customers')],
      ...Object.entries(serviceClasses).map(([code, n]) => [zh ? (classNames.get(code)?.['zh-CN'] ?? code) : code, n]),
    ]);
    await workbook.finish();
    return { rows: count, runId: run.runId };
  } catch (error) {
    // No half-written file is left behind to be taken for an export.
    out.destroy();
    await rm(options.out, { force: true });
    throw error;
  }
}
