import { Table, Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowRightOutlined, ArrowUpOutlined } from '@ant-design/icons';
import type { ComparisonDto, MoverDto } from '@retail-value/core';
import { formatFixed, formatSigned } from '../../format/numbers.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useCoreText } from '../../i18n/use-core-text.js';

const DIRECTION = {
  up: { color: 'green', icon: <ArrowUpOutlined /> },
  down: { color: 'red', icon: <ArrowDownOutlined /> },
  across: { color: 'default', icon: <ArrowRightOutlined /> },
} as const;

/** One page of movers: who changed cell or class, which way, by how much, and the dimension that moved most. */
export function MoversTable({
  comparison,
  loading,
  page,
  pageSize,
  onPage,
}: {
  readonly comparison: ComparisonDto;
  readonly loading: boolean;
  readonly page: number;
  readonly pageSize: number;
  readonly onPage: (page: number) => void;
}) {
  const { t } = useI18n();
  const { label, named } = useCoreText();
  const className = (code: string): string => named(comparison.classNames[code], code);
  const dimensionName = (code: string): string => named(comparison.dimensions.find((found) => found.code === code)?.name, code);
  const fromTo = (from: string, to: string) => (
    <span style={{ whiteSpace: 'nowrap' }}>
      {from}
      <ArrowRightOutlined style={{ margin: '0 6px', fontSize: 10, color: '#8c95a3' }} />
      {to}
    </span>
  );
  return (
    <Table<MoverDto>
      rowKey="customerId"
      size="small"
      loading={loading}
      dataSource={comparison.movers}
      data-testid="movers-table"
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('runs.compare.no_movers') }}
      pagination={{
        current: page,
        pageSize,
        total: comparison.moverCount.total,
        showSizeChanger: false,
        showTotal: (total) => t('runs.compare.movers_total', { total }),
        onChange: onPage,
      }}
      columns={[
        {
          title: t('runs.compare.customer'),
          dataIndex: 'customerId',
          fixed: 'left',
          width: 150,
          render: (id: string, row) => (
            <>
              <div>{row.name ?? id}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {id}
              </Typography.Text>
            </>
          ),
        },
        { title: t('runs.compare.district'), dataIndex: 'district', width: 90, render: (value: string | null) => value ?? '—' },
        { title: t('runs.compare.manager'), dataIndex: 'managerId', width: 90, render: (value: string | null) => value ?? '—' },
        {
          title: t('runs.compare.direction'),
          dataIndex: 'direction',
          width: 90,
          render: (direction: MoverDto['direction']) => (
            <Tag color={DIRECTION[direction].color} icon={DIRECTION[direction].icon}>
              {label(`dynamics.direction.${direction}`)}
            </Tag>
          ),
        },
        { title: t('runs.compare.cell'), key: 'cell', render: (_: unknown, row) => fromTo(label(`cell.${row.fromCell}`), label(`cell.${row.toCell}`)) },
        { title: t('runs.compare.class'), key: 'class', render: (_: unknown, row) => fromTo(className(row.fromClass), className(row.toClass)) },
        {
          title: t('runs.compare.composite'),
          key: 'composite',
          align: 'right',
          render: (_: unknown, row) => (
            <span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
              {formatFixed(row.compositeFrom, 1)} → {formatFixed(row.compositeTo, 1)}
              <Typography.Text type={row.compositeChange >= 0 ? 'success' : 'danger'} style={{ marginInlineStart: 6 }}>
                {formatSigned(row.compositeChange, 1)}
              </Typography.Text>
            </span>
          ),
        },
        { title: t('runs.compare.rank'), key: 'rank', align: 'right', render: (_: unknown, row) => <span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>{row.rankFrom} → {row.rankTo}</span> },
        {
          title: t('runs.compare.dimension'),
          key: 'dimension',
          render: (_: unknown, row) =>
            row.dimension === null ? (
              '—'
            ) : (
              <span style={{ whiteSpace: 'nowrap' }}>
                {dimensionName(row.dimension)}
                <Typography.Text type={(row.dimensionChange ?? 0) >= 0 ? 'success' : 'danger'} style={{ marginInlineStart: 6, fontVariantNumeric: 'tabular-nums' }}>
                  {formatSigned(row.dimensionChange, 1)}
                </Typography.Text>
              </span>
            ),
        },
      ]}
    />
  );
}
