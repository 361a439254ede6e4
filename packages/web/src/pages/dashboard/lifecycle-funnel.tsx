import { useMemo } from 'react';
import { LIFECYCLE_STAGES, type DashboardSummaryDto } from '@retail-value/core';
import { EChart, type ChartOption } from '../../charts/echart.js';
import { STAGE_COLORS } from '../../charts/palette.js';
import { formatShare } from '../../format/numbers.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useCoreText } from '../../i18n/use-core-text.js';

/** Customers per lifecycle stage, in the order of the relationship (引入期 → 终止), not by size. */
export function LifecycleFunnel({ summary }: { readonly summary: DashboardSummaryDto }) {
  const { t } = useI18n();
  const { label } = useCoreText();
  const option = useMemo<ChartOption>(() => {
    const data = LIFECYCLE_STAGES.map((stage) => ({ name: label(`stage.${stage}`), value: summary.lifecycle[stage] ?? 0, itemStyle: { color: STAGE_COLORS[stage] } }));
    return {
      tooltip: {
        trigger: 'item',
        formatter: (raw: unknown) => {
          const item = raw as { name: string; value: number };
          return t('dashboard.tooltip.count', { name: item.name, count: item.value, share: formatShare(item.value, summary.customers) });
        },
      },
      series: [
        {
          type: 'funnel',
          sort: 'none',
          left: '8%',
          right: '8%',
          top: 12,
          bottom: 12,
          // Wide enough at the narrow end for a stage name and its count.
          minSize: '42%',
          gap: 3,
          label: { show: true, position: 'inside', formatter: '{b}  {c}', color: '#fff', fontSize: 13 },
          data,
        },
      ],
    };
  }, [summary, label, t]);
  return <EChart option={option} height={380} testId="lifecycle-funnel" />;
}
