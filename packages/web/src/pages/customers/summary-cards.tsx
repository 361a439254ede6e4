import type { ReactNode } from 'react';
import { Card, Col, Flex, Row, Tag, Typography } from 'antd';
import type { CustomerDetail, CustomerEvaluation } from '@retail-value/core';
import { CELL_COLORS, RISK_COLORS, STAGE_COLORS } from '../../charts/palette.js';
import { formatCount, formatFixed, formatRatio } from '../../format/numbers.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useCoreText } from '../../i18n/use-core-text.js';

const numeric = { fontVariantNumeric: 'tabular-nums' } as const;

function SummaryCard({ title, children, testId }: { readonly title: string; readonly children: ReactNode; readonly testId: string }) {
  return (
    <Card size="small" title={title} style={{ height: '100%' }} styles={{ body: { padding: '12px 16px' } }} data-testid={testId}>
      {children}
    </Card>
  );
}

const big = { fontSize: 26, fontWeight: 600, lineHeight: '34px', ...numeric } as const;

/**
 * The customer's result at a glance: composite score and rank, value cell
 * with its two values against the cut-offs, service class (and the credit
 * gate when it held the customer back), lifecycle stage with the rule that
 * decided it, churn warning with its reasons, and lifetime value.
 */
export function SummaryCards({ evaluation, customer }: { readonly evaluation: CustomerEvaluation; readonly customer: CustomerDetail['customer'] }) {
  const { t, locale } = useI18n();
  const { label, term, named } = useCoreText();
  const { lifecycle, churn, lifetimeValue } = evaluation;
  const secondary = (text: string) => (
    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
      {text}
    </Typography.Text>
  );

  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={24} sm={12} lg={8} xxl={4}>
        <SummaryCard title={t('customer.summary.composite')} testId="summary-composite">
          <div style={big}>{formatFixed(evaluation.compositeScore, 1)}</div>
          {secondary(t('customer.summary.rank', { rank: formatCount(evaluation.rank, locale), customers: formatCount(evaluation.customers, locale) }))}
        </SummaryCard>
      </Col>
      <Col xs={24} sm={12} lg={8} xxl={4}>
        <SummaryCard title={t('customer.summary.cell')} testId="summary-cell">
          <Tag color={CELL_COLORS[evaluation.valueCell]} style={{ fontSize: 14, padding: '2px 10px', marginInlineEnd: 0 }}>
            {label(`cell.${evaluation.valueCell}`)}
          </Tag>
          {secondary(t('customer.summary.values', { current: formatFixed(evaluation.currentValue, 1), potential: formatFixed(evaluation.potentialValue, 1) }))}
          {secondary(t('customer.summary.thresholds', { current: formatFixed(evaluation.thresholds.current, 1), potential: formatFixed(evaluation.thresholds.potential, 1) }))}
        </SummaryCard>
      </Col>
      <Col xs={24} sm={12} lg={8} xxl={4}>
        <SummaryCard title={t('customer.summary.class')} testId="summary-class">
          <Typography.Text strong style={{ fontSize: 18 }}>
            {named(evaluation.serviceClassName, evaluation.serviceClass)}
          </Typography.Text>
          {secondary(t('customer.summary.visits', { frequency: term(`visit.${evaluation.strategy.visitFrequency}`) }))}
          {evaluation.creditGate.passed ? null : (
            <Typography.Text type="warning" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
              {t('customer.gate.held', {
                byScore: named(evaluation.classByScoreName, evaluation.classByScore),
                grade: customer.creditGrade ?? '—',
                minGrade: evaluation.creditGate.minGrade ?? '—',
              })}
            </Typography.Text>
          )}
        </SummaryCard>
      </Col>
      <Col xs={24} sm={12} lg={8} xxl={4}>
        <SummaryCard title={t('customer.lifecycle')} testId="summary-lifecycle">
          <Flex gap={6} wrap>
            <Tag color={STAGE_COLORS[lifecycle.stage]} style={{ fontSize: 14, padding: '2px 10px', marginInlineEnd: 0 }}>
              {label(`stage.${lifecycle.stage}`)}
            </Tag>
            {lifecycle.deemedClosed ? <Tag color="red">{t('customer.lifecycle.deemed_closed')}</Tag> : null}
          </Flex>
          {secondary(lifecycle.reason)}
        </SummaryCard>
      </Col>
      <Col xs={24} sm={12} lg={8} xxl={4}>
        <SummaryCard title={t('customer.churn')} testId="summary-churn">
          <Flex align="center" gap={8}>
            <Tag color={RISK_COLORS[churn.risk]} style={{ fontSize: 14, padding: '2px 10px', marginInlineEnd: 0 }}>
              {label(`churn.${churn.risk}`)}
            </Tag>
            <Typography.Text style={numeric}>{t('customer.churn.score', { score: formatFixed(churn.score, 0) })}</Typography.Text>
          </Flex>
          {churn.reasons.length === 0 ? (
            secondary(t('customer.churn.none'))
          ) : (
            <Flex wrap gap={4} style={{ marginTop: 6 }}>
              {churn.reasons.map((reason) => (
                <Tag key={reason} color="red" variant="outlined" style={{ marginInlineEnd: 0 }}>
                  {term(`reason.${reason}`)}
                </Tag>
              ))}
            </Flex>
          )}
        </SummaryCard>
      </Col>
      <Col xs={24} sm={12} lg={8} xxl={4}>
        <SummaryCard title={t('customer.clv')} testId="summary-clv">
          <div style={{ ...big, fontSize: 22 }}>
            {lifetimeValue.clv === null ? '—' : lifetimeValue.clv.toLocaleString(locale === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits: 0 })}
          </div>
          {secondary(t('customer.clv.horizon', { weeks: lifetimeValue.horizonWeeks }))}
          {secondary(`${t('customer.clv.p_alive')} ${formatRatio(lifetimeValue.pAlive)} · ${t('customer.clv.expected')} ${formatFixed(lifetimeValue.expectedTransactions, 1)}`)}
        </SummaryCard>
      </Col>
    </Row>
  );
}
