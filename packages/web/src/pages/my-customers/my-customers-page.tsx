import { useCallback } from 'react';
import { Card, Col, Row, Statistic, Tabs } from 'antd';
import { customerRoutes, warningRoutes, type StrategyOverview as Overview } from '@retail-value/core';
import { useApiData } from '../../api/use-api-data.js';
import { useSession } from '../../auth/session-context.js';
import { RISK_COLORS } from '../../charts/palette.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { PageHeader } from '../../layout/page-header.js';
import { CustomerFilterBar } from '../customers/customer-filter-bar.js';
import { CustomerTable } from '../customers/customer-table.js';
import { ExportMenu } from '../customers/export-menu.js';
import { useListState } from '../customers/use-list-state.js';
import { WarningTable } from '../customers/warning-table.js';
import { LoadError } from '../load-error.js';
import { StrategyOverview } from './strategy-overview.js';

/** Visits a month each frequency asks for (52 weeks over 12 months). */
const VISITS_PER_MONTH = { weekly: 52 / 12, biweekly: 26 / 12, monthly: 1, quarterly: 1 / 3 } as const;

function visitsPerMonth(overview: Overview | undefined): number {
  return (overview?.classes ?? []).reduce((sum, found) => sum + found.customers * VISITS_PER_MONTH[found.visitFrequency], 0);
}

/**
 * 我的客户, for a customer manager: their customers (the server lists only
 * theirs), the churn warnings among them, and the service strategy of each
 * class with the visits it implies.
 */
export function MyCustomersPage() {
  const { t } = useI18n();
  const { api } = useSession();
  const { state, setState, facets, tab, setTab } = useListState();
  const run = state.text.run;
  const loadStrategies = useCallback(() => api(customerRoutes.strategies, { query: { run } }), [api, run]);
  const strategies = useApiData(loadStrategies);
  const loadWarnings = useCallback(() => api(warningRoutes.list, { query: { run, level: 'medium', pageSize: 1 } }), [api, run]);
  const warnings = useApiData(loadWarnings);
  const customers = (strategies.data?.classes ?? []).reduce((sum, found) => sum + found.customers, 0);
  const runId = run ?? facets.data?.run?.runId;

  return (
    <>
      <PageHeader title={t('nav.my_customers')} description={t('my_customers.description')} extra={<ExportMenu state={state} runId={runId} />} />
      {strategies.error === undefined ? null : <LoadError error={strategies.error} onRetry={strategies.reload} />}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={8}>
          <Card size="small">
            <Statistic title={t('my_customers.stat.customers')} value={customers} loading={strategies.loading && strategies.data === undefined} />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card size="small">
            <Statistic
              title={t('my_customers.stat.warnings')}
              value={warnings.data?.total ?? 0}
              loading={warnings.loading && warnings.data === undefined}
              styles={{ content: { color: (warnings.data?.total ?? 0) > 0 ? RISK_COLORS.high : undefined } }}
            />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card size="small">
            <Statistic title={t('my_customers.stat.visits')} value={Math.round(visitsPerMonth(strategies.data))} loading={strategies.loading && strategies.data === undefined} />
          </Card>
        </Col>
      </Row>
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab === 'warnings' || tab === 'strategies' ? tab : 'customers'}
          onChange={setTab}
          destroyOnHidden
          items={[
            {
              key: 'customers',
              label: t('my_customers.tab.customers'),
              children: (
                <>
                  <CustomerFilterBar state={state} onChange={setState} facets={facets.data} fields={['route']} />
                  <CustomerTable state={state} onChange={setState} facets={facets.data} hideManager />
                </>
              ),
            },
            { key: 'warnings', label: t('my_customers.tab.warnings'), children: <WarningTable run={run} facets={facets.data} hideManager /> },
            { key: 'strategies', label: t('my_customers.tab.strategies'), children: <StrategyOverview overview={strategies.data} /> },
          ]}
        />
      </Card>
    </>
  );
}
