import { useCallback, useState } from 'react';
import { Button, Card, Col, Empty, Flex, Row, Segmented, Select, Skeleton, Typography } from 'antd';
import { Link } from 'react-router';
import { dashboardRoutes, userScope, type DashboardResponse } from '@retail-value/core';
import { useApiData } from '../../api/use-api-data.js';
import { useSession, useUser } from '../../auth/session-context.js';
import { formatCount } from '../../format/numbers.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { PageHeader } from '../../layout/page-header.js';
import { LoadError } from '../load-error.js';
import { BreakdownChart, type BreakdownMeasure } from './breakdown-chart.js';
import { CellCards } from './cell-cards.js';
import { ChurnWarnings } from './churn-warnings.js';
import { ClassRiskCard } from './class-risk-card.js';
import { LifecycleFunnel } from './lifecycle-funnel.js';
import { ValueMatrixChart } from './value-matrix-chart.js';

/**
 * 总览: one run (the latest unless another is chosen) as the signed-in user
 * may see it — counts per value cell and service class, the value matrix,
 * lifecycle, breakdowns by district, market and format, churn warnings.
 */
export function DashboardPage() {
  const { t, locale } = useI18n();
  const { api } = useSession();
  const user = useUser();
  const [runId, setRunId] = useState<string | undefined>(undefined);
  const [measure, setMeasure] = useState<BreakdownMeasure>('cells');
  const load = useCallback(() => api(dashboardRoutes.get, { query: { run: runId } }), [api, runId]);
  const { data, error, loading, reload } = useApiData<DashboardResponse>(load);
  const scope = userScope(user);
  const scopeText =
    scope.kind === 'all'
      ? t('dashboard.scope.all')
      : scope.kind === 'district'
        ? t('dashboard.scope.district', { district: scope.district })
        : t('dashboard.scope.manager', { managerId: scope.managerId });
  // Administrators and analysts start evaluations (POST /api/evaluations); the others wait for one.
  const evaluates = user.role === 'admin' || user.role === 'analyst';
  const summary = data?.summary ?? null;
  const runs = data?.runs ?? [];

  const runSelect =
    runs.length === 0 ? null : (
      <Flex align="center" gap={8}>
        <Typography.Text type="secondary">{t('dashboard.run')}</Typography.Text>
        <Select
          value={summary?.run.runId}
          style={{ width: 280 }}
          onChange={(value: string) => setRunId(value)}
          options={runs.map((run) => ({ value: run.runId, label: t('dashboard.run_option', { runId: run.runId, asOf: run.asOf }) }))}
          data-testid="dashboard-run"
        />
      </Flex>
    );
  const measureSwitch = (
    <Segmented<BreakdownMeasure>
      size="small"
      value={measure}
      onChange={setMeasure}
      options={[
        { value: 'cells', label: t('dashboard.breakdown.by_cell') },
        { value: 'classes', label: t('dashboard.breakdown.by_class') },
      ]}
    />
  );

  return (
    <>
      <PageHeader title={t('nav.dashboard')} description={t('dashboard.description')} extra={runSelect} />
      <Flex wrap gap={8} align="baseline" style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">{t('dashboard.scope')}</Typography.Text>
        <Typography.Text strong data-testid="scope">
          {scopeText}
        </Typography.Text>
        {summary === null ? null : (
          <Typography.Text type="secondary" data-testid="dashboard-run-info">
            {t('dashboard.run_info', {
              runId: summary.run.runId,
              period: summary.run.period,
              asOf: summary.run.asOf,
              customers: formatCount(summary.customers, locale),
            })}
          </Typography.Text>
        )}
      </Flex>
      {error === undefined ? null : <LoadError error={error} onRetry={reload} />}
      {data === undefined ? (
        loading ? (
          <Card>
            <Skeleton active paragraph={{ rows: 8 }} />
          </Card>
        ) : null
      ) : summary === null ? (
        <Card data-testid="dashboard-empty">
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            style={{ padding: '40px 0' }}
            description={
              <>
                <Typography.Title level={5} style={{ marginBottom: 4 }}>
                  {t('dashboard.empty.title')}
                </Typography.Title>
                <Typography.Text type="secondary">
                  {evaluates ? t('dashboard.empty.analyst') : t('dashboard.empty.other')}
                </Typography.Text>
              </>
            }
          >
            {evaluates ? (
              <Link to="/runs">
                <Button type="primary">{t('dashboard.empty.go')}</Button>
              </Link>
            ) : null}
          </Empty>
        </Card>
      ) : (
        <Flex vertical gap={16}>
          <CellCards summary={summary} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={15}>
              <Card title={t('dashboard.matrix.title')} size="small" style={{ height: '100%' }} styles={{ body: { padding: '12px 16px 16px' } }}>
                <ValueMatrixChart summary={summary} />
              </Card>
            </Col>
            <Col xs={24} xl={9}>
              <Card title={t('dashboard.lifecycle.title')} size="small" style={{ height: '100%' }} styles={{ body: { padding: '12px 16px 16px' } }}>
                <LifecycleFunnel summary={summary} />
              </Card>
            </Col>
          </Row>
          <Flex justify="space-between" align="center" style={{ marginTop: 8 }}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('dashboard.breakdown.title')}
            </Typography.Title>
            {measureSwitch}
          </Flex>
          {summary.byDistrict.length > 1 ? (
            <Card title={t('dashboard.breakdown.district')} size="small" styles={{ body: { padding: '12px 16px' } }}>
              <BreakdownChart summary={summary} kind="district" measure={measure} height={Math.max(260, summary.byDistrict.length > 8 ? summary.byDistrict.length * 28 + 60 : 280)} />
            </Card>
          ) : null}
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Card title={t('dashboard.breakdown.market')} size="small" styles={{ body: { padding: '12px 16px' } }}>
                <BreakdownChart summary={summary} kind="market" measure={measure} height={260} />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card title={t('dashboard.breakdown.format')} size="small" styles={{ body: { padding: '12px 16px' } }}>
                <BreakdownChart summary={summary} kind="format" measure={measure} height={260} />
              </Card>
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={8}>
              <Card title={t('dashboard.classes.title')} size="small" style={{ height: '100%' }}>
                <ClassRiskCard summary={summary} />
              </Card>
            </Col>
            <Col xs={24} xl={16}>
              <Card title={t('dashboard.warnings.title')} size="small" style={{ height: '100%' }}>
                <ChurnWarnings summary={summary} />
              </Card>
            </Col>
          </Row>
        </Flex>
      )}
    </>
  );
}
