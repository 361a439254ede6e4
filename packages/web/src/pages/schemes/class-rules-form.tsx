import { Alert, Card, Col, Descriptions, Flex, Input, InputNumber, Row, Select, Table, Typography } from 'antd';
import { CREDIT_GRADES, type Scheme, type ServiceClass, type Threshold } from '@retail-value/core';
import { formatFixed } from '../../format/numbers.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useCoreText } from '../../i18n/use-core-text.js';

type Rule = 'quota' | 'minScore' | 'minPercentile';

function ruleOf(serviceClass: ServiceClass): Rule | undefined {
  if (serviceClass.quota !== undefined) return 'quota';
  if (serviceClass.minScore !== undefined) return 'minScore';
  if (serviceClass.minPercentile !== undefined) return 'minPercentile';
  return undefined;
}

function withRule(serviceClass: ServiceClass, rule: Rule, value: number): ServiceClass {
  const { quota: _quota, minScore: _minScore, minPercentile: _minPercentile, ...rest } = serviceClass;
  return { ...rest, [rule]: value };
}

/** Where the value matrix splits (per axis), how service classes are cut, and the scheme's name and window. */
export function ClassRulesForm({ scheme, onChange }: { readonly scheme: Scheme; readonly onChange: (scheme: Scheme) => void }) {
  const { t } = useI18n();
  const { label } = useCoreText();
  const update = (change: (draft: Scheme) => void) => {
    const next = structuredClone(scheme);
    change(next);
    onChange(next);
  };
  const classes = scheme.serviceClasses.classes;
  const quotaTotal = classes.reduce((sum, serviceClass) => sum + (serviceClass.quota ?? 0), 0);

  const thresholdRow = (axis: 'current' | 'potential') => {
    const threshold: Threshold = scheme.valueMatrix[axis];
    const needsValue = threshold.method === 'percentile' || threshold.method === 'fixed';
    return (
      <Descriptions.Item key={axis} label={label(`cell.side.${axis}`)}>
        <Flex wrap gap={8} align="center" data-testid={`threshold-${axis}`}>
          <Select
            size="small"
            value={threshold.method}
            style={{ width: 130 }}
            onChange={(method: Threshold['method']) =>
              update((draft) => {
                draft.valueMatrix[axis] = {
                  method,
                  scope: threshold.scope,
                  ...(method === 'percentile' ? { value: 0.5 } : method === 'fixed' ? { value: 60 } : {}),
                };
              })
            }
            options={(['median', 'mean', 'percentile', 'fixed'] as const).map((method) => ({ value: method, label: t(`schemes.threshold.${method}`) }))}
          />
          {needsValue ? (
            <InputNumber
              size="small"
              value={threshold.value}
              min={threshold.method === 'percentile' ? 0.01 : 0}
              max={threshold.method === 'percentile' ? 0.99 : 100}
              step={threshold.method === 'percentile' ? 0.05 : 5}
              onChange={(value) =>
                update((draft) => {
                  draft.valueMatrix[axis] = { ...draft.valueMatrix[axis], value: Number(value ?? 0) };
                })
              }
              style={{ width: 100 }}
            />
          ) : null}
          <Select
            size="small"
            value={threshold.scope}
            style={{ width: 170 }}
            onChange={(scope: Threshold['scope']) =>
              update((draft) => {
                draft.valueMatrix[axis] = { ...draft.valueMatrix[axis], scope };
              })
            }
            options={(['all', 'market'] as const).map((scope) => ({ value: scope, label: t(`schemes.threshold_scope.${scope}`) }))}
          />
        </Flex>
      </Descriptions.Item>
    );
  };

  return (
    <Flex vertical gap={16}>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('schemes.basic.title')} style={{ height: '100%' }}>
            <Descriptions column={1} size="small" colon={false}>
              <Descriptions.Item label={t('schemes.basic.name_zh')}>
                <Input size="small" value={scheme.name['zh-CN']} onChange={(event) => update((draft) => void (draft.name['zh-CN'] = event.target.value))} data-testid="scheme-name-zh" />
              </Descriptions.Item>
              <Descriptions.Item label={t('schemes.basic.name_en')}>
                <Input size="small" value={scheme.name.en} onChange={(event) => update((draft) => void (draft.name.en = event.target.value))} />
              </Descriptions.Item>
              <Descriptions.Item label={t('schemes.basic.window_weeks')}>
                <InputNumber size="small" min={4} max={53} precision={0} value={scheme.windowWeeks} onChange={(value) => update((draft) => void (draft.windowWeeks = Number(value ?? 13)))} />
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('schemes.threshold.title')} style={{ height: '100%' }}>
            <Descriptions column={1} size="small" colon={false}>
              {thresholdRow('current')}
              {thresholdRow('potential')}
            </Descriptions>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('schemes.threshold.hint')}
            </Typography.Text>
          </Card>
        </Col>
      </Row>
      <Card
        size="small"
        title={t('schemes.classes.title')}
        extra={
          <Select
            size="small"
            value={scheme.serviceClasses.scope}
            style={{ width: 190 }}
            onChange={(scope: 'all' | 'market') => update((draft) => void (draft.serviceClasses.scope = scope))}
            options={(['all', 'market'] as const).map((scope) => ({ value: scope, label: t(`schemes.classes.scope.${scope}`) }))}
          />
        }
      >
        <Table<ServiceClass & { index: number }>
          size="small"
          pagination={false}
          rowKey="code"
          dataSource={classes.map((serviceClass, index) => ({ ...serviceClass, index }))}
          data-testid="class-rules"
          scroll={{ x: 720 }}
          columns={[
            { title: t('schemes.classes.code'), dataIndex: 'code', width: 100 },
            {
              title: t('schemes.classes.name'),
              key: 'name',
              render: (_: unknown, row) => (
                <Flex gap={6}>
                  <Input size="small" value={row.name['zh-CN']} onChange={(event) => update((draft) => void ((draft.serviceClasses.classes[row.index] as ServiceClass).name['zh-CN'] = event.target.value))} style={{ width: 110 }} />
                  <Input size="small" value={row.name.en} onChange={(event) => update((draft) => void ((draft.serviceClasses.classes[row.index] as ServiceClass).name.en = event.target.value))} style={{ width: 110 }} />
                </Flex>
              ),
            },
            {
              title: t('schemes.classes.rule'),
              key: 'rule',
              width: 300,
              render: (_: unknown, row) => {
                const rule = ruleOf(row);
                if (row.index === classes.length - 1) return <Typography.Text type="secondary">{t('schemes.classes.rest')}</Typography.Text>;
                const value = rule === undefined ? undefined : row[rule];
                return (
                  <Flex gap={6}>
                    <Select
                      size="small"
                      value={rule}
                      style={{ width: 150 }}
                      onChange={(next: Rule) => update((draft) => void (draft.serviceClasses.classes[row.index] = withRule(classes[row.index] as ServiceClass, next, next === 'minScore' ? 60 : 0.2)))}
                      options={(['quota', 'minScore', 'minPercentile'] as const).map((found) => ({ value: found, label: t(`schemes.classes.rule.${found}`) }))}
                    />
                    <InputNumber
                      size="small"
                      value={value}
                      min={0}
                      max={rule === 'minScore' ? 100 : 1}
                      step={rule === 'minScore' ? 5 : 0.05}
                      onChange={(next) => rule !== undefined && update((draft) => void (draft.serviceClasses.classes[row.index] = withRule(classes[row.index] as ServiceClass, rule, Number(next ?? 0))))}
                      style={{ width: 100 }}
                    />
                  </Flex>
                );
              },
            },
            {
              title: t('schemes.classes.gate'),
              dataIndex: 'minCreditGrade',
              width: 150,
              render: (grade: string | undefined, row) => (
                <Select
                  size="small"
                  value={grade ?? ''}
                  style={{ width: 120 }}
                  onChange={(next: string) =>
                    update((draft) => {
                      const { minCreditGrade: _gate, ...serviceClass } = classes[row.index] as ServiceClass;
                      draft.serviceClasses.classes[row.index] = next === '' ? serviceClass : { ...serviceClass, minCreditGrade: next as ServiceClass['minCreditGrade'] };
                    })
                  }
                  options={[{ value: '', label: t('schemes.classes.no_gate') }, ...CREDIT_GRADES.map((found) => ({ value: found, label: t('schemes.classes.grade_or_better', { grade: found }) }))]}
                />
              ),
            },
          ]}
        />
        {quotaTotal > 1 + 1e-9 ? <Alert type="error" showIcon title={t('schemes.classes.quota_total', { total: formatFixed(quotaTotal, 2) })} style={{ marginTop: 12 }} /> : null}
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
          {t('schemes.classes.hint')}
        </Typography.Text>
      </Card>
    </Flex>
  );
}
