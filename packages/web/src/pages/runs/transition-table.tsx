import { Table, Typography } from 'antd';
import type { ComparisonDto } from '@retail-value/core';
import { formatCount, formatRatio } from '../../format/numbers.js';
import { useI18n } from '../../i18n/i18n-context.js';

type Matrix = ComparisonDto['valueCells'];

interface MatrixRow {
  readonly key: string;
  readonly name: string;
  readonly counts: readonly number[];
  readonly shares: readonly (number | null)[] | null;
  readonly total: number | null;
  readonly left: number | null;
  readonly entered: boolean;
}

/**
 * A transition matrix as a heat table: rows the earlier run's categories,
 * columns the later run's, each cell its count and row share, shaded by the
 * share; the diagonal (stayed) is bold. Totals and customers who left sit on
 * the right, those who entered below.
 */
export function TransitionTable({ matrix, name, testId }: { readonly matrix: Matrix; readonly name: (code: string) => string; readonly testId: string }) {
  const { t, locale } = useI18n();
  const rows: MatrixRow[] = matrix.from.map((code, i) => {
    const counts = matrix.counts[i] ?? [];
    return {
      key: code,
      name: name(code),
      counts,
      shares: matrix.rowShares[i] ?? null,
      total: counts.reduce((sum, n) => sum + n, 0),
      left: matrix.left[code] ?? 0,
      entered: false,
    };
  });
  rows.push({
    key: '__entered',
    name: t('runs.compare.entered'),
    counts: matrix.to.map((code) => matrix.entered[code] ?? 0),
    shares: null,
    total: matrix.to.reduce((sum, code) => sum + (matrix.entered[code] ?? 0), 0),
    left: null,
    entered: true,
  });
  const numeric = { fontVariantNumeric: 'tabular-nums' as const };
  return (
    <Table<MatrixRow>
      size="small"
      bordered
      pagination={false}
      rowKey="key"
      dataSource={rows}
      data-testid={testId}
      scroll={{ x: 'max-content' }}
      columns={[
        {
          title: t('runs.compare.corner'),
          dataIndex: 'name',
          fixed: 'left',
          render: (value: string, row) => (row.entered ? <Typography.Text type="secondary">{value}</Typography.Text> : <Typography.Text strong>{value}</Typography.Text>),
        },
        ...matrix.to.map((code, j) => ({
          title: name(code),
          key: code,
          align: 'center' as const,
          onCell: (row: MatrixRow) => {
            const share = row.shares?.[j] ?? null;
            return { style: share === null || share === 0 ? {} : { background: `rgba(31, 95, 168, ${(0.08 + share * 0.55).toFixed(3)})` } };
          },
          render: (_: unknown, row: MatrixRow) => {
            const count = row.counts[j] ?? 0;
            const share = row.shares?.[j] ?? null;
            const diagonal = !row.entered && row.key === code;
            return (
              <div style={{ ...numeric, lineHeight: 1.35 }}>
                <div style={{ fontWeight: diagonal ? 700 : 400 }}>{formatCount(count, locale)}</div>
                {share === null ? null : <div style={{ fontSize: 11, color: share > 0.6 ? '#fff' : '#5c6675' }}>{formatRatio(share)}</div>}
              </div>
            );
          },
        })),
        { title: t('runs.compare.total'), dataIndex: 'total', align: 'right', render: (value: number | null) => <span style={numeric}>{value === null ? '' : formatCount(value, locale)}</span> },
        { title: t('runs.compare.left'), dataIndex: 'left', align: 'right', render: (value: number | null) => <span style={numeric}>{value === null ? '' : formatCount(value, locale)}</span> },
      ]}
    />
  );
}
