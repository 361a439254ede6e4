import { useCallback, useState } from 'react';
import { App, Card, Flex, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { runRoutes } from '@retail-value/core';
import { useApiData } from '../../api/use-api-data.js';
import { useSession, useUser } from '../../auth/session-context.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { PageHeader } from '../../layout/page-header.js';
import { LoadError } from '../load-error.js';
import { CompareView } from './compare-view.js';
import { ExportButton } from './export-button.js';
import { RunDetailDrawer } from './run-detail-drawer.js';
import { RunTable } from './run-table.js';
import { StartEvaluation } from './start-evaluation.js';

type RunsTab = 'runs' | 'compare';

/**
 * 评价: start an evaluation and follow it, the runs made so far with their
 * details, and the comparison of two runs. The tab and the compared runs
 * live in the address (?tab=compare&from=…&to=…), so a reload or a shared
 * link shows the same view.
 */
export function RunsPage() {
  const { t } = useI18n();
  const { api } = useSession();
  const user = useUser();
  const [search, setSearch] = useSearchParams();
  const [opened, setOpened] = useState<string | undefined>(undefined);
  const [version, setVersion] = useState(0);
  // `version` is a dependency only to reload after an evaluation finishes.
  const load = useCallback(() => api(runRoutes.list), [api, version]);
  const { data, error, loading, reload } = useApiData(load);
  const runs = data?.runs ?? [];
  const tab: RunsTab = search.get('tab') === 'compare' ? 'compare' : 'runs';
  const from = search.get('from') ?? runs[1]?.runId;
  const to = search.get('to') ?? runs[0]?.runId;
  const canEvaluate = user.role === 'admin' || user.role === 'analyst';
  const { message } = App.useApp();
  // Administrators delete runs; a refusal (an evaluation running, a run already gone) is shown as the server words it.
  const remove = async (runId: string) => {
    try {
      const { deleted } = await api(runRoutes.delete, { params: { runId } });
      message.success(t('runs.delete.done', { run: deleted.runId }));
    } catch (caught) {
      message.error(caught instanceof Error ? caught.message : String(caught));
    }
    setVersion((value) => value + 1);
  };

  const show = (next: RunsTab, pair?: { from: string | undefined; to: string | undefined }) => {
    const params = new URLSearchParams();
    if (next === 'compare') {
      params.set('tab', 'compare');
      const chosen = pair ?? { from: search.get('from') ?? undefined, to: search.get('to') ?? undefined };
      if (chosen.from !== undefined) params.set('from', chosen.from);
      if (chosen.to !== undefined) params.set('to', chosen.to);
    }
    setSearch(params);
  };

  return (
    <>
      <PageHeader title={t('nav.runs')} description={t('runs.description')} />
      {error === undefined ? null : <LoadError error={error} onRetry={reload} />}
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => show(key as RunsTab)}
          items={[
            {
              key: 'runs',
              label: t('runs.tab.runs'),
              children: (
                <Flex vertical gap={16}>
                  {canEvaluate ? <StartEvaluation onFinished={() => setVersion((value) => value + 1)} /> : null}
                  <Flex justify="space-between" align="center">
                    <Typography.Text strong>{t('runs.list.title', { count: runs.length })}</Typography.Text>
                    <ExportButton route={runRoutes.exportList} disabled={runs.length === 0} testId="runs-export" />
                  </Flex>
                  <RunTable
                    runs={runs}
                    loading={loading}
                    onOpen={setOpened}
                    onCompare={(earlier, later) => show('compare', { from: earlier, to: later })}
                    onDelete={user.role === 'admin' ? remove : undefined}
                  />
                </Flex>
              ),
            },
            {
              key: 'compare',
              label: t('runs.tab.compare'),
              children: <CompareView runs={runs} from={from} to={to} onChange={(earlier, later) => show('compare', { from: earlier, to: later })} />,
            },
          ]}
        />
      </Card>
      <RunDetailDrawer runId={opened} onClose={() => setOpened(undefined)} />
    </>
  );
}
