import { useEffect } from 'react';
import { useI18n } from '../i18n/i18n-context.js';

/** “页面 · 零售客户价值管理系统” in the browser tab. */
export function useDocumentTitle(page: string | undefined): void {
  const { t } = useI18n();
  const product = t('app.name');
  useEffect(() => {
    document.title = page === undefined ? product : `${page} · ${product}`;
  }, [page, product]);
}
