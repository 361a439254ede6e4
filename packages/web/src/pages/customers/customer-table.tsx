import { useCallback } from 'react';
import { Empty, Table, Tag, Typography } from 'antd';
import type { ColumnsType, SorterResult, SortOrder } from 'antd/es/table/interface';
import { useNavigate } from 'react-router';
import {
  CHURN_RISKS,
  CUSTOMER_FORMATS,
  CUSTOMER_MARKETS,
  customerRoutes,
  LIFECYCLE_STAGES,
  VALUE_CELLS,
  type CustomerFacets,
  type CustomerListItem,
  type CustomerSortKey,
} from '@retail-value/core';
import { useApiData } from '../../api/use-api-data.js';
import { useSession } from '../../auth/session-context.js';
import { CELL_COLORS, RISK_COLORS, STAGE_COLORS } from '../../charts/palette.js';
import { formatCount, formatFixed } from '../../format/numbers.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useCoreText } from '../../i18n/use-core-text.js';
import { LoadError } from '../load-error.js';
import { CODE_FILTERS, filterQuery, PAGE_SIZES, type CodeFilter, type ListState } from './list-state.js';

const numeric = { fontVariantNumeric: 'tabular-nums' } as const;

/**
 * A run's customers, paged, sorted and filtered on the server: the table
 * shows one page and asks for the next; column headers sort and filter the
 * coded fields. A row opens the customer.
 */
