import { useState } from 'react';
import { App, Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { RouteContract, RouteQueryInput } from '@retail-value/core';
import { ApiError } from '../../api/api-error.js';
import { useDownload } from '../../api/download.js';
import { useI18n } from '../../i18n/i18n-context.js';

/** Downloads a workbook route; the button spins while the server writes it. */
export function ExportButton<R extends RouteContract>({
  route,
  query,
  disabled,
  testId,
}: {
  readonly route: R;
  readonly query?: RouteQueryInput<R>;
  readonly disabled?: boolean;
  readonly testId?: string;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const download = useDownload();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={busy}
      disabled={disabled}
      data-testid={testId}
      onClick={() => {
        setBusy(true);
        download(route, query === undefined ? {} : { query })
          .catch((error: unknown) => message.error(error instanceof ApiError ? error.message : String(error)))
          .finally(() => setBusy(false));
      }}
    >
      {t('runs.export_xlsx')}
    </Button>
  );
}
