import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { t, type Locale, type ScopedUser } from '@retail-value/core';
import type { Database } from '../db/database.js';
import { compareRuns, eachMover, type Move, type Mover, type RunComparison, type TransitionMatrix } from './compare-runs.js';

export interface ComparisonExportOptions {
  /** A file path, or a stream the workbook is written to (an HTTP response). */
  readonly out: string | Writable;
  readonly locale: Locale;
  /** Only the customers this user may see (default: every customer). */
  readonly scope?: ScopedUser | undefined;
}

/**
 * Writes a comparison as an XLSX workbook: the value-cell and service-class
 * transition matrices (counts, then row shares) and every mover, one row
 * each. The workbook is streamed, so a province's hundreds of thousands of
 * movers never sit in memory at once.
 */
export async function exportComparison(db: Database, fromRunId: string, toRunId: string, options: ComparisonExportOptions): Promise<{ movers: number }> {
  const { locale } = options;
  const comparison = await compareRuns(db, fromRunId, toRunId, { moverLimit: 0, scope: options.scope });
  const cellName = (code: string): string => t(locale, `cell.${code}`);
  const className = (code: string): string => comparison.classNames[code]?.[locale] ?? code;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    ...(typeof options.out === 'string' ? { filename: options.out } : { stream: options.out }),
    useStyles: true,
  });
  writeMatrix(workbook.addWorksheet(t(locale, 'dynamics.sheet.cells')), comparison.valueCells, cellName, comparison, locale);
  writeMatrix(workbook.addWorksheet(t(locale, 'dynamics.sheet.classes')), comparison.serviceClasses, className, comparison, locale);

  const sheet = workbook.addWorksheet(t(locale, 'dynamics.sheet.movers'), { views: [{ state: 'frozen', ySplit: 1 }] });
  const dimensionName = new Map(comparison.dimensions.map((dimension) => [dimension.code, dimension.name[locale]]));
  const move = (found: Move): string => (found === 'none' ? '' : t(locale, `dynamics.direction.${found}`));
  const columns: readonly { key: string; value: (mover: Mover) => string | number | null }[] = [
    { key: 'customer', value: (mover) => mover.customerId },
    { key: 'customer_name', value: (mover) => mover.name },
    { key: 'district', value: (mover) => mover.district },
    { key: 'manager', value: (mover) => mover.managerId },
    { key: 'direction', value: (mover) => t(locale, `dynamics.direction.${mover.direction}`) },
    { key: 'from_cell', value: (mover) => cellName(mover.fromCell) },
    { key: 'to_cell', value: (mover) => cellName(mover.toCell) },
    { key: 'cell_move', value: (mover) => move(mover.cellMove) },
    { key: 'from_class', value: (mover) => className(mover.fromClass) },
    { key: 'to_class', value: (mover) => className(mover.toClass) },
    { key: 'class_move', value: (mover) => move(mover.classMove) },
    { key: 'composite_from', value: (mover) => mover.compositeFrom },
    { key: 'composite_to', value: (mover) => mover.compositeTo },
    { key: 'composite_change', value: (mover) => mover.compositeChange },
    { key: 'rank_from', value: (mover) => mover.rankFrom },
    { key: 'rank_to', value: (mover) => mover.rankTo },
    { key: 'dimension', value: (mover) => (mover.dimension === null ? null : (dimensionName.get(mover.dimension) ?? mover.dimension)) },
    { key: 'dimension_change', value: (mover) => mover.dimensionChange },
  ];
  sheet.columns = columns.map((column) => {
    const header = t(locale, `dynamics.label.${column.key}`);
    return { header, width: Math.max(10, Math.min(24, header.length * 2)) };
  });
  sheet.getRow(1).font = { bold: true };
  let count = 0;
  await eachMover(db, comparison.from.runId, comparison.to.runId, (movers) => {
    for (const mover of movers) sheet.addRow(columns.map((column) => column.value(mover))).commit();
    count += movers.length;
  }, { scope: options.scope });
  sheet.commit();
  await workbook.commit();
  return { movers: count };
}

/** Counts with totals and the customers who left or entered, then the row shares below them. */
function writeMatrix(sheet: ExcelJS.Worksheet, matrix: TransitionMatrix, name: (code: string) => string, comparison: RunComparison, locale: Locale): void {
  // A streamed sheet writes its column widths with the first row, so they are set first.
  sheet.columns = [{ width: 24 }, ...matrix.to.map(() => ({ width: 16 })), { width: 10 }, { width: 10 }];
  const add = (values: readonly (string | number | null)[], bold = false): ExcelJS.Row => {
    const row = sheet.addRow([...values]);
    if (bold) row.font = { bold: true };
    return row;
  };
  add([t(locale, 'dynamics.compare.title', { from: comparison.from.runId, fromAsOf: comparison.from.asOf, to: comparison.to.runId, toAsOf: comparison.to.asOf })], true).commit();
  add([]).commit();
  const corner = t(locale, 'dynamics.matrix.corner');
  add([corner, ...matrix.to.map(name), t(locale, 'dynamics.matrix.total'), t(locale, 'dynamics.matrix.left')], true).commit();
  matrix.from.forEach((code, i) => {
    const counts = matrix.counts[i] ?? [];
    add([name(code), ...counts, counts.reduce((sum, n) => sum + n, 0), matrix.left[code] ?? 0]).commit();
  });
  const entered = matrix.to.map((code) => matrix.entered[code] ?? 0);
  add([t(locale, 'dynamics.matrix.entered'), ...entered, entered.reduce((sum, n) => sum + n, 0)]).commit();
  add([]).commit();
  add([`${t(locale, 'dynamics.label.share')}: ${corner}`, ...matrix.to.map(name)], true).commit();
  matrix.from.forEach((code, i) => {
    const row = add([name(code), ...(matrix.rowShares[i] ?? [])]);
    for (let column = 2; column <= matrix.to.length + 1; column += 1) row.getCell(column).numFmt = '0.0%';
    row.commit();
  });
  sheet.commit();
}
