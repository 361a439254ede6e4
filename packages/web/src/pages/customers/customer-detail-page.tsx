import { useCallback } from 'react';
import { Button, Card, Col, Empty, Flex, Result, Row, Select, Skeleton, Space, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { customerRoutes } from '@retail-value/core';
import { ApiError } from '../../api/api-error.js';
import { useApiData } from '../../api/use-api-data.js';
import { useSession } from '../../auth/session-context.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useCoreText } from '../../i18n/use-core-text.js';
import { PageHeader } from '../../layout/page-header.js';
import { LoadError } from '../load-error.js';
import { ArchiveCard } from './archive-card.js';
import { ClassHistory } from './class-history.js';
import { DimensionRadar } from './dimension-radar.js';
import { IndicatorTable } from './indicator-table.js';
import { StrategyCard } from './strategy-card.js';
import { SummaryCards } from './summary-cards.js';

/**
 * 客户详情: why a customer has its result in a run (the latest unless
 * ?run= says otherwise) — summary, dimension radar, indicator table, class
 * history across runs, service strategy — and its archive. Every role may
 * open it; the server answers 404 for a customer outside the user's scope.
 */
export function CustomerDetailPage() {
  const { t } = useI18n();
  const { label } = useCoreText();
  const { api } = useSession();
  const navigate = useNavigate();
  const { customerId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const run = search.get('run') ?? undefined;
  const load = useCallback(() => api(customerRoutes.detail, { params: { customerId }, query: { run } }), [api, customerId, run]);
  const { data, error, loading, reload } = useApiData(load);
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} data-testid="customer-back">
      {t('customer.back')}
    </Button>
  );

  if (error instanceof ApiError && error.status === 404 && data === undefined) {
    return <Result status="404" title={customerId} subTitle={t('customer.not_found')} extra={back} />;
  }
  if (data === undefined) {
    return (
      <>
        {error === undefined ? null : <LoadError error={error} onRetry={reload} />}
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      </>
    );
  }

  const { customer, evaluation, history } = data;
  const subtitle = [customer.customerId, customer.licenseNo, label(`format.${customer.format}`), label(`market.${customer.market}`), customer.district, customer.managerId]
    .filter((part): part is string => part !== null && part !== '')
    .join(' · ');
  const runChoice =
    history.length > 1 ? (
      <Select
        value={evaluation?.run.runId ?? run}
        style={{ width: 220 }}
        options={[...history].reverse().map((entry) => ({ value: entry.run.runId, label: t('customers.filter.run_option', { period: entry.run.period, runId: entry.run.runId }) }))}
        onChange={(value: string) => setSearch(value === history[history.length - 1]?.run.runId ? {} : { run: value })}
        data-testid="detail-run"
      />
    ) : null;

  return (
    <>
      <PageHeader
        title={customer.name}
        description={subtitle}
        extra={
          <Space>
            {runChoice}
            {back}
          </Space>
        }
      />
      {error === undefined ? null : <LoadError error={error} onRetry={reload} />}
      {evaluation === null ? (
        <Card style={{ marginBottom: 16 }}>
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customer.not_evaluated')} />
        </Card>
      ) : (
        <div style={{ opacity: loading ? 0.6 : 1, transition: 'opacity 0.2s' }}>
          <SummaryCards evaluation={evaluation} customer={customer} />
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={24} xl={10}>
              <Card title={t('customer.radar')} style={{ height: '100%' }}>
                <DimensionRadar evaluation={evaluation} />
              </Card>
            </Col>
            <Col xs={24} xl={14}>
              <Card title={t('customer.history')} style={{ height: '100%' }}>
                <ClassHistory history={history} currentRunId={evaluation.run.runId} />
              </Card>
            </Col>
          </Row>
          <Card
            title={t('customer.indicators')}
            extra={
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('customers.filter.run_option', { period: evaluation.run.period, runId: evaluation.run.runId })}
              </Typography.Text>
            }
            style={{ marginBottom: 16 }}
          >
            <IndicatorTable evaluation={evaluation} />
          </Card>
          <Card title={t('customer.strategy')} style={{ marginBottom: 16 }}>
            <StrategyCard evaluation={evaluation} />
          </Card>
        </div>
      )}
      <Card title={t('customer.archive')}>
        <Flex vertical>
          <ArchiveCard customer={customer} />
        </Flex>
      </Card>
    </>
  );
}
