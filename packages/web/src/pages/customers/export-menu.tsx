import { useState } from 'react';
import { App, Button, Dropdown } from 'antd';
import { DownOutlined, DownloadOutlined } from '@ant-design/icons';
import { customerRoutes, exportRoutes } from '@retail-value/core';
import { ApiError } from '../../api/api-error.js';
import { useDownload } from '../../api/download.js';
import { useUser } from '../../auth/session-context.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { filterQuery, type ListState } from './list-state.js';

/**
 * Excel exports of what the page shows: the customer list with its current
 * filters and order, or the run's full results (every indicator's raw value
 * and score). Both are written by the server in the user's scope and audited.
 */
export function ExportMenu({ state, runId }: { readonly state: ListState; readonly runId: string | undefined }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const user = useUser();
  const download = useDownload();
  const [busy, setBusy] = useState(false);
  const headers = locale === 'en' ? 'en' : 'zh';

  const run = async (key: string) => {
    setBusy(true);
    try {
      if (key === 'list') await download(customerRoutes.export, { query: { ...filterQuery(state), headers } });
      else if (runId !== undefined) await download(exportRoutes.run, { params: { runId }, query: { format: 'xlsx', headers } });
    } catch (error) {
      message.error(error instanceof ApiError ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  const items = [{ key: 'list', label: t('customers.export.list') }];
  if (user.role !== 'manager') items.push({ key: 'results', label: t('customers.export.results') });
  return (
    <Dropdown menu={{ items, onClick: ({ key }) => void run(key) }} disabled={runId === undefined || busy} trigger={['click']}>
      <Button icon={<DownloadOutlined />} loading={busy} data-testid="export-menu">
        {t('customers.export')} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