export function CustomerTable({
  state,
  onChange,
  facets,
  hideManager = false,
}: {
  readonly state: ListState;
  readonly onChange: (next: ListState) => void;
  readonly facets: CustomerFacets | undefined;
  /** A manager's own list leaves out the manager column. */
  readonly hideManager?: boolean;
}) {
  const { t, locale } = useI18n();
  const { label, named } = useCoreText();
  const { api } = useSession();
  const navigate = useNavigate();
  const load = useCallback(
    () => api(customerRoutes.list, { query: { ...filterQuery(state), page: state.page, pageSize: state.pageSize } }),
    [api, state],
  );
  const { data, error, loading, reload } = useApiData(load);
  const className = (code: string) => named(facets?.serviceClasses.find((found) => found.code === code)?.name, code);

  const sortOrder = (key: CustomerSortKey): SortOrder => (state.sort === key ? (state.order === 'asc' ? 'ascend' : 'descend') : null);
  const codeFilter = (name: CodeFilter, options: readonly { value: string; text: string }[]) => ({
    filters: options.map((option) => ({ value: option.value, text: option.text })),
    filteredValue: state.codes[name] === undefined ? null : [...(state.codes[name] ?? [])],
  });
  const score = (value: number) => <span style={numeric}>{formatFixed(value, 1)}</span>;

  const columns: ColumnsType<CustomerListItem> = [
    {
      title: t('customers.column.customer'),
      key: 'name',
      fixed: 'left',
      width: 180,
      sorter: true,
      sortOrder: sortOrder('name'),
      render: (_: unknown, row) => (
        <>
          <Typography.Link>{row.name}</Typography.Link>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {row.customerId}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('customers.column.composite'),
      dataIndex: 'compositeScore',
      key: 'compositeScore',
      width: 120,
      align: 'right',
      sorter: true,
      sortOrder: sortOrder('compositeScore'),
      render: (value: number) => <strong style={numeric}>{formatFixed(value, 1)}</strong>,
    },
    {
      title: t('customers.column.rank'),
      dataIndex: 'rank',
      key: 'rank',
      width: 84,
      align: 'right',
      sorter: true,
      sortOrder: sortOrder('rank'),
      render: (value: number) => <span style={numeric}>{formatCount(value, locale)}</span>,
    },
    {
      title: t('customers.column.cell'),
      dataIndex: 'valueCell',
      key: 'valueCell',
      width: 132,
      ...codeFilter('valueCell', VALUE_CELLS.map((code) => ({ value: code, text: label(`cell.${code}`) }))),
      render: (cell: CustomerListItem['valueCell']) => (
        <Tag color={CELL_COLORS[cell]} style={{ marginInlineEnd: 0 }}>
          {label(`cell.${cell}`)}
        </Tag>
      ),
    },
    {
      title: t('customers.column.class'),
      dataIndex: 'serviceClass',
      key: 'serviceClass',
      width: 108,
      ...codeFilter('serviceClass', (facets?.serviceClasses ?? []).map((found) => ({ value: found.code, text: named(found.name, found.code) }))),
      render: className,
    },
    {
      title: t('customers.column.stage'),
      dataIndex: 'lifecycleStage',
      key: 'lifecycleStage',
      width: 104,
      ...codeFilter('lifecycleStage', LIFECYCLE_STAGES.map((code) => ({ value: code, text: label(`stage.${code}`) }))),
      render: (stage: CustomerListItem['lifecycleStage']) => (
        <Tag color={STAGE_COLORS[stage]} variant="outlined" style={{ marginInlineEnd: 0 }}>
          {label(`stage.${stage}`)}
        </Tag>
      ),
    },
    {
      title: t('customers.column.churn'),
      dataIndex: 'churnRisk',
      key: 'churnScore',
      width: 112,
      sorter: true,
      sortOrder: sortOrder('churnScore'),
      ...codeFilter('churnRisk', CHURN_RISKS.map((code) => ({ value: code, text: label(`churn.${code}`) }))),
      render: (risk: CustomerListItem['churnRisk'], row) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          <Tag color={RISK_COLORS[risk]} style={{ marginInlineEnd: 6 }}>
            {label(`churn.${risk}`)}
          </Tag>
          <Typography.Text type="secondary" style={{ ...numeric, fontSize: 12 }}>
            {formatFixed(row.churnScore, 0)}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t('customers.column.current'),
      dataIndex: 'currentValue',
      key: 'currentValue',
      width: 104,
      align: 'right',
      sorter: true,
      sortOrder: sortOrder('currentValue'),
      render: score,
    },
    {
      title: t('customers.column.potential'),
      dataIndex: 'potentialValue',
      key: 'potentialValue',
      width: 112,
      align: 'right',
      sorter: true,
      sortOrder: sortOrder('potentialValue'),
      render: score,
    },
    {
      title: t('customers.column.clv'),
      dataIndex: 'clv',
      key: 'clv',
      width: 124,
      align: 'right',
      sorter: true,
      sortOrder: sortOrder('clv'),
      render: (value: number | null) => (
        <span style={numeric}>{value === null ? '—' : value.toLocaleString(locale === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits: 0 })}</span>
      ),
    },
    {
      title: t('customers.column.district'),
      key: 'district',
      width: 120,
      sorter: true,
      sortOrder: sortOrder('district'),
      render: (_: unknown, row) => (
        <>
          <div>{row.district}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.route ?? '—'}
          </Typography.Text>
        </>
      ),
    },
    ...(hideManager
      ? []
      : [
          {
            title: t('customers.column.manager'),
            dataIndex: 'managerId',
            key: 'managerId',
            width: 100,
            sorter: true,
            sortOrder: sortOrder('managerId'),
            render: (value: string | null) => value ?? '—',
          },
        ]),
    {
      title: t('customers.column.format'),
      dataIndex: 'format',
      key: 'format',
      width: 120,
      ...codeFilter('format', CUSTOMER_FORMATS.map((code) => ({ value: code, text: label(`format.${code}`) }))),
      render: (code: string) => label(`format.${code}`),
    },
    {
      title: t('customers.column.market'),
      dataIndex: 'market',
      key: 'market',
      width: 100,
      ...codeFilter('market', CUSTOMER_MARKETS.map((code) => ({ value: code, text: label(`market.${code}`) }))),
      render: (code: string) => label(`market.${code}`),
    },
    {
      title: t('customers.column.credit'),
      dataIndex: 'creditGrade',
      key: 'creditGrade',
      width: 88,
      sorter: true,
      sortOrder: sortOrder('creditGrade'),
      render: (value: string | null) => value ?? '—',
    },
    {
      title: t('customers.column.license'),
      dataIndex: 'licenseNo',
      key: 'licenseNo',
      width: 136,
      sorter: true,
      sortOrder: sortOrder('licenseNo'),
      render: (value: string | null) => <span style={numeric}>{value ?? '—'}</span>,
    },
  ];

  return (
    <>
      {error === undefined ? null : <LoadError error={error} onRetry={reload} />}
      <Table<CustomerListItem>
        rowKey="customerId"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        scroll={{ x: 1640 }}
        data-testid="customer-table"
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={data !== undefined && data.run === null ? t('customers.no_run') : t('customers.no_match')}
              style={{ padding: '32px 0' }}
            />
          ),
        }}
        onRow={(row) => ({ onClick: () => navigate(`/customers/${encodeURIComponent(row.customerId)}`), style: { cursor: 'pointer' } })}
        pagination={{
          current: state.page,
          pageSize: state.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES.map(String),
          showTotal: (total) => t('customers.total', { total: formatCount(total, locale) }),
        }}
        onChange={(pagination, filters, sorter, extra) => {
          const codes: Partial<Record<CodeFilter, readonly string[]>> = {};
          for (const name of CODE_FILTERS) {
            const chosen = (filters[name === 'churnRisk' ? 'churnScore' : name] ?? []).map(String);
            if (chosen.length > 0) codes[name] = chosen;
          }
          const sorted = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<CustomerListItem> | undefined;
          const sortKey = sorted?.order === undefined || sorted.order === null ? 'rank' : (String(sorted.columnKey) as CustomerSortKey);
          const order = sorted?.order === 'descend' ? 'desc' : 'asc';
          // A new filter or sort starts again at the first page.
          const page = extra.action === 'paginate' ? (pagination.current ?? 1) : 1;
          onChange({ ...state, codes, sort: sortKey, order, page, pageSize: pagination.pageSize ?? state.pageSize });
        }}
      />
    </>
  );
}
