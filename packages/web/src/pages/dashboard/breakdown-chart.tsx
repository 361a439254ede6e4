import { useMemo } from 'react';
import { VALUE_CELLS, type DashboardSummaryDto } from '@retail-value/core';
import { EChart, type ChartOption } from '../../charts/echart.js';
import { CELL_COLORS, CLASS_COLORS } from '../../charts/palette.js';
import { useCoreText } from '../../i18n/use-core-text.js';

export type BreakdownKind = 'district' | 'market' | 'format';
export type BreakdownMeasure = 'cells' | 'classes';

const GROUPS: Readonly<Record<BreakdownKind, 'byDistrict' | 'byMarket' | 'byFormat'>> = { district: 'byDistrict', market: 'byMarket', format: 'byFormat' };

/**
 * Customers per district, market or format, stacked by value cell or by
 * service class. Districts are names as imported; markets and formats are
 * codes named by the core catalog.
 */
export function BreakdownChart({
  summary,
  kind,
  measure,
  height,
}: {
  readonly summary: DashboardSummaryDto;
  readonly kind: BreakdownKind;
  readonly measure: BreakdownMeasure;
  readonly height: number;
}) {
  const { label, named } = useCoreText();
  const option = useMemo<ChartOption>(() => {
    const groups = [...summary[GROUPS[kind]]].sort((a, b) => b.customers - a.customers);
    const groupName = (group: string): string => (kind === 'district' ? group || '—' : label(`${kind}.${group}`));
    const stacks =
      measure === 'cells'
        ? VALUE_CELLS.map((cell) => ({ key: cell, name: label(`cell.${cell}`), color: CELL_COLORS[cell], pick: (group: (typeof groups)[number]) => group.valueCells[cell] ?? 0 }))
        : summary.classes.map((serviceClass, index) => ({
            key: serviceClass.code,
            name: named(serviceClass.name, serviceClass.code),
            color: CLASS_COLORS[index] ?? '#ccc',
            pick: (group: (typeof groups)[number]) => group.serviceClasses[serviceClass.code] ?? 0,
          }));
    // Many districts, and formats with their long names, read better as horizontal bars.
    const horizontal = kind === 'format' || (kind === 'district' && groups.length > 8);
    const categoryAxis = {
      type: 'category' as const,
      data: groups.map((group) => groupName(group.group)),
      axisTick: { show: false },
      axisLabel: { interval: 0, hideOverlap: true },
    };
    const valueAxis = { type: 'value' as const, minInterval: 1, splitLine: { lineStyle: { color: '#eef0f3' } } };
    return {
      grid: { left: 12, right: 16, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0, itemWidth: 12, itemHeight: 12 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
      series: stacks.map((stack) => ({
        type: 'bar',
        name: stack.name,
        stack: 'customers',
        barMaxWidth: 36,
        itemStyle: { color: stack.color },
        emphasis: { focus: 'series' },
        data: groups.map(stack.pick),
      })),
    };
  }, [summary, kind, measure, label, named]);
  return <EChart option={option} height={height} testId={`breakdown-${kind}`} />;
}
