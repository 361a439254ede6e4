import { Badge, Empty, Table, Typography } from 'antd';
import type { DashboardSummaryDto } from '@retail-value/core';
import { CELL_COLORS, RISK_COLORS } from '../../charts/palette.js';
import { formatCount, formatFixed } from '../../format/numbers.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useCoreText } from '../../i18n/use-core-text.js';

type Warning = DashboardSummaryDto['churnWarnings'][number];

/** The customers still trading who are most likely to leave: highest churn score first, with the reasons the run found. */
export function ChurnWarnings({ summary }: { readonly summary: DashboardSummaryDto }) {
  const { t, locale } = useI18n();
  const { label } = useCoreText();
  const total = summary.churnWarningTotal;
  const terminated = summary.lifecycle.termination ?? 0;
  // Customers at the termination stage are lost, not at risk: the list leaves them out and says how many there are.
  const lost = terminated > 0 ? t('dashboard.warnings.terminated', { count: formatCount(terminated, locale) }) : '';
  if (summary.churnWarnings.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`${t('dashboard.warnings.empty')}${lost}`} style={{ padding: '32px 0' }} />;
  }
  return (
    <>
      <Table<Warning>
        rowKey="customerId"
        size="small"
        pagination={false}
        dataSource={summary.churnWarnings}
        data-testid="churn-warnings"
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('dashboard.warnings.customer'),
            dataIndex: 'customerId',
            render: (id: string, row) => (
              <>
                <div>{row.name ?? id}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {id}
                </Typography.Text>
              </>
            ),
          },
          {
            title: t('dashboard.warnings.manager'),
            dataIndex: 'managerId',
            render: (value: string | null, row) => (
              <>
                <div>{value ?? '—'}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {row.district ?? '—'}
                </Typography.Text>
              </>
            ),
          },
          {
            title: t('dashboard.warnings.score'),
            dataIndex: 'score',
            width: 84,
            align: 'right',
            render: (value: number) => <span style={{ color: RISK_COLORS.high, fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}>{formatFixed(value, 0)}</span>,
          },
          {
            title: t('dashboard.warnings.reasons'),
            dataIndex: 'reasons',
            // The reasons wrap as one text within the column, so the stage and cell stay in view.
            render: (reasons: readonly string[]) => (
              <Typography.Text type="danger" style={{ display: 'block', width: 180, whiteSpace: 'normal', fontSize: 13 }}>
                {reasons.map((reason) => label(`reason.${reason}`)).join(t('dashboard.warnings.separator'))}
              </Typography.Text>
            ),
          },
          { title: t('dashboard.warnings.stage'), dataIndex: 'stage', width: 72, render: (stage: string) => label(`stage.${stage}`) },
          {
            title: t('dashboard.warnings.cell'),
            dataIndex: 'valueCell',
            render: (cell: string) => <Badge color={CELL_COLORS[cell as keyof typeof CELL_COLORS]} text={label(`cell.${cell}`)} style={{ whiteSpace: 'nowrap' }} />,
          },
        ]}
      />
      {total > summary.churnWarnings.length || terminated > 0 ? (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }} data-testid="churn-warnings-note">
          {total > summary.churnWarnings.length ? t('dashboard.warnings.more', { count: formatCount(total, locale), shown: summary.churnWarnings.length }) : ''}
          {lost}
        </Typography.Text>
      ) : null}
    </>
  );
}
