import { useState, type ReactNode } from 'react';
import { Button, Flex, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Scheme } from '@retail-value/core';
import { useI18n } from '../../i18n/i18n-context.js';
import { LocalizedTextInput } from './localized-text-input.js';
import { addItem, itemsOf, listKey, MAX_STRATEGY_ITEMS, moveItem, removeItem, withText, type StrategyList } from './strategy-edit.js';

/** The service items of one list: each in Chinese and English, moved up or down, removed; new ones added at the end up to the limit. */
export function StrategyItemList({
  scheme,
  list,
  hint,
  onChange,
}: {
  readonly scheme: Scheme;
  readonly list: StrategyList;
  /** A line under the list's title. */
  readonly hint?: string;
  readonly onChange: (scheme: Scheme) => void;
}) {
  const { t } = useI18n();
  // The row added last takes the focus when it appears.
  const [added, setAdded] = useState<number | undefined>(undefined);
  const items = itemsOf(scheme, list) ?? [];
  const full = items.length >= MAX_STRATEGY_ITEMS;
  const title = t(`schemes.strategies.list.${list.kind}`);
  const add = () => {
    const outcome = addItem(scheme, list);
    if (!outcome.ok) return;
    setAdded(items.length);
    onChange(outcome.scheme);
  };
  const action = (icon: ReactNode, label: string, testId: string, onClick: (() => void) | undefined, danger = false) => (
    <Button size="small" type="text" danger={danger} icon={icon} title={label} aria-label={label} disabled={onClick === undefined} onClick={onClick} data-testid={testId} />
  );
  return (
    <div data-testid={`strategy-items-${listKey(list)}`}>
      <Flex justify="space-between" align="baseline" gap={8} style={{ marginBottom: 6 }}>
        <Typography.Text strong>{title}</Typography.Text>
        <Typography.Text type={full ? 'warning' : 'secondary'} style={{ fontSize: 12 }} data-testid="strategy-items-count">
          {full ? t('schemes.strategies.limit', { max: MAX_STRATEGY_ITEMS }) : t('schemes.strategies.count', { count: items.length, max: MAX_STRATEGY_ITEMS })}
        </Typography.Text>
      </Flex>
      {hint === undefined ? null : (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
          {hint}
        </Typography.Paragraph>
      )}
      <Flex vertical gap={6}>
        {items.length === 0 ? (
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('schemes.strategies.no_items')}
          </Typography.Text>
        ) : null}
        {items.map((item, index) => (
          // Items have no identity of their own; a row is its position, and its inputs show the item now there.
          <Flex key={index} gap={6} align="flex-start" data-testid={`strategy-item-${index}`}>
            <Typography.Text type="secondary" style={{ width: 22, flex: 'none', textAlign: 'right', lineHeight: '24px', fontVariantNumeric: 'tabular-nums' }}>
              {index + 1}.
            </Typography.Text>
            <LocalizedTextInput
              value={item}
              label={`${title} ${index + 1}`}
              autoFocus={index === added}
              onChange={(text) => onChange(withText(scheme, { list, at: index }, text))}
              testId={`strategy-item-${index}`}
            />
            <Flex gap={0} style={{ flex: 'none' }}>
              {action(<ArrowUpOutlined />, t('schemes.strategies.move_up'), `strategy-item-${index}-up`, index === 0 ? undefined : () => onChange(moveItem(scheme, list, index, -1)))}
              {action(<ArrowDownOutlined />, t('schemes.strategies.move_down'), `strategy-item-${index}-down`, index === items.length - 1 ? undefined : () => onChange(moveItem(scheme, list, index, 1)))}
              {action(<DeleteOutlined />, t('schemes.strategies.remove_item'), `strategy-item-${index}-remove`, () => onChange(removeItem(scheme, list, index)), true)}
            </Flex>
          </Flex>
        ))}
        <div style={{ paddingInlineStart: 28 }}>
          <Button size="small" type="dashed" icon={<PlusOutlined />} disabled={full} onClick={add} data-testid="strategy-add-item">
            {t('schemes.strategies.add_item')}
          </Button>
        </div>
      </Flex>
    </div>
  );
}
