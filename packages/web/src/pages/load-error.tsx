import { Alert, Button } from 'antd';
import { ApiError } from '../api/api-error.js';
import { useI18n } from '../i18n/i18n-context.js';

/** What went wrong loading a page's data, with a way to try again. */
export function LoadError({ error, onRetry }: { readonly error: unknown; readonly onRetry: () => void }) {
  const { t } = useI18n();
  const message = error instanceof ApiError ? error.message : String(error);
  return (
    <Alert
      type="error"
      showIcon
      title={t('error.load', { message })}
      action={
        <Button size="small" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      }
      style={{ marginBottom: 16 }}
    />
  );
}
