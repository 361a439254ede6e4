import { useCallback, type ReactNode } from 'react';
import { Badge, Descriptions, Drawer, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { LIFECYCLE_STAGES, runRoutes, VALUE_CELLS, type RunDetail } from '@retail-value/core';
import { useApiData } from '../../api/use-api-data.js';
import { useSession } from '../../auth/session-context.js';
import { CELL_COLORS, CLASS_COLORS, STAGE_COLORS } from '../../charts/palette.js';
import { formatCount, formatFixed, formatRatio, formatSigned } from '../../format/numbers.js';
import { useI18n, type Translate } from '../../i18n/i18n-context.js';
import { useCoreText } from '../../i18n/use-core-text.js';
import { LoadError } from '../load-error.js';
import { stepLabel } from './run-steps.js';

/** A category and its customers, its colour as a dot so the text keeps full contrast. */
function CountTag({ color, text, count }: { readonly color: string; readonly text: string; readonly count: string }) {
  return (
    <Tag style={{ marginInlineEnd: 0, paddingBlock: 2 }}>
      <Badge color={color} text={text} style={{ fontSize: 12 }} />
      <span style={{ marginInlineStart: 6, fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}>{count}</span>
    </Tag>
  );
}

function Section({ title, children }: { readonly title: string; readonly children: ReactNode }) {
  return (
    <section style={{ marginBottom: 24 }}>
      <Typography.Title level={5} style={{ marginTop: 0, marginBottom: 12 }}>
        {title}
      </Typography.Title>
      {children}
    </section>
  );
}

type ThresholdSpec = RunDetail['valueMatrix']['current'];

function thresholdRule(spec: ThresholdSpec, t: Translate): string {
  const method = t(`runs.threshold.${spec.method}`, { value: spec.value === undefined ? '' : spec.method === 'percentile' ? formatRatio(spec.value) : String(spec.value) });
  return spec.scope === 'market' ? t('runs.threshold.by_market', { method }) : method;
}

function classRule(found: RunDetail['classes'][number], t: Translate): string {
  const rule =
    found.quota !== undefined
      ? t('runs.class_rule.quota', { share: formatRatio(found.quota) })
      : found.minScore !== undefined
        ? t('runs.class_rule.min_score', { score: found.minScore })
        : found.minPercentile !== undefined
          ? t('runs.class_rule.min_percentile', { share: formatRatio(found.minPercentile) })
          : t('runs.class_rule.rest');
  return found.minCreditGrade === undefined ? rule : `${rule}${t('runs.class_rule.gate', { grade: found.minCreditGrade })}`;
}

/** One run's detail: what it evaluated, how (scheme, thresholds, weights), how well its CLV model did, and how long each step took. */
export function RunDetailDrawer({ runId, onClose }: { readonly runId: string | undefined; readonly onClose: () => void }) {
  const { t, locale } = useI18n();
  const { label, named } = useCoreText();
  const { api } = useSession();
  const load = useCallback(
    () => (runId === undefined ? Promise.resolve(undefined) : api(runRoutes.get, { params: { runId } })),
    [api, runId],
  );
  const { data, error, loading, reload } = useApiData(load);
  const detail = data?.run.runId === runId ? data : undefined;

  return (
    <Drawer open={runId !== undefined} onClose={onClose} size={720} title={runId === undefined ? '' : t('runs.detail.title', { runId })} destroyOnHidden data-testid="run-detail">
      {error === undefined ? null : <LoadError error={error} onRetry={reload} />}
      {detail === undefined ? loading ? <Skeleton active paragraph={{ rows: 10 }} /> : null : <DetailBody detail={detail} t={t} locale={locale} label={label} named={named} />}
    </Drawer>
  );
}

function DetailBody({
  detail,
  t,
  locale,
  label,
  named,
}: {
  readonly detail: RunDetail;
  readonly t: Translate;
  readonly locale: 'zh-CN' | 'en';
  readonly label: (key: string) => string;
  readonly named: ReturnType<typeof useCoreText>['named'];
}) {
  const { run, counts } = detail;
  const segments = Object.keys(detail.weights);
  const segmentName = (segment: string): string => (segment === 'all' ? t('runs.segment.all') : label(`market.${segment}`));
  const validation = detail.lifetimeValue.validation;
  const totalSeconds = detail.steps.reduce((sum, step) => sum + step.seconds, 0);
  const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 12 };

  return (
    <>
      <Section title={t('runs.detail.run')}>
        <Descriptions column={2} size="small" bordered>
          <Descriptions.Item label={t('runs.column.period')}>{run.period}</Descriptions.Item>
          <Descriptions.Item label={t('runs.column.window')}>
            {t('runs.detail.window_value', { start: detail.window.start, asOf: detail.window.asOf, weeks: detail.window.weeks })}
          </Descriptions.Item>
          <Descriptions.Item label={t('runs.column.scheme')} span={2}>
            {named(detail.scheme.name, detail.scheme.schemeId)} · {t('runs.scheme_version', { id: detail.scheme.schemeId, version: detail.scheme.version })}
          </Descriptions.Item>
          <Descriptions.Item label={t('runs.column.customers')}>{formatCount(counts.customers, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('runs.column.created_at')}>{dayjs(run.createdAt).format('YYYY-MM-DD HH:mm:ss')}</Descriptions.Item>
          <Descriptions.Item label={t('runs.detail.input_fingerprint')} span={2}>
            <Typography.Text copyable style={mono}>
              {run.inputFingerprint}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('runs.detail.result_fingerprint')} span={2}>
            <Typography.Text copyable style={mono}>
              {run.resultFingerprint}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      </Section>

      <Section title={t('runs.detail.results')}>
        <Flex wrap gap={8} style={{ marginBottom: 8 }}>
          {VALUE_CELLS.map((cell) => (
            <CountTag key={cell} color={CELL_COLORS[cell]} text={label(`cell.${cell}`)} count={formatCount(counts.valueCells[cell] ?? 0, locale)} />
          ))}
        </Flex>
        <Flex wrap gap={8} style={{ marginBottom: 8 }}>
          {detail.classes.map((found, index) => (
            <CountTag key={found.code} color={CLASS_COLORS[index] ?? '#ccc'} text={named(found.name, found.code)} count={formatCount(counts.serviceClasses[found.code] ?? 0, locale)} />
          ))}
        </Flex>
        <Flex wrap gap={8}>
          {LIFECYCLE_STAGES.map((stage) => (
            <CountTag key={stage} color={STAGE_COLORS[stage]} text={label(`stage.${stage}`)} count={formatCount(counts.lifecycle[stage] ?? 0, locale)} />
          ))}
        </Flex>
      </Section>

      <Section title={t('runs.detail.thresholds')}>
        <Descriptions column={1} size="small" bordered>
          {(['current', 'potential'] as const).map((axis) => (
            <Descriptions.Item key={axis} label={label(`cell.side.${axis}`)}>
              {t('runs.detail.threshold_value', {
                rule: thresholdRule(detail.valueMatrix[axis], t),
                values: Object.entries(detail.thresholds[axis])
                  .map(([group, value]) => (group === 'all' ? formatFixed(value, 2) : `${segmentName(group)} ${formatFixed(value, 2)}`))
                  .join(t('runs.list_separator')),
              })}
            </Descriptions.Item>
          ))}
          {detail.classes.map((found) => (
            <Descriptions.Item key={found.code} label={named(found.name, found.code)}>
              {classRule(found, t)}
            </Descriptions.Item>
          ))}
        </Descriptions>
      </Section>

      <Section title={t('runs.detail.weights')}>
        <Table
          size="small"
          pagination={false}
          rowKey="code"
          dataSource={[
            ...(['current', 'potential'] as const).map((side) => ({ code: side, name: label(`cell.side.${side}`), pick: (segment: string) => detail.weights[segment]?.sides[side] })),
            ...detail.dimensions.map((dimension) => ({
              code: dimension.code,
              name: `· ${named(dimension.name, dimension.code)}`,
              pick: (segment: string) => detail.weights[segment]?.dimensions[dimension.code],
            })),
          ]}
          columns={[
            { title: t('runs.detail.weight_level'), dataIndex: 'name' },
            ...segments.map((segment) => ({
              title: segmentName(segment),
              key: segment,
              align: 'right' as const,
              render: (_: unknown, row: { pick: (segment: string) => number | undefined }) => formatFixed(row.pick(segment), 4),
            })),
          ]}
        />
      </Section>

      <Section title={t('runs.detail.clv')}>
        <Descriptions column={1} size="small" bordered data-testid="clv-validation">
          <Descriptions.Item label={t('runs.detail.clv_model')}>{t('runs.detail.clv_model_value', { model: detail.lifetimeValue.model, weeks: detail.lifetimeValue.horizonWeeks, rate: formatRatio(detail.lifetimeValue.annualDiscountRate) })}</Descriptions.Item>
          <Descriptions.Item label={t('runs.detail.clv_holdout')}>{t('runs.weeks', { weeks: validation.holdoutWeeks })}</Descriptions.Item>
          <Descriptions.Item label={t('runs.detail.clv_customers')}>{formatCount(validation.customers, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('runs.detail.clv_actual_predicted')}>
            {formatCount(Math.round(validation.actual), locale)} / {formatCount(Math.round(validation.predicted), locale)}
          </Descriptions.Item>
          <Descriptions.Item label={t('runs.detail.clv_error')}>{validation.percentError === null ? '—' : `${formatSigned(validation.percentError, 1)}%`}</Descriptions.Item>
          <Descriptions.Item label={t('runs.detail.clv_mae')}>{formatFixed(validation.meanAbsoluteError, 2)}</Descriptions.Item>
        </Descriptions>
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
          {t('runs.detail.clv_note')}
        </Typography.Text>
      </Section>

      <Section title={t('runs.detail.steps')}>
        <Table
          size="small"
          pagination={false}
          rowKey="step"
          dataSource={detail.steps}
          columns={[
            { title: t('runs.detail.step'), dataIndex: 'step', render: (step: string) => stepLabel(step, t) },
            { title: t('runs.detail.seconds'), dataIndex: 'seconds', align: 'right', render: (value: number) => value.toFixed(3) },
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>{t('runs.detail.total')}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <Typography.Text strong>{totalSeconds.toFixed(3)}</Typography.Text>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      </Section>
    </>
  );
}
