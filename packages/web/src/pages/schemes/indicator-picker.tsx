import { useMemo, useState } from 'react';
import { Button, Empty, Flex, Input, Modal, Tag, Typography } from 'antd';
import { FunctionOutlined, PlusOutlined } from '@ant-design/icons';
import { DIMENSION_INFO, type IndicatorDefinition, type Scheme } from '@retail-value/core';
import { useI18n } from '../../i18n/i18n-context.js';
import { addableIndicators } from './indicator-edit.js';
import { useSchemeNames } from './scheme-names.js';

/** Matches a code or a name in either language, ignoring case and spaces. */
function matches(definition: IndicatorDefinition, search: string): boolean {
  const needle = search.replace(/\s+/g, '').toLowerCase();
  if (needle === '') return true;
  return [definition.code, definition.name['zh-CN'], definition.name.en].some((text) => text.replace(/\s+/g, '').toLowerCase().includes(needle));
}

/**
 * 从指标库添加指标: the library indicators the scheme could still use,
 * grouped by dimension in the scheme's order, with unit, formula and
 * definition, searchable by code or name; or a new custom indicator
 * defined by a formula (`onCreateCustom`).
 */
export function IndicatorPicker({
  open,
  scheme,
  onPick,
  onCreateCustom,
  onClose,
}: {
  readonly open: boolean;
  readonly scheme: Scheme;
  readonly onPick: (code: string) => void;
  readonly onCreateCustom: () => void;
  readonly onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const name = useSchemeNames(scheme);
  const [search, setSearch] = useState('');
  const groups = useMemo(() => {
    const found = addableIndicators(scheme).filter((definition) => matches(definition, search));
    return scheme.dimensions
      .map((dimension) => ({ dimension: dimension.code, indicators: found.filter((definition) => definition.dimension === dimension.code) }))
      .filter((group) => group.indicators.length > 0);
  }, [scheme, search]);

  return (
    <Modal
      open={open}
      title={t('schemes.indicator.picker_title')}
      footer={null}
      width={760}
      onCancel={onClose}
      afterOpenChange={(visible) => (visible ? undefined : setSearch(''))}
      styles={{ body: { maxHeight: '65vh', overflowY: 'auto', paddingInlineEnd: 8 } }}
      data-testid="indicator-picker"
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('schemes.indicator.picker_hint')}
      </Typography.Paragraph>
      <Flex gap={8} style={{ marginBottom: 12 }}>
        <Input.Search allowClear value={search} placeholder={t('schemes.indicator.search')} onChange={(event) => setSearch(event.target.value)} style={{ flex: 1 }} data-testid="indicator-picker-search" />
        <Button icon={<FunctionOutlined />} onClick={onCreateCustom} data-testid="create-custom-indicator">
          {t('schemes.custom.create')}
        </Button>
      </Flex>
      {groups.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('schemes.indicator.none_left')} />
      ) : (
        groups.map((group) => (
          <section key={group.dimension} style={{ marginBottom: 12 }}>
            <Typography.Title level={5} style={{ marginBlock: '4px 8px' }}>
              {name(group.dimension)}
              <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal', marginInlineStart: 8 }}>
                {name(DIMENSION_INFO[group.dimension].side)}
              </Typography.Text>
            </Typography.Title>
            <Flex vertical gap={8}>
              {group.indicators.map((definition) => (
                <Flex
                  key={definition.code}
                  gap={12}
                  align="flex-start"
                  style={{ border: '1px solid rgba(5, 5, 5, 0.06)', borderRadius: 8, padding: '8px 12px' }}
                  data-testid={`picker-item-${definition.code}`}
                >
                  <Flex vertical gap={2} style={{ flex: 1, minWidth: 0 }}>
                    <Flex wrap gap={8} align="baseline">
                      <Typography.Text strong>{name(definition.code)}</Typography.Text>
                      <Typography.Text type="secondary" code style={{ fontSize: 12 }}>
                        {definition.code}
                      </Typography.Text>
                      <Tag style={{ marginInlineEnd: 0 }}>{t('schemes.indicator.unit', { unit: definition.unit[locale] })}</Tag>
                      {definition.direction === 'cost' ? <Tag color="orange">{t('schemes.direction.cost')}</Tag> : null}
                    </Flex>
                    <Typography.Text style={{ fontSize: 12 }}>{definition.definition[locale]}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('schemes.indicator.formula')}
                      <Typography.Text code style={{ fontSize: 12, marginInlineStart: 4 }}>{definition.formula}</Typography.Text>
                    </Typography.Text>
                  </Flex>
                  <Button size="small" type="primary" ghost icon={<PlusOutlined />} onClick={() => onPick(definition.code)} data-testid={`pick-indicator-${definition.code}`}>
                    {t('schemes.indicator.pick')}
                  </Button>
                </Flex>
              ))}
            </Flex>
          </section>
        ))
      )}
    </Modal>
  );
}
