import { useMemo } from 'react';
import { Table, Tag, Typography } from 'antd';
import type { CustomerHistoryEntry } from '@retail-value/core';
import { EChart, type ChartOption } from '../../charts/echart.js';
import { CELL_COLORS } from '../../charts/palette.js';
import { formatCount, formatFixed } from '../../format/numbers.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useCoreText } from '../../i18n/use-core-text.js';

const numeric = { fontVariantNumeric: 'tabular-nums' } as const;

/**
 * The customer across runs, oldest first: the composite score as a line
 * whose points carry the value cell's colour and the service class, and a
 * table of cell, class, rank and lifecycle stage per run.
 */
export function ClassHistory({ history, currentRunId }: { readonly history: readonly CustomerHistoryEntry[]; readonly currentRunId: string | undefined }) {
  const { t, locale } = useI18n();
  const { label, named } = useCoreText();
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 40, right: 24, top: 28, bottom: 28 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: history.map((entry) => entry.run.runId), axisLabel: { color: '#6b7280' } },
      yAxis: { type: 'value', min: 0, max: 100, interval: 25, axisLabel: { color: '#6b7280' } },
      series: [
        {
          type: 'line',
          name: t('customer.history.composite'),
          symbolSize: 10,
          lineStyle: { color: '#9aa8bb', width: 2 },
          data: history.map((entry) => ({
            value: Number(entry.compositeScore.toFixed(1)),
            itemStyle: { color: CELL_COLORS[entry.valueCell] },
            label: { show: true, position: 'top', formatter: named(entry.serviceClassName, entry.serviceClass), color: '#374151', fontSize: 12 },
          })),
        },
      ],
    }),
    [history, named, t],
  );
  return (
    <>
      {history.length > 1 ? (
        <EChart option={option} height={200} testId="class-history-chart" />
      ) : (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          {t('customer.history.single')}
        </Typography.Paragraph>
      )}
      <Table<CustomerHistoryEntry>
        rowKey={(entry) => entry.run.runId}
        size="small"
        pagination={false}
        dataSource={[...history].reverse()}
        data-testid="class-history"
        rowClassName={(entry) => (entry.run.runId === currentRunId ? 'rv-row-current' : '')}
        columns={[
          {
            title: t('customer.history.period'),
            key: 'run',
            render: (_: unknown, entry) => (
              <>
                <div>{entry.run.period}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {entry.run.runId}
                </Typography.Text>
              </>
            ),
          },
          {
            title: t('customers.column.cell'),
            dataIndex: 'valueCell',
            render: (cell: CustomerHistoryEntry['valueCell']) => (
              <Tag color={CELL_COLORS[cell]} style={{ marginInlineEnd: 0 }}>
                {label(`cell.${cell}`)}
              </Tag>
            ),
          },
          { title: t('customers.column.class'), key: 'class', render: (_: unknown, entry) => named(entry.serviceClassName, entry.serviceClass) },
          {
            title: t('customer.history.composite'),
            dataIndex: 'compositeScore',
            align: 'right',
            render: (value: number) => <span style={numeric}>{formatFixed(value, 1)}</span>,
          },
          {
            title: t('customer.history.rank'),
            key: 'rank',
            align: 'right',
            render: (_: unknown, entry) => (
              <span style={numeric}>
                {formatCount(entry.rank, locale)} / {formatCount(entry.customers, locale)}
              </span>
            ),
          },
          { title: t('customers.column.stage'), dataIndex: 'lifecycleStage', render: (stage: string) => label(`stage.${stage}`) },
        ]}
      />
    </>
  );
}
