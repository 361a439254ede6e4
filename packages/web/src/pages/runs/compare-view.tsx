import { useCallback, useState } from 'react';
import { Card, Col, Empty, Flex, Row, Select, Statistic, Typography } from 'antd';
import { SwapRightOutlined } from '@ant-design/icons';
import { compareRoutes, type RunSummaryDto } from '@retail-value/core';
import { useApiData } from '../../api/use-api-data.js';
import { useSession } from '../../auth/session-context.js';
import { formatRatio } from '../../format/numbers.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useCoreText } from '../../i18n/use-core-text.js';
import { LoadError } from '../load-error.js';
import { ExportButton } from './export-button.js';
import { MoversTable } from './movers-table.js';
import { TransitionTable } from './transition-table.js';

const PAGE_SIZE = 20;

/** Two runs side by side (动态管理): how customers moved between cells and classes, and who moved. */
export function CompareView({
  runs,
  from,
  to,
  onChange,
}: {
  readonly runs: readonly RunSummaryDto[];
  readonly from: string | undefined;
  readonly to: string | undefined;
  readonly onChange: (from: string | undefined, to: string | undefined) => void;
}) {
  const { t } = useI18n();
  const { label, named } = useCoreText();
  const { api } = useSession();
  const [page, setPage] = useState(1);
  const [pageOf, setPageOf] = useState(`${from}|${to}`);
  // A new pair of runs starts on the first page of movers.
  if (pageOf !== `${from}|${to}`) {
    setPageOf(`${from}|${to}`);
    setPage(1);
  }
  const load = useCallback(
    () =>
      from === undefined || to === undefined
        ? Promise.resolve(undefined)
        : api(compareRoutes.compare, { query: { from, to, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE } }),
    [api, from, to, page],
  );
  const { data, error, loading, reload } = useApiData(load);
  const comparison = data !== undefined && data.from.runId === from && data.to.runId === to ? data : undefined;
  const options = runs.map((run) => ({ value: run.runId, label: t('runs.compare.run_option', { runId: run.runId, asOf: run.asOf }) }));

  if (runs.length < 2) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('runs.compare.need_two')} style={{ padding: '48px 0' }} />;
  }
  return (
    <Flex vertical gap={16}>
      <Flex wrap gap={12} align="center" justify="space-between">
        <Flex wrap gap={8} align="center">
          <Typography.Text type="secondary">{t('runs.compare.from')}</Typography.Text>
          <Select value={from} options={options} style={{ width: 280 }} onChange={(value: string) => onChange(value, to)} data-testid="compare-from" />
          <SwapRightOutlined style={{ color: '#8c95a3' }} />
          <Typography.Text type="secondary">{t('runs.compare.to')}</Typography.Text>
          <Select value={to} options={options} style={{ width: 280 }} onChange={(value: string) => onChange(from, value)} data-testid="compare-to" />
        </Flex>
        <ExportButton route={compareRoutes.export} query={from === undefined || to === undefined ? undefined : { from, to }} disabled={comparison === undefined} testId="compare-export" />
      </Flex>
      {error === undefined ? null : <LoadError error={error} onRetry={reload} />}
      {comparison === undefined ? (
        error === undefined ? <Card loading /> : null
      ) : (
        <>
          <Row gutter={[16, 16]} data-testid="compare-summary">
            {[
              { title: t('runs.compare.both'), value: comparison.customers.both },
              { title: t('runs.compare.entered'), value: comparison.customers.entered },
              { title: t('runs.compare.left'), value: comparison.customers.left },
              { title: t('runs.compare.stability_cells'), value: formatRatio(comparison.valueCells.stability) },
              { title: t('runs.compare.stability_classes'), value: formatRatio(comparison.serviceClasses.stability) },
              {
                title: t('runs.compare.movers'),
                value: comparison.moverCount.total,
                suffix: (
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {t('runs.compare.movers_split', { up: comparison.moverCount.up, down: comparison.moverCount.down, across: comparison.moverCount.across })}
                  </Typography.Text>
                ),
              },
            ].map((item) => (
              <Col key={item.title} xs={12} md={8} xl={4}>
                <Card size="small" style={{ height: '100%' }}>
                  <Statistic title={item.title} value={item.value} suffix={item.suffix} />
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xxl={12}>
              <Card size="small" title={t('runs.compare.cells_title')} style={{ height: '100%' }}>
                <TransitionTable matrix={comparison.valueCells} name={(code) => label(`cell.${code}`)} testId="transition-cells" />
              </Card>
            </Col>
            <Col xs={24} xxl={12}>
              <Card size="small" title={t('runs.compare.classes_title')} style={{ height: '100%' }}>
                <TransitionTable matrix={comparison.serviceClasses} name={(code) => named(comparison.classNames[code], code)} testId="transition-classes" />
              </Card>
            </Col>
          </Row>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('runs.compare.matrix_note')}
          </Typography.Text>
          <Card size="small" title={t('runs.compare.movers_title')}>
            <MoversTable comparison={comparison} loading={loading} page={page} pageSize={PAGE_SIZE} onPage={setPage} />
          </Card>
        </>
      )}
    </Flex>
  );
}
