import { useCallback } from 'react';
import { Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { userRoutes, type User } from '@retail-value/core';
import { useApiData } from '../../api/use-api-data.js';
import { useSession } from '../../auth/session-context.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { ROLE_COLORS } from '../../layout/role-colors.js';
import { LoadError } from '../load-error.js';

/** Every account; `version` changes when one is added. */
export function UserTable({ version }: { readonly version: number }) {
  const { t, roleLabel } = useI18n();
  const { api } = useSession();
  // `version` is a dependency only to reload after an account is added.
  const load = useCallback(() => api(userRoutes.list), [api, version]);
  const { data, error, loading, reload } = useApiData(load);

  return (
    <>
      {error === undefined ? null : <LoadError error={error} onRetry={reload} />}
      <Table<User>
        rowKey="username"
        loading={loading}
        dataSource={data?.users ?? []}
        pagination={false}
        size="middle"
        data-testid="user-table"
        columns={[
          { title: t('users.column.username'), dataIndex: 'username' },
          {
            title: t('users.column.role'),
            dataIndex: 'role',
            render: (role: User['role']) => <Tag color={ROLE_COLORS[role]}>{roleLabel(role)}</Tag>,
          },
          { title: t('users.column.district'), dataIndex: 'district', render: (value: string | null) => value ?? '—' },
          { title: t('users.column.manager_id'), dataIndex: 'managerId', render: (value: string | null) => value ?? '—' },
          {
            title: t('users.column.created_at'),
            dataIndex: 'createdAt',
            render: (value: string) => dayjs(value).format('YYYY-MM-DD HH:mm'),
          },
        ]}
      />
    </>
  );
}
