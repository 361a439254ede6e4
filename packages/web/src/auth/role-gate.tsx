import type { ReactNode } from 'react';
import { Result } from 'antd';
import { useI18n } from '../i18n/i18n-context.js';
import { useDocumentTitle } from '../layout/use-document-title.js';
import { navItem } from '../navigation.js';
import { useUser } from './session-context.js';

/** The page for users whose role the menu entry lists; a 403 notice for others (e.g. a typed-in address). */
export function RoleGate({ path, children }: { readonly path: string; readonly children: ReactNode }) {
  const user = useUser();
  if (navItem(path).roles.includes(user.role)) return children;
  return <Forbidden />;
}

function Forbidden() {
  const { t } = useI18n();
  useDocumentTitle(t('forbidden.title'));
  return <Result status="403" title={t('forbidden.title')} subTitle={t('forbidden.description')} />;
}
