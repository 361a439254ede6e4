import { Card, Col, Empty, Flex, Row, Tag, Typography } from 'antd';
import type { StrategyOverview as Overview } from '@retail-value/core';
import { CELL_COLORS, CLASS_COLORS, STAGE_COLORS } from '../../charts/palette.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useCoreText } from '../../i18n/use-core-text.js';
import { ItemList } from '../customers/strategy-card.js';

/**
 * The service strategies of the run as a customer manager uses them: per
 * service class its goal, personalised items and visit frequency with how
 * many of their customers it covers; the common items; and the strategies
 * per value cell and lifecycle stage, again with their customer counts.
 */
export function StrategyOverview({ overview }: { readonly overview: Overview | undefined }) {
  const { t } = useI18n();
  const { label, named } = useCoreText();
  if (overview === undefined) return null;
  if (overview.run === null) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('strategies.empty')} style={{ padding: '32px 0' }} />;
  const count = (customers: number) => (
    <Tag color={customers > 0 ? 'blue' : 'default'} style={{ marginInlineEnd: 0 }}>
      {t('strategies.customers', { count: customers })}
    </Tag>
  );
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 4 }}>
        {t('strategies.classes')}
      </Typography.Title>
      <Row gutter={[16, 16]} style={{ marginBottom: 24 }} data-testid="class-strategies">
        {overview.classes.map((found, index) => (
          <Col key={found.code} xs={24} md={12} xl={24 / Math.min(overview.classes.length, 4)}>
            <Card
              size="small"
              style={{ height: '100%', borderTop: `3px solid ${CLASS_COLORS[index] ?? '#d9d9d9'}` }}
              title={named(found.name, found.code)}
              extra={count(found.customers)}
            >
              <Flex gap={8} align="center" style={{ marginBottom: 8 }}>
                <Typography.Text type="secondary">{t('customer.strategy.visits')}</Typography.Text>
                <Tag color="geekblue">{label(`visit.${found.visitFrequency}`)}</Tag>
              </Flex>
              {found.goal === null ? null : (
                <Typography.Paragraph style={{ marginBottom: 8 }}>
                  <Typography.Text type="secondary">{t('strategies.goal')}</Typography.Text>
                  {named(found.goal, '')}
                </Typography.Paragraph>
              )}
              <ItemList items={found.personalItems} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('strategies.common')} style={{ height: '100%' }}>
            <ItemList items={overview.commonItems} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('strategies.cells')} style={{ height: '100%' }}>
            {overview.cells.map((cell) => (
              <div key={cell.cell} style={{ marginBottom: 12 }}>
                <Flex justify="space-between" align="center">
                  <Tag color={CELL_COLORS[cell.cell]}>{label(`cell.${cell.cell}`)}</Tag>
                  {count(cell.customers)}
                </Flex>
                {cell.goal === null ? null : (
                  <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4, fontSize: 13 }}>
                    {named(cell.goal, '')}
                  </Typography.Text>
                )}
              </div>
            ))}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('strategies.lifecycle')} style={{ height: '100%' }}>
            {overview.lifecycle.map((stage) => (
              <div key={stage.stage} style={{ marginBottom: 12 }}>
                <Flex justify="space-between" align="center">
                  <Tag color={STAGE_COLORS[stage.stage]} variant="outlined">
                    {label(`stage.${stage.stage}`)}
                  </Tag>
                  {count(stage.customers)}
                </Flex>
                {stage.strategy === null ? null : (
                  <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4, fontSize: 13 }}>
                    {named(stage.strategy, '')}
                  </Typography.Text>
                )}
              </div>
            ))}
          </Card>
        </Col>
      </Row>
    </>
  );
}
