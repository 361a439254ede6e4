import type { ReactNode } from 'react';
import { Card, Flex, Typography } from 'antd';
import type { Scheme } from '@retail-value/core';
import { useI18n } from '../../i18n/i18n-context.js';
import { LocalizedTextInput } from './localized-text-input.js';
import { StrategyItemList } from './strategy-item-list.js';
import { goalOf, listKey, withText, type StrategyOwner } from './strategy-edit.js';

/** Width of the move and remove buttons on an item's row with the gap before them, so the goal's inputs line up with the items' below. */
const ACTIONS_WIDTH = 78;
/** Width of an item's number with the gap after it. */
const NUMBER_WIDTH = 28;

/** A value cell, service class or lifecycle stage: its goal (a stage's management strategy) and its items. */
export function StrategyOwnerCard({
  scheme,
  owner,
  title,
  color,
  extra,
  onChange,
}: {
  readonly scheme: Scheme;
  readonly owner: StrategyOwner;
  readonly title: ReactNode;
  readonly color: string;
  readonly extra?: ReactNode;
  readonly onChange: (scheme: Scheme) => void;
}) {
  const { t } = useI18n();
  const goal = goalOf(scheme, owner);
  const goalLabel = owner.kind === 'stage' ? t('schemes.strategies.stage_strategy') : t('schemes.strategies.goal');
  return (
    <Card size="small" title={title} extra={extra} style={{ borderTop: `3px solid ${color}` }} data-testid={`strategy-${listKey(owner)}`}>
      {goal === undefined ? null : (
        <Flex vertical gap={12}>
          <div>
            <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>
              {goalLabel}
            </Typography.Text>
            <Flex style={{ paddingInlineStart: NUMBER_WIDTH, paddingInlineEnd: ACTIONS_WIDTH }}>
              <LocalizedTextInput value={goal} label={goalLabel} onChange={(text) => onChange(withText(scheme, { list: owner, at: 'goal' }, text))} testId="strategy-goal" />
            </Flex>
          </div>
          <StrategyItemList scheme={scheme} list={owner} onChange={onChange} />
        </Flex>
      )}
    </Card>
  );
}
