import { Divider, Flex, Progress, Typography } from 'antd';
import type { DashboardSummaryDto } from '@retail-value/core';
import { CLASS_COLORS, RISK_COLORS } from '../../charts/palette.js';
import { formatCount, formatShare } from '../../format/numbers.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useCoreText } from '../../i18n/use-core-text.js';

function Share({ name, count, total, color, locale }: { readonly name: string; readonly count: number; readonly total: number; readonly color: string; readonly locale: 'zh-CN' | 'en' }) {
  return (
    <div style={{ marginBottom: 10 }}>
      <Flex justify="space-between">
        <Typography.Text>{name}</Typography.Text>
        <Typography.Text style={{ fontVariantNumeric: 'tabular-nums' }}>
          {formatCount(count, locale)}
          <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
            {formatShare(count, total)}
          </Typography.Text>
        </Typography.Text>
      </Flex>
      <Progress percent={total > 0 ? (100 * count) / total : 0} showInfo={false} strokeColor={color} size="small" style={{ margin: 0 }} />
    </div>
  );
}

/** Customers per service class (best first) and per churn-risk level. */
export function ClassRiskCard({ summary }: { readonly summary: DashboardSummaryDto }) {
  const { t, locale } = useI18n();
  const { named, label } = useCoreText();
  return (
    <div data-testid="class-risk">
      {summary.classes.map((serviceClass, index) => (
        <Share
          key={serviceClass.code}
          name={named(serviceClass.name, serviceClass.code)}
          count={summary.serviceClasses[serviceClass.code] ?? 0}
          total={summary.customers}
          color={CLASS_COLORS[index] ?? '#ccc'}
          locale={locale}
        />
      ))}
      <Divider style={{ margin: '12px 0' }} titlePlacement="start" plain>
        <Typography.Text type="secondary">{t('dashboard.risk.title')}</Typography.Text>
      </Divider>
      {(['high', 'medium', 'low'] as const).map((level) => (
        <Share
          key={level}
          name={t('dashboard.risk.level', { level: label(`churn.${level}`) })}
          count={summary.churnRisk[level] ?? 0}
          total={summary.customers}
          color={RISK_COLORS[level]}
          locale={locale}
        />
      ))}
    </div>
  );
}
