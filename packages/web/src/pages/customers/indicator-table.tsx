import { Table, Tag, Tooltip, Typography } from 'antd';
import type { CustomerEvaluation } from '@retail-value/core';
import { formatFixed } from '../../format/numbers.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useCoreText } from '../../i18n/use-core-text.js';

type Indicator = CustomerEvaluation['indicators'][number];
const numeric = { fontVariantNumeric: 'tabular-nums' } as const;

/** A raw indicator value in its unit: ratios as percentages, amounts with digit grouping. */
function formatRaw(value: number | null, unit: Indicator['unit'], locale: 'zh-CN' | 'en'): string {
  if (value === null) return '—';
  if (unit.en === 'ratio') return `${(value * 100).toFixed(1)}%`;
  const number = value.toLocaleString(locale === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits: Math.abs(value) >= 100 ? 0 : 2 });
  return `${number} ${unit[locale]}`;
}

/**
 * Every indicator of the run for this customer: the raw value, its 0–100
 * score, its weights and the points it adds to the composite score, grouped
 * by dimension in the run's order. The bar shows each contribution against
 * the largest.
 */
export function IndicatorTable({ evaluation }: { readonly evaluation: CustomerEvaluation }) {
  const { t, locale } = useI18n();
  const { named } = useCoreText();
  const order = new Map(evaluation.dimensions.map((dimension, index) => [dimension.code, index]));
  const rows = [...evaluation.indicators].sort((a, b) => (order.get(a.dimension) ?? 0) - (order.get(b.dimension) ?? 0));
  const largest = Math.max(...rows.map((row) => row.contribution), 0.0001);
  const dimensionName = (code: string) => named(evaluation.dimensions.find((dimension) => dimension.code === code)?.name, code);
  const firstOfDimension = new Set(rows.filter((row, index) => index === 0 || rows[index - 1]?.dimension !== row.dimension).map((row) => row.code));
  const span = (row: Indicator) => (firstOfDimension.has(row.code) ? rows.filter((other) => other.dimension === row.dimension).length : 0);

  return (
    <Table<Indicator>
      rowKey="code"
      size="small"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 860 }}
      data-testid="indicator-table"
      columns={[
        {
          title: t('customer.indicator.dimension'),
          dataIndex: 'dimension',
          width: 120,
          onCell: (row) => ({ rowSpan: span(row) }),
          render: (code: string) => <Typography.Text strong>{dimensionName(code)}</Typography.Text>,
        },
        {
          title: t('customer.indicator.name'),
          dataIndex: 'name',
          render: (name: Indicator['name'], row) => (
            <>
              {named(name, row.code)}
              {row.direction === 'cost' ? (
                <Tooltip title={t('customer.indicator.cost')}>
                  <Tag style={{ marginInlineStart: 6 }} variant="outlined">
                    ↓
                  </Tag>
                </Tooltip>
              ) : null}
            </>
          ),
        },
        {
          title: t('customer.indicator.raw'),
          dataIndex: 'raw',
          align: 'right',
          width: 140,
          render: (value: number | null, row) => <span style={numeric}>{formatRaw(value, row.unit, locale)}</span>,
        },
        { title: t('customer.indicator.score'), dataIndex: 'score', align: 'right', width: 80, render: (value: number) => <span style={numeric}>{formatFixed(value, 1)}</span> },
        {
          title: t('customer.indicator.weight'),
          dataIndex: 'weight',
          align: 'right',
          width: 104,
          render: (value: number) => <span style={numeric}>{(value * 100).toFixed(1)}%</span>,
        },
        {
          title: t('customer.indicator.composite_weight'),
          dataIndex: 'compositeWeight',
          align: 'right',
          width: 96,
          render: (value: number) => <span style={numeric}>{(value * 100).toFixed(1)}%</span>,
        },
        {
          title: t('customer.indicator.contribution'),
          dataIndex: 'contribution',
          width: 180,
          render: (value: number) => (
            <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
              <div style={{ flex: 1, height: 8, background: '#eef1f5', borderRadius: 4 }}>
                <div style={{ width: `${Math.max(0, (100 * value) / largest)}%`, height: '100%', background: '#1f5fa8', borderRadius: 4 }} />
              </div>
              <span style={{ ...numeric, width: 40, textAlign: 'right' }}>{formatFixed(value, 2)}</span>
            </div>
          ),
        },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={6}>
            <Typography.Text type="secondary">{t('customer.indicators.hint')}</Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={6} align="right">
            <strong style={numeric}>{formatFixed(rows.reduce((sum, row) => sum + row.contribution, 0), 2)}</strong>
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}
