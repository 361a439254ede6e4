import { useState } from 'react';
import { Alert, Flex, InputNumber, Radio, Select, Slider, Table, Typography } from 'antd';
import type { WeightSpec } from '@retail-value/core';
import { formatFixed } from '../../format/numbers.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { AhpEditor, type AhpSpec } from './ahp-editor.js';
import { ObjectivePreview } from './objective-preview.js';
import { specForMethod, subjectiveOf, subjectivePart, type WeightMethod } from './scheme-edit.js';

type DirectSpec = Extract<WeightSpec, { method: 'direct' }>;
type SubjectiveSpec = DirectSpec | AhpSpec;

const METHODS: readonly WeightMethod[] = ['direct', 'ahp', 'entropy', 'critic', 'combined'];

/** Direct weights: one number per child, normalised to sum 1 when the scheme is planned. */
function DirectEditor({ spec, children, name, onChange }: { readonly spec: DirectSpec; readonly children: readonly string[]; readonly name: (code: string) => string; readonly onChange: (spec: DirectSpec) => void }) {
  const { t } = useI18n();
  const total = children.reduce((sum, child) => sum + (spec.values[child] ?? 0), 0);
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="code"
      data-testid="direct-weights"
      dataSource={children.map((code) => ({ code, value: spec.values[code] ?? 0 }))}
      columns={[
        { title: t('schemes.tree.name'), dataIndex: 'code', render: (code: string) => name(code) },
        {
          title: t('schemes.direct.value'),
          dataIndex: 'value',
          width: 140,
          render: (value: number, row) => (
            <InputNumber
              size="small"
              min={0}
              step={0.05}
              value={value}
              onChange={(next) => onChange({ ...spec, values: { ...spec.values, [row.code]: Number(next ?? 0) } })}
              style={{ width: 110 }}
            />
          ),
        },
        { title: t('schemes.direct.share'), dataIndex: 'value', width: 100, align: 'right', render: (value: number) => (total > 0 ? formatFixed(value / total, 4) : '—') },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>{t('schemes.direct.total')}</Table.Summary.Cell>
          <Table.Summary.Cell index={1}>{formatFixed(total, 4)}</Table.Summary.Cell>
          <Table.Summary.Cell index={2} align="right">
            {total > 0 ? '1.0000' : '—'}
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}

function SubjectiveEditor({
  spec,
  children,
  name,
  onChange,
}: {
  readonly spec: SubjectiveSpec;
  readonly children: readonly string[];
  readonly name: (code: string) => string;
  readonly onChange: (spec: SubjectiveSpec) => void;
}) {
  const [expert, setExpert] = useState(0);
  return spec.method === 'direct' ? (
    <DirectEditor spec={spec} children={children} name={name} onChange={onChange} />
  ) : (
    <AhpEditor spec={spec} expert={expert} onExpert={setExpert} name={name} onChange={onChange} />
  );
}

/**
 * How one level of the hierarchy is weighted for one segment: directly,
 * by AHP, from the data (entropy, CRITIC), or a blend α·subjective +
 * (1 − α)·objective. Indicator levels can preview the objective weights
 * from the latest run's scores.
 */
export function WeightLevelEditor({
  spec,
  children,
  name,
  dimension,
  segment,
  onChange,
}: {
  readonly spec: WeightSpec;
  readonly children: readonly string[];
  readonly name: (code: string) => string;
  /** Set for a dimension's indicators: the level whose objective weights the server can preview. */
  readonly dimension: string | undefined;
  readonly segment: string;
  readonly onChange: (spec: WeightSpec) => void;
}) {
  const { t } = useI18n();
  const subjective = subjectivePart(spec);
  const objective = spec.method === 'entropy' || spec.method === 'critic' ? spec.method : spec.method === 'combined' ? spec.objective : undefined;
  const weights = subjectiveOf(spec, children);
  return (
    <Flex vertical gap={16}>
      <Radio.Group
        value={spec.method}
        optionType="button"
        buttonStyle="solid"
        size="small"
        onChange={(event) => onChange(specForMethod(event.target.value as WeightMethod, spec, children))}
        options={METHODS.map((method) => ({ value: method, label: t(`schemes.method.${method}`) }))}
        data-testid="weight-method"
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(`schemes.method_hint.${spec.method}`)}
      </Typography.Text>
      {spec.method === 'combined' ? (
        <Flex wrap gap={16} align="center">
          <Typography.Text>{t('schemes.combined.alpha')}</Typography.Text>
          <Slider min={0} max={1} step={0.05} value={spec.alpha} onChange={(alpha: number) => onChange({ ...spec, alpha })} style={{ width: 200 }} />
          <InputNumber size="small" min={0} max={1} step={0.05} value={spec.alpha} onChange={(alpha) => onChange({ ...spec, alpha: Number(alpha ?? 0) })} style={{ width: 80 }} />
          <Typography.Text>{t('schemes.combined.objective')}</Typography.Text>
          <Select
            size="small"
            value={spec.objective}
            style={{ width: 120 }}
            onChange={(value: 'entropy' | 'critic') => onChange({ ...spec, objective: value })}
            options={(['entropy', 'critic'] as const).map((method) => ({ value: method, label: t(`schemes.method.${method}`) }))}
          />
          <Radio.Group
            size="small"
            value={spec.subjective.method}
            onChange={(event) => onChange({ ...spec, subjective: specForMethod(event.target.value as 'direct' | 'ahp', spec.subjective, children) as SubjectiveSpec })}
            options={(['direct', 'ahp'] as const).map((method) => ({ value: method, label: t(`schemes.combined.subjective_${method}`) }))}
          />
        </Flex>
      ) : null}
      {subjective === undefined ? null : (
        <SubjectiveEditor
          spec={subjective}
          children={children}
          name={name}
          onChange={(next) => onChange(spec.method === 'combined' ? { ...spec, subjective: next } : next)}
        />
      )}
      {subjective !== undefined && weights === undefined && subjective.method === 'direct' ? <Alert type="warning" showIcon title={t('schemes.direct.invalid')} /> : null}
      {objective === undefined ? null : dimension === undefined ? (
        <Alert type="info" showIcon title={t('schemes.objective.level_note')} />
      ) : (
        <ObjectivePreview dimension={dimension} segment={segment} name={name} />
      )}
    </Flex>
  );
}
