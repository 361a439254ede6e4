import { Card, Col, Descriptions, Empty, Row, Tag } from 'antd';
import { userScope } from '@retail-value/core';
import { useUser } from '../auth/session-context.js';
import { useI18n } from '../i18n/i18n-context.js';
import { PageHeader } from '../layout/page-header.js';
import { ROLE_COLORS } from '../layout/role-colors.js';

export function DashboardPage() {
  const { t, roleLabel } = useI18n();
  const user = useUser();
  const scope = userScope(user);
  const scopeText =
    scope.kind === 'all'
      ? t('dashboard.scope.all')
      : scope.kind === 'district'
        ? t('dashboard.scope.district', { district: scope.district })
        : t('dashboard.scope.manager', { managerId: scope.managerId });

  return (
    <>
      <PageHeader title={t('nav.dashboard')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={8}>
          <Card title={t('dashboard.welcome', { name: user.username })} style={{ height: '100%' }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('users.column.role')}>
                <Tag color={ROLE_COLORS[user.role]}>{roleLabel(user.role)}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('dashboard.scope')}>
                <span data-testid="scope">{scopeText}</span>
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={16}>
          <Card title={t('dashboard.overview')} style={{ height: '100%' }}>
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.overview_empty')} style={{ padding: '24px 0' }} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
