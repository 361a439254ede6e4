import { useState } from 'react';
import { Alert, Button, Descriptions, Flex, Form, InputNumber, Modal, Radio, Select, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { indicatorByCode, indicatorChoiceSchema, PEER_SCOPES, type IndicatorChoice, type Normalization, type Scheme } from '@retail-value/core';
import { useI18n } from '../../i18n/i18n-context.js';
import { normalizationForMethod, sortedPoints } from './indicator-edit.js';
import { useSchemeNames } from './scheme-names.js';

const METHODS: readonly Normalization['method'][] = ['minmax', 'percentile', 'zscore', 'piecewise', 'target'];
type Piecewise = Extract<Normalization, { method: 'piecewise' }>;
type MissingKind = 'median' | 'zero' | 'score';

const missingKind = (missing: IndicatorChoice['missing']): MissingKind => (typeof missing === 'number' ? 'score' : missing);
const numberOf = (value: number | string | null, fallback: number): number => (value === null || value === '' ? fallback : Number(value));

/** Piecewise steps: a minimum and its score per row, and the score of values below every minimum. */
function PointsEditor({ normalization, onChange }: { readonly normalization: Piecewise; readonly onChange: (normalization: Piecewise) => void }) {
  const { t } = useI18n();
  const setPoint = (index: number, change: Partial<Piecewise['points'][number]>) =>
    onChange({ ...normalization, points: normalization.points.map((point, position) => (position === index ? { ...point, ...change } : point)) });
  return (
    <Flex vertical gap={8}>
      <Table
        size="small"
        pagination={false}
        rowKey={(_, index) => String(index)}
        dataSource={normalization.points.map((point, index) => ({ ...point, index }))}
        data-testid="normalization-points"
        columns={[
          {
            title: t('schemes.normalization.point_min'),
            dataIndex: 'min',
            render: (min: number, row) => <InputNumber size="small" value={min} step={0.05} onChange={(value) => setPoint(row.index, { min: numberOf(value, 0) })} style={{ width: 140 }} />,
          },
          {
            title: t('schemes.normalization.point_score'),
            dataIndex: 'score',
            render: (score: number, row) => (
              <InputNumber size="small" value={score} min={0} max={100} step={5} onChange={(value) => setPoint(row.index, { score: numberOf(value, 0) })} style={{ width: 100 }} />
            ),
          },
          {
            key: 'remove',
            width: 48,
            render: (_: unknown, row) => (
              <Button
                size="small"
                type="text"
                icon={<DeleteOutlined />}
                title={t('schemes.normalization.remove_point')}
                aria-label={t('schemes.normalization.remove_point')}
                disabled={normalization.points.length <= 1}
                onClick={() => onChange({ ...normalization, points: normalization.points.filter((_, position) => position !== row.index) })}
              />
            ),
          },
        ]}
      />
      <Flex wrap gap={12} align="center" justify="space-between">
        <Button
          size="small"
          icon={<PlusOutlined />}
          disabled={normalization.points.length >= 20}
          onClick={() => {
            const lowest = normalization.points.reduce((low, point) => Math.min(low, point.min), Number.POSITIVE_INFINITY);
            onChange({ ...normalization, points: [...normalization.points, { min: Number.isFinite(lowest) ? lowest / 2 : 0, score: normalization.otherwise }] });
          }}
        >
          {t('schemes.normalization.add_point')}
        </Button>
        <Flex gap={8} align="center">
          <Typography.Text>{t('schemes.normalization.otherwise')}</Typography.Text>
          <InputNumber size="small" value={normalization.otherwise} min={0} max={100} step={5} onChange={(value) => onChange({ ...normalization, otherwise: numberOf(value, 0) })} style={{ width: 100 }} />
        </Flex>
      </Flex>
    </Flex>
  );
}

/** The parameters of one normalisation method. */
function MethodFields({ normalization, onChange }: { readonly normalization: Normalization; readonly onChange: (normalization: Normalization) => void }) {
  const { t } = useI18n();
  switch (normalization.method) {
    case 'minmax':
      return (
        <>
          <Flex wrap gap={16}>
            <Form.Item label={t('schemes.normalization.winsor_low')} style={{ marginBottom: 8 }}>
              <InputNumber
                value={normalization.winsor[0]}
                min={0}
                max={0.5}
                step={0.01}
                onChange={(value) => onChange({ ...normalization, winsor: [numberOf(value, 0), normalization.winsor[1]] })}
                data-testid="normalization-winsor-low"
              />
            </Form.Item>
            <Form.Item label={t('schemes.normalization.winsor_high')} style={{ marginBottom: 8 }}>
              <InputNumber
                value={normalization.winsor[1]}
                min={0.5}
                max={1}
                step={0.01}
                onChange={(value) => onChange({ ...normalization, winsor: [normalization.winsor[0], numberOf(value, 1)] })}
                data-testid="normalization-winsor-high"
              />
            </Form.Item>
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('schemes.normalization.winsor_hint')}
          </Typography.Text>
        </>
      );
    case 'percentile':
      return (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('schemes.normalization.percentile_hint')}
        </Typography.Text>
      );
    case 'zscore':
      return (
        <>
          <Form.Item label={t('schemes.normalization.clip')} style={{ marginBottom: 8 }}>
            <InputNumber value={normalization.clip} min={0.5} max={10} step={0.5} onChange={(value) => onChange({ ...normalization, clip: numberOf(value, 3) })} />
          </Form.Item>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('schemes.normalization.zscore_hint')}
          </Typography.Text>
        </>
      );
    case 'piecewise':
      return (
        <Form.Item label={t('schemes.normalization.points')} style={{ marginBottom: 0 }}>
          <PointsEditor normalization={normalization} onChange={onChange} />
        </Form.Item>
      );
    case 'target':
      return (
        <>
          <Flex wrap gap={16}>
            <Form.Item label={t('schemes.normalization.target_value')} style={{ marginBottom: 8 }}>
              <InputNumber value={normalization.target} min={0} step={1} onChange={(value) => onChange({ ...normalization, target: numberOf(value, 1) })} />
            </Form.Item>
            <Form.Item label={t('schemes.normalization.cap')} style={{ marginBottom: 8 }}>
              <InputNumber value={normalization.cap} min={1} max={1000} step={10} onChange={(value) => onChange({ ...normalization, cap: numberOf(value, 100) })} />
            </Form.Item>
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('schemes.normalization.target_hint')}
          </Typography.Text>
        </>
      );
  }
}

