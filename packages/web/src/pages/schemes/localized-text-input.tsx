import { useState, type KeyboardEvent } from 'react';
import { Flex, Input, Typography } from 'antd';
import type { LocalizedText } from '@retail-value/core';
import { useI18n } from '../../i18n/i18n-context.js';
import { englishInput, isBlank, localizedFrom, trimmedText } from './strategy-edit.js';

/**
 * A text in both languages, Chinese first. Chinese is required (an inline
 * error when blank); an English left empty stores the Chinese text, and a
 * stored English that only repeats the Chinese shows as empty. Long texts
 * wrap; Enter adds no line break (the texts are one paragraph).
 */
export function LocalizedTextInput({
  value,
  onChange,
  label,
  autoFocus = false,
  testId,
}: {
  readonly value: LocalizedText;
  readonly onChange: (text: LocalizedText) => void;
  /** What the text is, for screen readers ("目标", "个性化服务项目第 2 项"). */
  readonly label: string;
  readonly autoFocus?: boolean;
  readonly testId: string;
}) {
  const { t } = useI18n();
  // The English as typed (blanks included) while it still matches the stored text; after a reload or a reorder, what the stored text shows.
  const [typed, setTyped] = useState(() => englishInput(value));
  const english = localizedFrom(value['zh-CN'], typed).en === value.en ? typed : englishInput(value);
  const blank = isBlank(value);
  const trim = () => {
    const trimmed = trimmedText(value);
    if (trimmed['zh-CN'] !== value['zh-CN'] || trimmed.en !== value.en) {
      setTyped(englishInput(trimmed));
      onChange(trimmed);
    }
  };
  const noBreak = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) event.preventDefault();
  };
  const common = { size: 'small' as const, autoSize: { minRows: 1, maxRows: 6 }, onBlur: trim, onKeyDown: noBreak };
  const chinese = {
    ...common,
    value: value['zh-CN'],
    status: blank ? ('error' as const) : undefined,
    placeholder: t('schemes.strategies.zh_placeholder'),
    'aria-label': `${label} · ${t('schemes.strategies.zh')}`,
    'aria-invalid': blank,
    autoFocus,
    'data-testid': `${testId}-zh`,
  };
  const other = {
    ...common,
    value: english,
    placeholder: t('schemes.strategies.en_placeholder'),
    'aria-label': `${label} · ${t('schemes.strategies.en')}`,
    'data-testid': `${testId}-en`,
  };
  const setChinese = (text: string) => onChange(localizedFrom(text, english));
  const setEnglish = (text: string) => {
    setTyped(text);
    onChange(localizedFrom(value['zh-CN'], text));
  };
  return (
    <Flex gap={8} align="flex-start" style={{ flex: 1, minWidth: 0 }}>
      <div style={{ flex: 1, minWidth: 0 }}>
        <Input.TextArea {...chinese} onChange={(event) => setChinese(event.target.value)} />
        {blank ? (
          <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid={`${testId}-error`}>
            {t('schemes.strategies.zh_required')}
          </Typography.Text>
        ) : null}
      </div>
      <div style={{ flex: 1, minWidth: 0 }}>
        <Input.TextArea {...other} onChange={(event) => setEnglish(event.target.value)} />
      </div>
    </Flex>
  );
}
