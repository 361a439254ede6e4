import { Card, Col, Flex, Row, Typography } from 'antd';
import { VALUE_CELLS, type DashboardSummaryDto } from '@retail-value/core';
import { CELL_COLORS } from '../../charts/palette.js';
import { formatCount, formatShare } from '../../format/numbers.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useCoreText } from '../../i18n/use-core-text.js';

/** One card per value-matrix cell: how many customers, and their share. */
export function CellCards({ summary }: { readonly summary: DashboardSummaryDto }) {
  const { t, locale } = useI18n();
  const { label } = useCoreText();
  return (
    <Row gutter={[16, 16]}>
      {VALUE_CELLS.map((cell) => {
        const count = summary.valueCells[cell] ?? 0;
        return (
          <Col key={cell} xs={12} xl={6}>
            <Card size="small" styles={{ body: { padding: '16px 20px' } }} style={{ borderTop: `3px solid ${CELL_COLORS[cell]}` }} data-testid={`cell-card-${cell}`}>
              <Typography.Text type="secondary">{label(`cell.${cell}`)}</Typography.Text>
              <Flex align="baseline" gap={6} style={{ marginTop: 6 }}>
                <span style={{ fontSize: 28, fontWeight: 600, lineHeight: 1.2, fontVariantNumeric: 'tabular-nums' }}>{formatCount(count, locale)}</span>
                <Typography.Text type="secondary">{t('dashboard.customers_unit')}</Typography.Text>
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('dashboard.cell_share', { share: formatShare(count, summary.customers) })}
              </Typography.Text>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
