import { useMemo } from 'react';
import type { CustomerEvaluation } from '@retail-value/core';
import { EChart, type ChartOption } from '../../charts/echart.js';
import { CELL_COLORS } from '../../charts/palette.js';
import { formatFixed } from '../../format/numbers.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useCoreText } from '../../i18n/use-core-text.js';

/** The customer's score on each dimension (0–100), current-value dimensions first, as a radar. */
export function DimensionRadar({ evaluation }: { readonly evaluation: CustomerEvaluation }) {
  const { t } = useI18n();
  const { named, label } = useCoreText();
  const dimensions = useMemo(
    () => [...evaluation.dimensions].sort((a, b) => (a.side === b.side ? 0 : a.side === 'current' ? -1 : 1)),
    [evaluation.dimensions],
  );
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: {
        trigger: 'item',
        formatter: () =>
          dimensions
            .map((dimension) =>
              t('customer.radar.tooltip', { name: named(dimension.name, dimension.code), side: label(`cell.side.${dimension.side}`), score: formatFixed(dimension.score, 1) }),
            )
            .join('<br/>'),
      },
      radar: {
        radius: '66%',
        center: ['50%', '54%'],
        splitNumber: 4,
        axisName: { color: '#4a5565', fontSize: 13 },
        splitArea: { areaStyle: { color: ['#f7f9fc', '#ffffff'] } },
        indicator: dimensions.map((dimension) => ({ name: named(dimension.name, dimension.code), max: 100, min: 0 })),
      },
      series: [
        {
          type: 'radar',
          name: t('customer.radar.score'),
          symbolSize: 5,
          lineStyle: { color: CELL_COLORS.value, width: 2 },
          itemStyle: { color: CELL_COLORS.value },
          areaStyle: { color: 'rgba(31, 95, 168, 0.18)' },
          label: { show: true, formatter: (params: { value?: unknown }) => formatFixed(Number(params.value), 0), color: '#1f5fa8', fontSize: 11 },
          data: [{ value: dimensions.map((dimension) => Number(dimension.score.toFixed(1))), name: t('customer.radar.score') }],
        },
      ],
    }),
    [dimensions, named, label, t],
  );
  return <EChart option={option} height={300} testId="dimension-radar" />;
}
