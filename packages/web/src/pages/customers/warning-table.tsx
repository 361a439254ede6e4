import { useCallback, useState } from 'react';
import { App, Button, Empty, Flex, Segmented, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { CHURN_RISKS, customerRoutes, LIFECYCLE_STAGES, warningRoutes, type ChurnRisk, type CustomerFacets, type Warning } from '@retail-value/core';
import { ApiError } from '../../api/api-error.js';
import { useDownload } from '../../api/download.js';
import { useApiData } from '../../api/use-api-data.js';
import { useSession } from '../../auth/session-context.js';
import { CELL_COLORS, RISK_COLORS } from '../../charts/palette.js';
import { formatCount, formatFixed, formatSigned } from '../../format/numbers.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useCoreText } from '../../i18n/use-core-text.js';
import { LoadError } from '../load-error.js';

const PAGE_SIZE = 20;
const numeric = { fontVariantNumeric: 'tabular-nums' } as const;

/** Churn warnings of a run in the user's scope, worst first, with the reasons the run found. A row opens the customer. */
export function WarningTable({ run, facets, hideManager = false }: { readonly run: string | undefined; readonly facets: CustomerFacets | undefined; readonly hideManager?: boolean }) {
  const { t, locale } = useI18n();
  const { label, term, named } = useCoreText();
  const { api } = useSession();
  const navigate = useNavigate();
  const [level, setLevel] = useState<ChurnRisk>('medium');
  const [page, setPage] = useState(1);
  const load = useCallback(() => api(warningRoutes.list, { query: { run, level, page, pageSize: PAGE_SIZE } }), [api, run, level, page]);
  const { data, error, loading, reload } = useApiData(load);
  const className = (code: string) => named(facets?.serviceClasses.find((found) => found.code === code)?.name, code);
  const download = useDownload();
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);

  /*
   * The warnings as the customer workbook writes them (it carries the churn
   * score, risk, reasons and stage): the same levels, the terminated left
   * out as here, worst first.
   */
  const exportWarnings = async () => {
    setExporting(true);
    try {
      await download(customerRoutes.export, {
        query: {
          run,
          churnRisk: CHURN_RISKS.slice(0, CHURN_RISKS.indexOf(level) + 1).join(','),
          lifecycleStage: LIFECYCLE_STAGES.filter((stage) => stage !== 'termination').join(','),
          sort: 'churnScore',
          order: 'desc',
          headers: locale === 'en' ? 'en' : 'zh',
        },
      });
    } catch (error) {
      message.error(error instanceof ApiError ? error.message : String(error));
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <Flex align="center" gap={12} style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">{t('warnings.level')}</Typography.Text>
        <Segmented<ChurnRisk>
          value={level}
          onChange={(value) => {
            setLevel(value);
            setPage(1);
          }}
          options={(['high', 'medium', 'low'] as const).map((value) => ({ value, label: t(`warnings.level.${value}`) }))}
          data-testid="warning-level"
        />
        <Button
          icon={<DownloadOutlined />}
          loading={exporting}
          disabled={data?.run === null || data?.total === 0}
          onClick={() => void exportWarnings()}
          style={{ marginInlineStart: 'auto' }}
          data-testid="warning-export"
        >
          {t('customers.export')}
        </Button>
      </Flex>
      {error === undefined ? null : <LoadError error={error} onRetry={reload} />}
      <Table<Warning>
        rowKey="customerId"
        size="middle"
        loading={loading}
        dataSource={data?.items ?? []}
        scroll={{ x: 1100 }}
        data-testid="warning-table"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('warnings.empty')} style={{ padding: '32px 0' }} /> }}
        onRow={(row) => ({ onClick: () => navigate(`/customers/${encodeURIComponent(row.customerId)}`), style: { cursor: 'pointer' } })}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
          showTotal: (total) => t('warnings.total', { total: formatCount(total, locale) }),
        }}
        columns={[
          {
            title: t('customers.column.customer'),
            key: 'customer',
            width: 170,
            render: (_: unknown, row) => (
              <>
                <Typography.Link>{row.name ?? row.customerId}</Typography.Link>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {row.customerId}
                </Typography.Text>
              </>
            ),
          },
          ...(hideManager ? [] : [{ title: t('customers.column.manager'), dataIndex: 'managerId', width: 96, render: (value: string | null) => value ?? '—' }]),
          {
            title: t('customers.column.churn'),
            dataIndex: 'churnRisk',
            width: 112,
            render: (risk: Warning['churnRisk'], row) => (
              <span style={{ whiteSpace: 'nowrap' }}>
                <Tag color={RISK_COLORS[risk]} style={{ marginInlineEnd: 6 }}>
                  {label(`churn.${risk}`)}
                </Tag>
                <strong style={numeric}>{formatFixed(row.churnScore, 0)}</strong>
              </span>
            ),
          },
          {
            title: t('warnings.column.reasons'),
            dataIndex: 'reasons',
            width: 260,
            render: (reasons: readonly string[]) => (
              <Flex wrap gap={4}>
                {reasons.map((reason) => (
                  <Tag key={reason} color="red" variant="outlined" style={{ marginInlineEnd: 0 }}>
                    {term(`reason.${reason}`)}
                  </Tag>
                ))}
              </Flex>
            ),
          },
          {
            title: t('warnings.column.weeks_since_order'),
            dataIndex: 'weeksSinceOrder',
            width: 88,
            align: 'right',
            render: (weeks: number | null) => <span style={numeric}>{weeks === null ? '—' : t('warnings.weeks', { weeks })}</span>,
          },
          {
            title: t('warnings.column.volume_change'),
            dataIndex: 'volumeChange',
            width: 96,
            align: 'right',
            render: (change: number | null) => <span style={numeric}>{change === null ? '—' : `${formatSigned(change * 100, 1)}%`}</span>,
          },
          { title: t('customers.column.stage'), dataIndex: 'lifecycleStage', width: 96, render: (stage: string) => label(`stage.${stage}`) },
          {
            title: t('customers.column.cell'),
            dataIndex: 'valueCell',
            width: 180,
            render: (cell: Warning['valueCell'], row) => (
              <span style={{ whiteSpace: 'nowrap' }}>
                <Tag color={CELL_COLORS[cell]} style={{ marginInlineEnd: 6 }}>
                  {label(`cell.${cell}`)}
                </Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {className(row.serviceClass)}
                </Typography.Text>
              </span>
            ),
          },
        ]}
      />
    </>
  );
}
