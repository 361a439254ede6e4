import { useState } from 'react';
import { Alert, Button, Flex, Table, Typography } from 'antd';
import { ExperimentOutlined } from '@ant-design/icons';
import { weightRoutes, type ObjectiveWeightsResponse } from '@retail-value/core';
import { ApiError } from '../../api/api-error.js';
import { useSession } from '../../auth/session-context.js';
import { formatCount, formatFixed } from '../../format/numbers.js';
import { useI18n } from '../../i18n/i18n-context.js';

/**
 * Entropy and CRITIC weights of a dimension's indicators as the latest run's
 * scores give them, so the analyst sees what an objective spec would do
 * before choosing it.
 */
export function ObjectivePreview({ dimension, segment, name }: { readonly dimension: string; readonly segment: string; readonly name: (code: string) => string }) {
  const { t, locale } = useI18n();
  const { api } = useSession();
  const [preview, setPreview] = useState<ObjectiveWeightsResponse | undefined>(undefined);
  const [problem, setProblem] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const shown = preview !== undefined && preview.dimension === dimension && preview.segment === segment ? preview : undefined;

  const load = async () => {
    setBusy(true);
    setProblem([]);
    try {
      setPreview(await api(weightRoutes.objective, { query: { dimension, ...(segment === 'all' ? {} : { segment }) } }));
    } catch (error) {
      setProblem(error instanceof ApiError ? error.details : [String(error)]);
    } finally {
      setBusy(false);
    }
  };

  const methodIssues = shown === undefined ? [] : [shown.entropy, shown.critic].flatMap((outcome) => (outcome.ok ? [] : outcome.issues.map((found) => found.message)));
  return (
    <div data-testid="objective-preview">
      <Flex align="center" gap={12} wrap>
        <Button size="small" icon={<ExperimentOutlined />} loading={busy} onClick={() => void load()} data-testid="objective-preview-load">
          {t('schemes.objective.load')}
        </Button>
        {shown === undefined ? null : (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {shown.sampled < shown.customers
              ? t('schemes.objective.sampled', { run: shown.runId, customers: formatCount(shown.customers, locale), sampled: formatCount(shown.sampled, locale) })
              : t('schemes.objective.all', { run: shown.runId, customers: formatCount(shown.customers, locale) })}
          </Typography.Text>
        )}
      </Flex>
      {problem.length === 0 ? null : <Alert type="warning" showIcon title={problem[0]} description={problem.slice(1).join(' ')} style={{ marginTop: 12 }} />}
      {shown === undefined ? null : (
        <Table
          size="small"
          pagination={false}
          rowKey="code"
          style={{ marginTop: 12 }}
          dataSource={shown.indicators.map((indicator, index) => ({
            code: indicator.code,
            entropy: shown.entropy.ok ? shown.entropy.weights[index] : undefined,
            critic: shown.critic.ok ? shown.critic.weights[index] : undefined,
          }))}
          columns={[
            { title: t('schemes.tree.name'), dataIndex: 'code', render: (code: string) => name(code) },
            { title: t('schemes.method.entropy'), dataIndex: 'entropy', align: 'right', render: (value: number | undefined) => formatFixed(value, 4) },
            { title: t('schemes.method.critic'), dataIndex: 'critic', align: 'right', render: (value: number | undefined) => formatFixed(value, 4) },
          ]}
        />
      )}
      {methodIssues.length === 0 ? null : <Alert type="info" showIcon title={methodIssues.join(' ')} style={{ marginTop: 12 }} />}
    </div>
  );
}
