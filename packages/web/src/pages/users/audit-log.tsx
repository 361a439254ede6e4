import { useCallback, useState } from 'react';
import { Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { auditRoutes, type AuditEntry } from '@retail-value/core';
import { useApiData } from '../../api/use-api-data.js';
import { useSession } from '../../auth/session-context.js';
import type { WebMessageKey } from '../../i18n/zh-CN.js';
import { zhCN } from '../../i18n/zh-CN.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { LoadError } from '../load-error.js';

const PAGE_SIZE = 20;

function detailText(detail: AuditEntry['detail']): string {
  if (detail === null) return '';
  return Object.entries(detail)
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
}

/** The audit log, newest first, paged on the server. */
export function AuditLog({ version }: { readonly version: number }) {
  const { t } = useI18n();
  const { api } = useSession();
  const [page, setPage] = useState(1);
  const load = useCallback(
    () => api(auditRoutes.list, { query: { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE } }),
    // `version` is a dependency only to reload after an account is added.
    [api, page, version],
  );
  const { data, error, loading, reload } = useApiData(load);
  const actionLabel = (action: string): string => {
    const key = `audit.action.${action}`;
    return key in zhCN ? t(key as WebMessageKey) : action;
  };

  return (
    <>
      {error === undefined ? null : <LoadError error={error} onRetry={reload} />}
      <Table<AuditEntry>
        rowKey="auditId"
        loading={loading}
        dataSource={data?.entries ?? []}
        size="middle"
        data-testid="audit-table"
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('audit.total', { total }),
          onChange: setPage,
        }}
        columns={[
          { title: t('audit.column.at'), dataIndex: 'at', width: 170, render: (value: string) => dayjs(value).format('YYYY-MM-DD HH:mm:ss') },
          { title: t('audit.column.user'), dataIndex: 'username', render: (value: string | null) => value ?? '—' },
          { title: t('audit.column.action'), dataIndex: 'action', render: actionLabel },
          { title: t('audit.column.target'), dataIndex: 'target', render: (value: string | null) => value ?? '—' },
          {
            title: t('audit.column.detail'),
            dataIndex: 'detail',
            render: (value: AuditEntry['detail']) => <Typography.Text type="secondary">{detailText(value)}</Typography.Text>,
          },
        ]}
      />
    </>
  );
}
