import { useState } from 'react';
import { Button, Card, Tabs } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/i18n-context.js';
import { PageHeader } from '../../layout/page-header.js';
import { AddUserModal } from './add-user-modal.js';
import { AuditLog } from './audit-log.js';
import { UserTable } from './user-table.js';

/** Accounts (list, add) and the audit log; administrators only. */
export function UsersPage() {
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  const [version, setVersion] = useState(0);
  const [tab, setTab] = useState('accounts');

  return (
    <>
      <PageHeader
        title={t('nav.users')}
        description={t('users.description')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-user">
            {t('users.add')}
          </Button>
        }
      />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'accounts', label: t('users.tab.accounts'), children: <UserTable version={version} /> },
            { key: 'audit', label: t('users.tab.audit'), children: <AuditLog version={version} /> },
          ]}
        />
      </Card>
      <AddUserModal
        open={adding}
        onClose={() => setAdding(false)}
        onAdded={() => {
          setAdding(false);
          setVersion((value) => value + 1);
        }}
      />
    </>
  );
}
