import { Alert, Button, Descriptions, Flex, Input, Progress, Segmented, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { WeightSpec } from '@retail-value/core';
import './pairwise.css';
import { formatFixed } from '../../format/numbers.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { equalMatrix, evaluateAhp, judgmentText, judgmentValue, setJudgment, type JudgmentMatrix } from './pairwise.js';

export type AhpSpec = Extract<WeightSpec, { method: 'ahp' }>;

/**
 * The pairwise comparison editor (层次分析法): the upper triangle is typed
 * (3, 1/3, 0.5 …), the lower triangle follows as the reciprocal, and the
 * weights, λmax, CI and CR are recomputed by the core on every keystroke.
 * Several experts' matrices are combined by geometric mean.
 */
export function AhpEditor({
  spec,
  expert,
  onExpert,
  name,
  onChange,
}: {
  readonly spec: AhpSpec;
  readonly expert: number;
  readonly onExpert: (expert: number) => void;
  readonly name: (code: string) => string;
  readonly onChange: (spec: AhpSpec) => void;
}) {
  const { t } = useI18n();
  const matrices = spec.matrices as readonly JudgmentMatrix[];
  const shown = Math.min(expert, matrices.length - 1);
  const matrix = matrices[shown] ?? equalMatrix(spec.order.length);
  const outcome = evaluateAhp(matrices);
  const setMatrix = (next: JudgmentMatrix) => onChange({ ...spec, matrices: matrices.map((found, index) => (index === shown ? next : found)) as AhpSpec['matrices'] });

  return (
    <div data-testid="ahp-editor">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Segmented
          size="small"
          value={shown}
          onChange={(value) => onExpert(Number(value))}
          options={matrices.map((_, index) => ({ value: index, label: t('schemes.ahp.expert', { number: index + 1 }) }))}
        />
        <Flex gap={8}>
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => {
              onChange({ ...spec, matrices: [...spec.matrices, equalMatrix(spec.order.length)] });
              onExpert(matrices.length);
            }}
          >
            {t('schemes.ahp.add_expert')}
          </Button>
          {matrices.length > 1 ? (
            <Button
              size="small"
              danger
              icon={<DeleteOutlined />}
              onClick={() => {
                onChange({ ...spec, matrices: spec.matrices.filter((_, index) => index !== shown) });
                onExpert(Math.max(0, shown - 1));
              }}
            >
              {t('schemes.ahp.remove_expert')}
            </Button>
          ) : null}
        </Flex>
      </Flex>
      <div style={{ overflowX: 'auto' }}>
        <table className="rv-pairwise" data-testid="ahp-matrix">
          <thead>
            <tr>
              <th />
              {spec.order.map((code) => (
                <th key={code}>{name(code)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {spec.order.map((rowCode, row) => (
              <tr key={rowCode}>
                <th>{name(rowCode)}</th>
                {spec.order.map((columnCode, column) => {
                  const judgment = matrix[row]?.[column] ?? 1;
                  if (column <= row) {
                    return (
                      <td key={columnCode} className="rv-pairwise-fixed">
                        {row === column ? '1' : judgmentText(judgment)}
                      </td>
                    );
                  }
                  return (
                    <td key={columnCode}>
                      <Input
                        size="small"
                        value={judgmentText(judgment)}
                        status={judgmentValue(judgment) === undefined ? 'error' : undefined}
                        onChange={(event) => setMatrix(setJudgment(matrix, row, column, event.target.value))}
                        aria-label={t('schemes.ahp.cell', { row: name(rowCode), column: name(columnCode) })}
                        data-testid={`ahp-cell-${row}-${column}`}
                        style={{ width: 64, textAlign: 'center' }}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Typography.Text type="secondary" style={{ display: 'block', margin: '8px 0 12px', fontSize: 12 }}>
        {t('schemes.ahp.scale')}
      </Typography.Text>
      {outcome.ok ? (
        <>
          {spec.order.map((code, index) => {
            const weight = outcome.result.weights[index] ?? 0;
            return (
              <Flex key={code} align="center" gap={12}>
                <Typography.Text style={{ width: 140, flex: 'none' }} ellipsis>
                  {name(code)}
                </Typography.Text>
                <Progress percent={weight * 100} showInfo={false} size="small" style={{ margin: 0, flex: 1 }} />
                <Typography.Text style={{ width: 56, textAlign: 'right', fontVariantNumeric: 'tabular-nums' }} data-testid={`ahp-weight-${index}`}>
                  {formatFixed(weight, 4)}
                </Typography.Text>
              </Flex>
            );
          })}
          <Descriptions size="small" column={3} style={{ marginTop: 12 }} data-testid="ahp-consistency">
            <Descriptions.Item label="λmax">{formatFixed(outcome.result.lambdaMax, 4)}</Descriptions.Item>
            <Descriptions.Item label="CI">{formatFixed(outcome.result.ci, 4)}</Descriptions.Item>
            <Descriptions.Item label="CR">
              <Typography.Text strong data-testid="ahp-cr">
                {formatFixed(outcome.result.cr, 4)}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          {outcome.result.consistent ? (
            <Tag color="success" data-testid="ahp-verdict">
              {t('schemes.ahp.consistent')}
            </Tag>
          ) : (
            <Alert type="error" showIcon title={t('schemes.ahp.inconsistent', { cr: formatFixed(outcome.result.cr, 4) })} data-testid="ahp-verdict" />
          )}
          {matrices.length > 1 ? (
            <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
              {t('schemes.ahp.combined', { experts: matrices.length })}
            </Typography.Text>
          ) : null}
        </>
      ) : (
        <Alert type="warning" showIcon title={t('schemes.ahp.unreadable')} data-testid="ahp-verdict" />
      )}
    </div>
  );
}
