import { Button, Popconfirm, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import type { RunSummaryDto } from '@retail-value/core';
import { formatCount } from '../../format/numbers.js';
import { useI18n } from '../../i18n/i18n-context.js';

/**
 * Every run, newest first; a run opens its detail, any run but the last can be
 * compared with the one before it, and — given `onDelete` (administrators) —
 * a run can be deleted after a confirmation that says what goes with it.
 */
export function RunTable({
  runs,
  loading,
  onOpen,
  onCompare,
  onDelete,
}: {
  readonly runs: readonly RunSummaryDto[];
  readonly loading: boolean;
  readonly onOpen: (runId: string) => void;
  readonly onCompare: (from: string, to: string) => void;
  readonly onDelete?: ((runId: string) => Promise<void>) | undefined;
}) {
  const { t, locale } = useI18n();
  return (
    <Table<RunSummaryDto>
      rowKey="runId"
      size="middle"
      loading={loading}
      dataSource={[...runs]}
      pagination={runs.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      locale={{ emptyText: t('runs.empty') }}
      data-testid="run-table"
      scroll={{ x: 900 }}
      columns={[
        {
          title: t('runs.column.run'),
          dataIndex: 'runId',
          render: (runId: string) => (
            <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => onOpen(runId)}>
              {runId}
            </Button>
          ),
        },
        { title: t('runs.column.period'), dataIndex: 'period' },
        {
          title: t('runs.column.window'),
          key: 'window',
          render: (_: unknown, run) => (
            <>
              {run.windowStart} ~ {run.asOf}
              <Typography.Text type="secondary" style={{ marginInlineStart: 6 }}>
                {t('runs.weeks', { weeks: run.windowWeeks })}
              </Typography.Text>
            </>
          ),
        },
        { title: t('runs.column.scheme'), key: 'scheme', render: (_: unknown, run) => t('runs.scheme_version', { id: run.schemeId, version: run.schemeVersion }) },
        { title: t('runs.column.customers'), dataIndex: 'customers', align: 'right', render: (value: number) => formatCount(value, locale) },
        { title: t('runs.column.created_at'), dataIndex: 'createdAt', render: (value: string) => dayjs(value).format('YYYY-MM-DD HH:mm') },
        {
          title: t('runs.column.actions'),
          key: 'actions',
          render: (_: unknown, run) => {
            // The table may be paged, so the run before is found in the whole list.
            const previous = runs[runs.findIndex((found) => found.runId === run.runId) + 1];
            return (
              <Space size={4}>
                <Button size="small" type="link" onClick={() => onOpen(run.runId)}>
                  {t('runs.action.detail')}
                </Button>
                {previous === undefined ? null : (
                  <Button size="small" type="link" onClick={() => onCompare(previous.runId, run.runId)}>
                    {t('runs.action.compare_previous')}
                  </Button>
                )}
                {onDelete === undefined ? null : (
                  <Popconfirm
                    title={t('runs.delete.title', { run: run.runId })}
                    description={<div style={{ maxWidth: 320 }}>{t('runs.delete.description', { count: formatCount(run.customers, locale) })}</div>}
                    okText={t('runs.delete.ok')}
                    okButtonProps={{ danger: true }}
                    cancelText={t('runs.delete.cancel')}
                    onConfirm={() => onDelete(run.runId)}
                  >
                    <Button size="small" type="link" danger data-testid={`run-delete-${run.runId}`}>
                      {t('runs.action.delete')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            );
          },
        },
      ]}
    />
  );
}