/**
 * How one indicator is scored: the normalisation method and its
 * parameters, the peers it is compared with, and the score of a missing
 * value. The result is checked against the core's schema before it is
 * applied; piecewise steps are sorted highest minimum first.
 */
export function IndicatorSettingsModal({
  scheme,
  code,
  onApply,
  onClose,
}: {
  readonly scheme: Scheme;
  /** The indicator being edited; the modal is closed when undefined. */
  readonly code: string | undefined;
  readonly onApply: (choice: IndicatorChoice) => void;
  readonly onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const name = useSchemeNames(scheme);
  const current = scheme.indicators.find((choice) => choice.code === code);
  // The parent keys the modal by `code`, so each indicator opens with a fresh copy.
  const [choice, setChoice] = useState<IndicatorChoice | undefined>(current);

  const definition = code === undefined ? undefined : (indicatorByCode(code) ?? scheme.customIndicators.find((custom) => custom.code === code));
  const parsed = choice === undefined ? undefined : indicatorChoiceSchema.safeParse({ ...choice, normalization: sortedPoints(choice.normalization) });
  const mins = parsed?.success === true && parsed.data.normalization.method === 'piecewise' ? parsed.data.normalization.points.map((point) => point.min) : [];
  // The core needs the steps' minimums strictly decreasing, so two steps may not share one.
  const valid = parsed?.success === true && new Set(mins).size === mins.length;
  const kind = choice === undefined ? 'median' : missingKind(choice.missing);

  return (
    <Modal
      open={code !== undefined && choice !== undefined}
      title={code === undefined ? undefined : t('schemes.normalization.title', { name: name(code) })}
      okText={t('schemes.normalization.ok')}
      cancelText={t('schemes.indicator.cancel')}
      okButtonProps={{ disabled: !valid }}
      onOk={() => {
        if (valid) onApply(parsed.data);
      }}
      onCancel={onClose}
      width={620}
      destroyOnHidden
      data-testid="normalization-form"
    >
      {choice === undefined ? null : (
        <Form layout="vertical" component={false}>
          {definition === undefined ? null : (
            <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
              <Descriptions.Item label={t('schemes.indicator.formula_label')}>
                <Typography.Text code>{definition.formula}</Typography.Text>
                {definition.unit === undefined ? null : <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>{t('schemes.indicator.unit', { unit: definition.unit[locale] })}</Typography.Text>}
                {definition.direction === 'cost' ? <Typography.Text type="warning" style={{ marginInlineStart: 8 }}>{t('schemes.direction.cost')}</Typography.Text> : null}
              </Descriptions.Item>
            </Descriptions>
          )}
          <Form.Item label={t('schemes.normalization.method')} style={{ marginBottom: 8 }}>
            <Radio.Group
              value={choice.normalization.method}
              optionType="button"
              buttonStyle="solid"
              onChange={(event) => {
                const method = event.target.value as Normalization['method'];
                setChoice({ ...choice, normalization: normalizationForMethod(method, current?.normalization.method === method ? current.normalization : choice.normalization) });
              }}
              options={METHODS.map((method) => ({ value: method, label: t(`schemes.normalization.${method}`) }))}
              data-testid="normalization-method"
            />
          </Form.Item>
          <div style={{ marginBottom: 16 }}>
            <MethodFields normalization={choice.normalization} onChange={(normalization) => setChoice({ ...choice, normalization })} />
          </div>
          <Form.Item label={t('schemes.normalization.scope')} style={{ marginBottom: 12 }}>
            <Radio.Group
              value={choice.scope}
              optionType="button"
              onChange={(event) => setChoice({ ...choice, scope: event.target.value as IndicatorChoice['scope'] })}
              options={PEER_SCOPES.map((scope) => ({ value: scope, label: t(`schemes.scope.${scope}`) }))}
              data-testid="normalization-scope"
            />
          </Form.Item>
          <Form.Item label={t('schemes.normalization.missing')} style={{ marginBottom: 12 }}>
            <Flex gap={8} align="center">
              <Select
                value={kind}
                style={{ width: 220 }}
                onChange={(next: MissingKind) => setChoice({ ...choice, missing: next === 'score' ? 50 : next })}
                options={(['median', 'zero', 'score'] as const).map((value) => ({ value, label: t(`schemes.normalization.missing.${value}`) }))}
                data-testid="normalization-missing"
              />
              {typeof choice.missing === 'number' ? (
                <InputNumber value={choice.missing} min={0} max={100} step={5} onChange={(value) => setChoice({ ...choice, missing: numberOf(value, 0) })} style={{ width: 100 }} />
              ) : null}
            </Flex>
          </Form.Item>
          {valid ? null : <Alert type="warning" showIcon title={t('schemes.normalization.invalid')} />}
        </Form>
      )}
    </Modal>
  );
}
