import { Card, Empty } from 'antd';
import type { WebMessageKey } from '../i18n/zh-CN.js';
import { useI18n } from '../i18n/i18n-context.js';
import { PageHeader } from '../layout/page-header.js';

/** A page whose data the server does not offer yet: its title, purpose and an honest empty state. */
export function PlaceholderPage({
  title,
  description,
  empty,
}: {
  readonly title: WebMessageKey;
  readonly description: WebMessageKey;
  readonly empty: WebMessageKey;
}) {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t(title)} description={t(description)} />
      <Card>
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(empty)} style={{ padding: '48px 0' }} />
      </Card>
    </>
  );
}
