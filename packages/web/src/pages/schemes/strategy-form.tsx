import { useCallback, useState } from 'react';
import { Alert, Badge, Button, Card, Empty, Flex, Popconfirm, Segmented, Select, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { LIFECYCLE_STAGES, VALUE_CELLS, VISIT_FREQUENCIES, type Scheme } from '@retail-value/core';
import { CELL_COLORS, CLASS_COLORS, STAGE_COLORS } from '../../charts/palette.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useCoreText } from '../../i18n/use-core-text.js';
import { StrategyItemList } from './strategy-item-list.js';
import { StrategyOwnerCard } from './strategy-owner-card.js';
import {
  problemSection,
  strategyProblems,
  withClassStrategy,
  withLifecycle,
  withoutLifecycle,
  withVisitFrequency,
  type StrategyList,
  type StrategyProblem,
  type StrategySection,
  type VisitFrequency,
} from './strategy-edit.js';

const SECTIONS: readonly StrategySection[] = ['classes', 'common', 'cells', 'lifecycle'];

/** Where a problem is, in words: "核心类：个性化服务项目第 4 项的中文为空". */
function useProblemText(scheme: Scheme): (problem: StrategyProblem) => string {
  const { t } = useI18n();
  const { label, named } = useCoreText();
  return useCallback(
    (problem: StrategyProblem) => {
      const ownerName = (list: StrategyList): string => {
        if (list.kind === 'class') return named(scheme.serviceClasses.classes.find((found) => found.code === list.code)?.name, list.code);
        if (list.kind === 'cell') return label(`cell.${list.cell}`);
        if (list.kind === 'stage') return label(`stage.${list.stage}`);
        return t('schemes.strategies.list.common');
      };
      if (problem.kind === 'missing_class') return t('schemes.strategies.problem.missing_class', { owner: ownerName({ kind: 'class', code: problem.code }) });
      const { list, at } = problem.text;
      if (at === 'goal') return t(list.kind === 'stage' ? 'schemes.strategies.problem.strategy' : 'schemes.strategies.problem.goal', { owner: ownerName(list) });
      if (list.kind === 'common') return t('schemes.strategies.problem.common_item', { number: at + 1 });
      return t('schemes.strategies.problem.item', { owner: ownerName(list), list: t(`schemes.strategies.list.${list.kind}`), number: at + 1 });
    },
    [scheme, t, label, named],
  );
}

/**
 * 服务策略: the scheme's service strategy catalog — per service class its
 * goal, visit frequency and personalised items; the common items; per value
 * cell its goal and items; per lifecycle stage its management strategy and
 * items (optional, added from the default scheme's). Edits go to a copy of
 * the draft through the pure functions of strategy-edit.ts.
 */
export function StrategyForm({ scheme, onChange }: { readonly scheme: Scheme; readonly onChange: (scheme: Scheme) => void }) {
  const { t } = useI18n();
  const { label, named } = useCoreText();
  const [section, setSection] = useState<StrategySection>('classes');
  const problems = strategyProblems(scheme);
  const problemText = useProblemText(scheme);
  const frequencies = VISIT_FREQUENCIES.map((value) => ({ value, label: label(`visit.${value}`) }));

  const classes = scheme.serviceClasses.classes.map((serviceClass, index) => {
    const color = CLASS_COLORS[index] ?? '#d9d9d9';
    const title = (
      <Flex gap={8} align="center">
        <span>{named(serviceClass.name, serviceClass.code)}</span>
        <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 12 }}>
          {serviceClass.code}
        </Typography.Text>
      </Flex>
    );
    const strategy = scheme.strategies.classes[serviceClass.code];
    if (strategy === undefined) {
      return (
        <Card key={serviceClass.code} size="small" title={title} style={{ borderTop: `3px solid ${color}` }} data-testid={`strategy-class-${serviceClass.code}`}>
          <Alert
            type="error"
            showIcon
            title={t('schemes.strategies.class_missing')}
            action={
              <Button size="small" icon={<PlusOutlined />} onClick={() => onChange(withClassStrategy(scheme, serviceClass.code))} data-testid="strategy-class-add">
                {t('schemes.strategies.class_add')}
              </Button>
            }
          />
        </Card>
      );
    }
    return (
      <StrategyOwnerCard
        key={serviceClass.code}
        scheme={scheme}
        owner={{ kind: 'class', code: serviceClass.code }}
        title={title}
        color={color}
        extra={
          <Flex gap={8} align="center">
            <Typography.Text type="secondary">{t('schemes.strategies.visit_frequency')}</Typography.Text>
            <Select<VisitFrequency>
              size="small"
              value={strategy.visitFrequency}
              options={frequencies}
              style={{ width: 140 }}
              aria-label={t('schemes.strategies.visit_frequency')}
              onChange={(value) => onChange(withVisitFrequency(scheme, serviceClass.code, value))}
              data-testid="strategy-visit-frequency"
            />
          </Flex>
        }
        onChange={onChange}
      />
    );
  });

  const cells = VALUE_CELLS.map((cell) => (
    <StrategyOwnerCard
      key={cell}
      scheme={scheme}
      owner={{ kind: 'cell', cell }}
      title={
        <Tag color={CELL_COLORS[cell]} style={{ marginInlineEnd: 0 }}>
          {label(`cell.${cell}`)}
        </Tag>
      }
      color={CELL_COLORS[cell]}
      onChange={onChange}
    />
  ));

  const lifecycle =
    scheme.strategies.lifecycle === undefined ? (
      <Card size="small">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('schemes.strategies.lifecycle_absent')}>
          <Flex vertical gap={8} align="center">
            <Button type="primary" icon={<PlusOutlined />} onClick={() => onChange(withLifecycle(scheme))} data-testid="strategy-lifecycle-add">
              {t('schemes.strategies.lifecycle_add')}
            </Button>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('schemes.strategies.lifecycle_add_hint')}
            </Typography.Text>
          </Flex>
        </Empty>
      </Card>
    ) : (
      <>
        <Flex justify="flex-end">
          <Popconfirm
            title={t('schemes.strategies.lifecycle_remove_confirm')}
            okText={t('schemes.strategies.lifecycle_remove_ok')}
            cancelText={t('schemes.strategies.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => onChange(withoutLifecycle(scheme))}
            styles={{ root: { maxWidth: 320 } }}
          >
            <Button size="small" danger icon={<DeleteOutlined />} data-testid="strategy-lifecycle-remove">
              {t('schemes.strategies.lifecycle_remove')}
            </Button>
          </Popconfirm>
        </Flex>
        {LIFECYCLE_STAGES.map((stage) => (
          <StrategyOwnerCard
            key={stage}
            scheme={scheme}
            owner={{ kind: 'stage', stage }}
            title={
              <Tag color={STAGE_COLORS[stage]} variant="outlined" style={{ marginInlineEnd: 0 }}>
                {label(`stage.${stage}`)}
              </Tag>
            }
            color={STAGE_COLORS[stage]}
            onChange={onChange}
          />
        ))}
      </>
    );

  const common = (
    <Card size="small" style={{ borderTop: '3px solid #8c8c8c' }} data-testid="strategy-common">
      <StrategyItemList scheme={scheme} list={{ kind: 'common' }} hint={t('schemes.strategies.common_hint')} onChange={onChange} />
    </Card>
  );

  const counts = (wanted: StrategySection): number => problems.filter((problem) => problemSection(problem) === wanted).length;
  return (
    <Flex vertical gap={12} data-testid="strategy-form">
      <Typography.Text type="secondary">{t('schemes.strategies.hint')}</Typography.Text>
      {problems.length === 0 ? null : (
        <Alert
          type="error"
          showIcon
          title={t('schemes.strategies.problems', { count: problems.length })}
          description={problems.map((problem) => {
            const text = problemText(problem);
            return (
              <div key={text}>
                <Typography.Link onClick={() => setSection(problemSection(problem))}>{text}</Typography.Link>
              </div>
            );
          })}
          data-testid="strategy-problems"
        />
      )}
      <Segmented<StrategySection>
        value={section}
        onChange={setSection}
        options={SECTIONS.map((value) => ({
          value,
          label: (
            <Flex gap={6} align="center" data-testid={`strategy-section-${value}`}>
              {t(`schemes.strategies.section.${value}`)}
              {counts(value) > 0 ? <Badge count={counts(value)} size="small" /> : null}
            </Flex>
          ),
        }))}
        style={{ alignSelf: 'flex-start' }}
        data-testid="strategy-sections"
      />
      {section === 'classes' ? classes : section === 'common' ? common : section === 'cells' ? cells : lifecycle}
    </Flex>
  );
}
