import { Descriptions, Tag, Typography } from 'antd';
import type { CustomerEvaluation, LocalizedText } from '@retail-value/core';
import { useI18n } from '../../i18n/i18n-context.js';
import { useCoreText } from '../../i18n/use-core-text.js';

export function ItemList({ items, testId }: { readonly items: readonly LocalizedText[]; readonly testId?: string }) {
  const { t } = useI18n();
  const { named } = useCoreText();
  if (items.length === 0) return <Typography.Text type="secondary">{t('customer.strategy.none')}</Typography.Text>;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid={testId}>
      {items.map((item) => (
        <li key={item['zh-CN']} style={{ lineHeight: 1.9 }}>
          {named(item, item['zh-CN'])}
        </li>
      ))}
    </ul>
  );
}

/**
 * How to serve this customer: the goals of its value cell and service class,
 * the items every customer gets, the personalised items of its class and
 * cell, the visit frequency, and the management strategy of its lifecycle stage.
 */
export function StrategyCard({ evaluation }: { readonly evaluation: CustomerEvaluation }) {
  const { t } = useI18n();
  const { named, label } = useCoreText();
  const { strategy, lifecycle } = evaluation;
  return (
    <Descriptions column={1} size="small" bordered styles={{ label: { width: 150, verticalAlign: 'top' } }} data-testid="strategy">
      <Descriptions.Item label={t('customer.strategy.goals')}>
        <ItemList items={strategy.goals} />
      </Descriptions.Item>
      <Descriptions.Item label={t('customer.strategy.visits')}>
        <Tag color="blue" style={{ marginInlineEnd: 0 }}>
          {label(`visit.${strategy.visitFrequency}`)}
        </Tag>
      </Descriptions.Item>
      <Descriptions.Item label={t('customer.strategy.personal')}>
        <ItemList items={strategy.personalItems} testId="personal-items" />
      </Descriptions.Item>
      <Descriptions.Item label={t('customer.strategy.common')}>
        <ItemList items={strategy.commonItems} />
      </Descriptions.Item>
      <Descriptions.Item label={t('customer.strategy.lifecycle')}>
        {lifecycle.strategy === null ? null : (
          <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>
            {named(lifecycle.strategy, lifecycle.strategy['zh-CN'])}
          </Typography.Text>
        )}
        <ItemList items={lifecycle.items} />
      </Descriptions.Item>
    </Descriptions>
  );
}
