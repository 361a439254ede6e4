import { Table, Tag, Typography } from 'antd';
import { DIMENSION_INFO, indicatorByCode, type Scheme, type WeightSpec } from '@retail-value/core';
import { formatFixed } from '../../format/numbers.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useSchemeNames, useSegmentName } from './scheme-names.js';
import { childrenOf, levelId, segmentsOf, specOf, subjectiveOf, type LevelKey } from './scheme-edit.js';

interface TreeRow {
  readonly key: string;
  readonly code: string;
  /** The level whose weights this row's children get; absent for an indicator. */
  readonly heads?: LevelKey;
  /** The level this row is weighed in; absent for the composite. */
  readonly within?: LevelKey;
  readonly children?: TreeRow[];
}

/**
 * The scheme's hierarchy — composite → value sides → dimensions →
 * indicators — with each node's weight within its parent per segment
 * (urban and rural when the scheme weighs them apart). Clicking a node that
 * has children selects the weights of its children for editing.
 */
export function IndicatorTree({ scheme, selected, onSelect }: { readonly scheme: Scheme; readonly selected: LevelKey; readonly onSelect: (level: LevelKey) => void }) {
  const { t } = useI18n();
  const name = useSchemeNames(scheme);
  const segmentName = useSegmentName();
  const segments = segmentsOf(scheme);
  const choices = new Map(scheme.indicators.map((choice) => [choice.code, choice]));

  const dimensionRow = (dimension: Scheme['dimensions'][number], side: LevelKey): TreeRow => ({
    key: `dimension:${dimension.code}`,
    code: dimension.code,
    heads: { kind: 'dimension', dimension: dimension.code },
    within: side,
    children: dimension.indicators.map((code) => ({ key: `indicator:${code}`, code, within: { kind: 'dimension', dimension: dimension.code } })),
  });
  const rows: TreeRow[] = [
    {
      key: 'composite',
      code: 'composite',
      heads: { kind: 'sides' },
      children: (['current', 'potential'] as const).map((side) => {
        const level: LevelKey = { kind: 'side', side };
        return {
          key: `side:${side}`,
          code: side,
          heads: level,
          within: { kind: 'sides' },
          children: scheme.dimensions.filter((dimension) => DIMENSION_INFO[dimension.code].side === side).map((dimension) => dimensionRow(dimension, level)),
        };
      }),
    },
  ];

  const METHOD_COLORS: Readonly<Record<WeightSpec['method'], string>> = { direct: 'default', ahp: 'blue', entropy: 'cyan', critic: 'cyan', combined: 'purple' };
  /** The methods the segments use for a level: one tag when they agree. */
  const methodTags = (level: LevelKey) =>
    [...new Set(segments.map((segment) => specOf(scheme, segment, level)?.method))].map((method) =>
      method === undefined ? null : (
        <Tag key={method} color={METHOD_COLORS[method]} style={{ marginInlineEnd: 4 }}>
          {t(`schemes.method.${method}`)}
        </Tag>
      ),
    );
  const weightText = (row: TreeRow, segment: string) => {
    if (row.within === undefined) return <Typography.Text type="secondary">1</Typography.Text>;
    const spec = specOf(scheme, segment, row.within);
    if (spec === undefined) return '—';
    if (spec.method === 'entropy' || spec.method === 'critic') return <Typography.Text type="secondary">{t('schemes.tree.from_data')}</Typography.Text>;
    const children = childrenOf(scheme, row.within);
    const weight = subjectiveOf(spec, children)?.[children.indexOf(row.code)];
    return (
      <span style={{ fontVariantNumeric: 'tabular-nums' }}>
        {formatFixed(weight, 4)}
        {spec.method === 'combined' ? <Typography.Text type="secondary">{t('schemes.tree.blended', { alpha: spec.alpha })}</Typography.Text> : null}
      </span>
    );
  };

  return (
    <Table<TreeRow>
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={rows}
      expandable={{ defaultExpandAllRows: true, indentSize: 14 }}
      data-testid="indicator-tree"
      scroll={{ x: 640 }}
      onRow={(row) => ({
        onClick: () => (row.heads === undefined ? undefined : onSelect(row.heads)),
        style: { cursor: row.heads === undefined ? 'default' : 'pointer' },
      })}
      rowClassName={(row) => (row.heads !== undefined && levelId(row.heads) === levelId(selected) ? 'ant-table-row-selected' : '')}
      columns={[
        {
          title: t('schemes.tree.name'),
          dataIndex: 'code',
          render: (code: string, row) => {
            const choice = choices.get(code);
            const definition = indicatorByCode(code) ?? scheme.customIndicators.find((custom) => custom.code === code);
            return (
              <span>
                <Typography.Text strong={row.heads !== undefined}>{code === 'composite' ? t('schemes.tree.composite') : name(code)}</Typography.Text>
                {choice === undefined ? null : (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {t(`schemes.normalization.${choice.normalization.method}`)} · {t(`schemes.scope.${choice.scope}`)}
                    {definition?.direction === 'cost' ? ` · ${t('schemes.direction.cost')}` : ''}
                  </Typography.Text>
                )}
              </span>
            );
          },
        },
        {
          title: t('schemes.tree.children_method'),
          key: 'method',
          width: 150,
          render: (_: unknown, row) => (row.heads === undefined ? null : methodTags(row.heads)),
        },
        ...segments.map((segment) => ({
          title: t('schemes.tree.weight_in', { segment: segmentName(segment) }),
          key: segment,
          width: 130,
          align: 'right' as const,
          render: (_: unknown, row: TreeRow) => weightText(row, segment),
        })),
      ]}
    />
  );
}
