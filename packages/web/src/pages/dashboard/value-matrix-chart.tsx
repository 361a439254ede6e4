import { useMemo } from 'react';
import { Typography } from 'antd';
import { VALUE_CELLS, type DashboardSummaryDto } from '@retail-value/core';
import { EChart, type ChartOption } from '../../charts/echart.js';
import { CELL_COLORS } from '../../charts/palette.js';
import { formatCount } from '../../format/numbers.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useCoreText } from '../../i18n/use-core-text.js';

type Matrix = DashboardSummaryDto['matrix'];

/**
 * Current × potential value of the customers drawn, coloured by cell, with
 * the run's frozen thresholds as dashed lines (one per market when the scheme
 * splits by market).
 */
export function ValueMatrixChart({ summary }: { readonly summary: DashboardSummaryDto }) {
  const { t, locale } = useI18n();
  const { label, term } = useCoreText();
  const matrix: Matrix = summary.matrix;
  const option = useMemo<ChartOption>(() => {
    const lines = (axis: 'current' | 'potential') =>
      Object.entries(matrix.thresholds[axis]).map(([group, value]) => {
        const name = group === 'all' ? t(axis === 'current' ? 'dashboard.matrix.cut_current' : 'dashboard.matrix.cut_potential', { value: value.toFixed(1) }) : `${label(`market.${group}`)} ${value.toFixed(1)}`;
        // The vertical line is labelled above the plot, the horizontal one at its right end, both in level text.
        return axis === 'current' ? { xAxis: value, name, label: { position: 'end' as const } } : { yAxis: value, name, label: { position: 'insideEndTop' as const } };
      });
    return {
      grid: { left: 56, right: 28, top: 40, bottom: 48 },
      legend: { top: 0, data: VALUE_CELLS.map((cell) => label(`cell.${cell}`)) },
      tooltip: {
        trigger: 'item',
        formatter: (raw: unknown) => {
          const item = raw as { seriesName: string; value: [number, number, string] };
          const [current, potential, customerId] = item.value;
          return `${customerId}<br/>${item.seriesName}<br/>${term('cell.side.current')} ${current.toFixed(2)}<br/>${term('cell.side.potential')} ${potential.toFixed(2)}`;
        },
      },
      xAxis: { type: 'value', name: label('cell.side.current'), nameLocation: 'middle', nameGap: 28, min: 0, max: 100, splitLine: { lineStyle: { color: '#eef0f3' } } },
      yAxis: { type: 'value', name: label('cell.side.potential'), nameLocation: 'middle', nameGap: 36, min: 0, max: 100, splitLine: { lineStyle: { color: '#eef0f3' } } },
      series: VALUE_CELLS.map((cell, index) => ({
        type: 'scatter',
        name: label(`cell.${cell}`),
        data: (matrix.points[cell] ?? []).map(([current, potential, customerId]) => [current, potential, customerId]),
        symbolSize: 6,
        large: true,
        largeThreshold: 3000,
        itemStyle: { color: CELL_COLORS[cell], opacity: 0.72 },
        ...(index === 0
          ? {
              markLine: {
                silent: true,
                symbol: 'none',
                lineStyle: { type: 'dashed', color: '#5c6675', width: 1 },
                label: { formatter: '{b}', color: '#5c6675', fontSize: 11 },
                data: [...lines('current'), ...lines('potential')],
              },
            }
          : {}),
      })),
    };
  }, [matrix, t, label, term]);

  const total = summary.customers;
  return (
    <>
      <EChart option={option} height={360} testId="value-matrix-chart" />
      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="value-matrix-note">
        {matrix.shown < total
          ? t('dashboard.matrix.sample', { shown: formatCount(matrix.shown, locale), total: formatCount(total, locale), perCell: formatCount(matrix.perCell, locale) })
          : t('dashboard.matrix.all', { total: formatCount(total, locale) })}
      </Typography.Text>
    </>
  );
}
