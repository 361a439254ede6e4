import type { Command } from 'commander';
import { issue, IssuesError, t, type Locale } from '@retail-value/core';
import { compareRuns, exportComparison, type Mover, type RunComparison, type TransitionMatrix } from '@retail-value/engine';
import { localeOption } from '../context.js';
import { withDatabase } from '../db-option.js';
import { formatTextTable } from '../text-table.js';
import type { CommandModule } from './index.js';

const percent = (share: number | null): string => (share === null ? '—' : `${(share * 100).toFixed(1)}%`);
const signed = (value: number | null): string => (value === null ? '—' : `${value > 0 ? '+' : ''}${value.toFixed(2)}`);

function parseLimit(text: string): number {
  const limit = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(limit) || limit < 1) throw new IssuesError([issue('dynamics.option.limit', { value: text })]);
  return limit;
}

/** Counts with row shares, plus who left (a column) and who entered (a row). */
function matrixTable(matrix: TransitionMatrix, name: (code: string) => string, locale: Locale): string {
  const headers = [t(locale, 'dynamics.matrix.corner'), ...matrix.to.map(name), t(locale, 'dynamics.matrix.total'), t(locale, 'dynamics.matrix.left')];
  const rows = matrix.from.map((code, i) => {
    const counts = matrix.counts[i] ?? [];
    const shares = matrix.rowShares[i] ?? [];
    return [name(code), ...counts.map((n, j) => `${n} (${percent(shares[j] ?? null)})`), String(counts.reduce((sum, n) => sum + n, 0)), String(matrix.left[code] ?? 0)];
  });
  const entered = matrix.to.map((code) => matrix.entered[code] ?? 0);
  rows.push([t(locale, 'dynamics.matrix.entered'), ...entered.map(String), String(entered.reduce((sum, n) => sum + n, 0)), '']);
  return formatTextTable(headers, rows, headers.map((_, index) => index > 0));
}

function moversTable(comparison: RunComparison, movers: readonly Mover[], locale: Locale): string {
  const cellName = (code: string): string => t(locale, `cell.${code}`);
  const className = (code: string): string => comparison.classNames[code]?.[locale] ?? code;
  const dimensionName = new Map(comparison.dimensions.map((dimension) => [dimension.code, dimension.name[locale]]));
  const label = (key: string): string => t(locale, `dynamics.label.${key}`);
  const headers = [label('customer'), label('direction'), label('cell'), label('class'), label('composite_change'), label('dimension'), label('dimension_change')];
  const rows = movers.map((mover) => [
    mover.customerId,
    t(locale, `dynamics.direction.${mover.direction}`),
    mover.fromCell === mover.toCell ? cellName(mover.toCell) : `${cellName(mover.fromCell)} → ${cellName(mover.toCell)}`,
    mover.fromClass === mover.toClass ? className(mover.toClass) : `${className(mover.fromClass)} → ${className(mover.toClass)}`,
    signed(mover.compositeChange),
    mover.dimension === null ? '—' : (dimensionName.get(mover.dimension) ?? mover.dimension),
    signed(mover.dimensionChange),
  ]);
  return formatTextTable(headers, rows, [false, false, false, false, true, false, true]);
}

/** `retail-value compare`: how customers moved between two runs (动态管理). */
export const compareCommand: CommandModule = (program, context) => {
  program
    .command('compare')
    .description('compare two runs: value-cell and service-class transitions, stability, and the customers who moved up or down')
    .requiredOption('--db <file>', 'DuckDB database file')
    .requiredOption('--from <run>', 'the earlier run id')
    .requiredOption('--to <run>', 'the later run id')
    .option('--limit <n>', 'movers to show (default 20)', '20')
    .option('--json', 'print the comparison as JSON')
    .option('--xlsx <file>', 'also write an XLSX workbook: both transition matrices and every mover')
    .action(async (flags: { db: string; from: string; to: string; limit: string; json?: boolean; xlsx?: string }, command: Command) => {
      const locale = localeOption(command.optsWithGlobals<{ lang?: string }>().lang);
      const limit = parseLimit(flags.limit);
      const { comparison, exported } = await withDatabase(flags.db, async (db) => {
        const found = await compareRuns(db, flags.from, flags.to, { moverLimit: limit });
        const written = flags.xlsx === undefined ? undefined : await exportComparison(db, flags.from, flags.to, { out: flags.xlsx, locale });
        return { comparison: found, exported: written };
      });
      if (flags.json === true) {
        context.json(comparison);
      } else {
        const { from, to, customers, valueCells, serviceClasses, moverCount, movers } = comparison;
        context.out(t(locale, 'dynamics.compare.title', { from: from.runId, fromAsOf: from.asOf, to: to.runId, toAsOf: to.asOf }));
        context.out(t(locale, 'dynamics.compare.customers', customers));
        context.out(t(locale, 'dynamics.compare.stability', { cells: percent(valueCells.stability), classes: percent(serviceClasses.stability) }));
        context.out('');
        context.out(t(locale, 'dynamics.matrix.cells'));
        context.out(matrixTable(valueCells, (code) => t(locale, `cell.${code}`), locale));
        context.out('');
        context.out(t(locale, 'dynamics.matrix.classes'));
        context.out(matrixTable(serviceClasses, (code) => comparison.classNames[code]?.[locale] ?? code, locale));
        context.out('');
        if (moverCount.total === 0) {
          context.out(t(locale, 'dynamics.movers.none'));
        } else {
          context.out(t(locale, 'dynamics.movers.title', { ...moverCount, shown: movers.length }));
          context.out(moversTable(comparison, movers, locale));
        }
      }
      if (exported !== undefined) {
        // With --json, stdout carries only the JSON.
        const written = t(locale, 'dynamics.xlsx.written', { movers: exported.movers, file: flags.xlsx });
        if (flags.json === true) context.err(written);
        else context.out(written);
      }
    });
};
