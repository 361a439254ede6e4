import { Button, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, SettingOutlined } from '@ant-design/icons';
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
 * has children selects the weights of its children for editing; an
 * indicator's buttons open its normalisation or remove it, and one of the
 * scheme's own indicators also has a button to edit its definition.
 */
export function IndicatorTree({
  scheme,
  selected,
  onSelect,
  onSettings,
  onEditCustom,
  onRemove,
}: {
  readonly scheme: Scheme;
  readonly selected: LevelKey;
  readonly onSelect: (level: LevelKey) => void;
  /** Opens an indicator's normalisation, peer scope and missing-value policy. */
  readonly onSettings: (code: string) => void;
  /** Opens the definition (names, unit, direction, formula) of one of the scheme's own indicators. */
  readonly onEditCustom: (code: string) => void;
  /** Removes an indicator; the last one of a dimension is refused there, with a message. */
  readonly onRemove: (code: string) => void;
}) {
  const { t } = useI18n();
  const name = useSchemeNames(scheme);
  const segmentName = useSegmentName();
  const segments = segmentsOf(scheme);
  const blended = segments.some((segment) => Object.values(scheme.weights.sets[segment]?.indicators ?? {}).some((spec) => spec.method === 'combined'));
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
    [...new Set(segments.map((segment) => specOf(scheme, segment, level)).map((spec) => (spec === undefined ? '' : spec.method === 'combined' ? `combined:${spec.alpha}` : spec.method)))]
      .filter((key) => key !== '')
      .map((key) => {
        const [method, alpha] = key.split(':') as [WeightSpec['method'], string | undefined];
        return (
          <Tag key={key} color={METHOD_COLORS[method]} style={{ marginInlineEnd: 4 }}>
            {alpha === undefined ? t(`schemes.method.${method}`) : t('schemes.tree.combined_alpha', { alpha })}
          </Tag>
        );
      });
  const weightText = (row: TreeRow, segment: string) => {
    if (row.within === undefined) return <Typography.Text type="secondary">1</Typography.Text>;
    const spec = specOf(scheme, segment, row.within);
    if (spec === undefined) return '—';
    if (spec.method === 'entropy' || spec.method === 'critic') return <Typography.Text type="secondary">{t('schemes.tree.from_data')}</Typography.Text>;
    const children = childrenOf(scheme, row.within);
    const weight = subjectiveOf(spec, children)?.[children.indexOf(row.code)];
    // A blended level shows its subjective part; the objective part comes from the data at evaluation.
    return (
      <span style={{ fontVariantNumeric: 'tabular-nums' }} title={spec.method === 'combined' ? t('schemes.tree.blended', { alpha: spec.alpha }) : undefined}>
        {formatFixed(weight, 4)}
        {spec.method === 'combined' ? <Typography.Text type="secondary">*</Typography.Text> : null}
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
              // Beside the tree's indentation, so a long name wraps within its own column.
              <span style={{ display: 'inline-flex', flexDirection: 'column', alignItems: 'flex-start', verticalAlign: 'top', maxWidth: 'calc(100% - 72px)' }}>
                <span>
                <Typography.Text strong={row.heads !== undefined} style={{ marginInlineEnd: 8 }}>
                  {code === 'composite' ? t('schemes.tree.composite') : name(code)}
                </Typography.Text>
                {row.heads === undefined && scheme.customIndicators.some((custom) => custom.code === code) ? (
                  <Tag color="purple" style={{ marginInlineEnd: 0 }} title={definition?.formula}>
                    {t('schemes.custom.tag')}
                  </Tag>
                ) : null}
                {row.heads === undefined ? null : methodTags(row.heads)}
                </span>
                {choice === undefined ? null : (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(`schemes.normalization.${choice.normalization.method}`)} · {t(`schemes.scope.${choice.scope}`)}
                    {definition?.direction === 'cost' ? ` · ${t('schemes.direction.cost')}` : ''}
                  </Typography.Text>
                )}
              </span>
            );
          },
        },
        {
          title: t('schemes.tree.weight'),
          align: 'center' as const,
          children: segments.map((segment) => ({
            title: t('schemes.tree.weight_in', { segment: segmentName(segment) }),
            key: segment,
            width: 84,
            align: 'right' as const,
            render: (_: unknown, row: TreeRow) => weightText(row, segment),
          })),
        },
        {
          title: t('schemes.indicator.actions'),
          key: 'actions',
          // Room for three buttons: a custom indicator's row has an edit button too.
          width: 92,
          align: 'center' as const,
          render: (_: unknown, row: TreeRow) => {
            if (row.heads !== undefined || row.within?.kind !== 'dimension') return null;
            const last = childrenOf(scheme, row.within).length <= 1;
            const custom = scheme.customIndicators.some((found) => found.code === row.code);
            const remove = (
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                title={t('schemes.indicator.remove')}
                aria-label={t('schemes.indicator.remove')}
                onClick={last ? () => onRemove(row.code) : undefined}
                data-testid={`indicator-remove-${row.code}`}
              />
            );
            return (
              // Clicks here act on the indicator, not on the row. Aligned right, so the gear and the bin line up on every row and a custom indicator's edit button comes before them.
              <Flex gap={2} justify="flex-end" onClick={(event) => event.stopPropagation()}>
                {custom ? (
                  <Button
                    size="small"
                    type="text"
                    icon={<EditOutlined />}
                    title={t('schemes.custom.edit')}
                    aria-label={t('schemes.custom.edit')}
                    onClick={() => onEditCustom(row.code)}
                    data-testid={`edit-custom-${row.code}`}
                  />
                ) : null}
                <Button
                  size="small"
                  type="text"
                  icon={<SettingOutlined />}
                  title={t('schemes.indicator.settings')}
                  aria-label={t('schemes.indicator.settings')}
                  onClick={() => onSettings(row.code)}
                  data-testid={`indicator-settings-${row.code}`}
                />
                {last ? (
                  remove
                ) : (
                  <Popconfirm
                    title={t('schemes.indicator.remove_confirm', { name: name(row.code) })}
                    okText={t('schemes.indicator.remove_ok')}
                    cancelText={t('schemes.indicator.cancel')}
                    okButtonProps={{ danger: true }}
                    onConfirm={() => onRemove(row.code)}
                    styles={{ root: { maxWidth: 320 } }}
                  >
                    {remove}
                  </Popconfirm>
                )}
              </Flex>
            );
          },
        },
      ]}
      footer={
        blended
          ? () => (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('schemes.tree.blended_note')}
              </Typography.Text>
            )
          : undefined
      }
    />
  );
}
