import { Card, Tabs } from 'antd';
import { useI18n } from '../../i18n/i18n-context.js';
import { PageHeader } from '../../layout/page-header.js';
import { LoadError } from '../load-error.js';
import { CustomerFilterBar } from './customer-filter-bar.js';
import { CustomerTable } from './customer-table.js';
import { ExportMenu } from './export-menu.js';
import { useListState } from './use-list-state.js';
import { WarningTable } from './warning-table.js';

/** 客户: every customer in the user's scope with its scores and classes, and the churn warnings to act on. */
export function CustomersPage() {
  const { t } = useI18n();
  const { state, setState, facets, tab, setTab } = useListState();
  const runId = state.text.run ?? facets.data?.run?.runId;

  return (
    <>
      <PageHeader title={t('nav.customers')} description={t('customers.description')} extra={<ExportMenu state={state} runId={runId} />} />
      {facets.error === undefined ? null : <LoadError error={facets.error} onRetry={facets.reload} />}
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab === 'warnings' ? 'warnings' : 'list'}
          onChange={setTab}
          destroyOnHidden
          items={[
            {
              key: 'list',
              label: t('customers.tab.list'),
              children: (
                <>
                  <CustomerFilterBar state={state} onChange={setState} facets={facets.data} />
                  <CustomerTable state={state} onChange={setState} facets={facets.data} />
                </>
              ),
            },
            { key: 'warnings', label: t('customers.tab.warnings'), children: <WarningTable run={state.text.run} facets={facets.data} /> },
          ]}
        />
      </Card>
    </>
  );
}
