import { useMemo, useRef, useState } from 'react';
import { Button, Col, Empty, Flex, Form, Input, Modal, Radio, Row, Select, Typography, type InputRef } from 'antd';
import { CheckCircleFilled } from '@ant-design/icons';
import {
  DIMENSION_INFO,
  FORMULA_FUNCTIONS,
  formatIssue,
  formulaReferences,
  MEASURE_CODES,
  MEASURES,
  parseFormula,
  type CustomIndicator,
  type DimensionCode,
  type Issue,
  type LocalizedText,
  type Measure,
  type Scheme,
} from '@retail-value/core';
import { useI18n } from '../../i18n/i18n-context.js';
import { customCodeProblem, formulaIssue } from './indicator-edit.js';
import { useSchemeNames } from './scheme-names.js';

interface Draft {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly dimension: DimensionCode | undefined;
  readonly direction: CustomIndicator['direction'];
  readonly unitZh: string;
  readonly unitEn: string;
  readonly formula: string;
  readonly definitionZh: string;
  readonly definitionEn: string;
}

const MONO = 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';

/** An optional pair of texts: both filled, both empty (undefined), or one missing. */
function optionalPair(zh: string, en: string): LocalizedText | undefined | 'incomplete' {
  const [chinese, english] = [zh.trim(), en.trim()];
  if (chinese === '' && english === '') return undefined;
  if (chinese === '' || english === '') return 'incomplete';
  return { 'zh-CN': chinese, en: english };
}

/** Matches a measure's code or a name in either language, ignoring case and spaces. */
function matches(measure: Measure, search: string): boolean {
  const needle = search.replace(/\s+/g, '').toLowerCase();
  if (needle === '') return true;
  return [measure.code, measure.name['zh-CN'], measure.name.en].some((text) => text.replace(/\s+/g, '').toLowerCase().includes(needle));
}

/** The formula with the character the parser stopped at marked (a marked blank when it stopped at the end), and the parser's message. */
function FormulaError({ formula, found }: { readonly formula: string; readonly found: Issue }) {
  const { locale } = useI18n();
  const position = Number(found.params?.position ?? 1);
  const index = Math.max(0, Math.min(position - 1, formula.length));
  const at = formula.slice(index, index + 1);
  return (
    <Flex vertical gap={4} data-testid="custom-formula-error">
      <div style={{ fontFamily: MONO, fontSize: 13, whiteSpace: 'pre-wrap', wordBreak: 'break-all', background: 'rgba(0, 0, 0, 0.02)', border: '1px solid #ffccc7', borderRadius: 6, padding: '4px 8px' }}>
        {formula.slice(0, index)}
        <span style={{ color: '#cf1322', background: '#fff1f0', borderBottom: '2px solid #cf1322', fontWeight: 600 }} data-testid="custom-formula-mark">
          {at === '' || at === ' ' ? '\u00a0' : at}
        </span>
        {formula.slice(index + 1)}
      </div>
      <Typography.Text type="danger">{formatIssue(found, locale)}</Typography.Text>
    </Flex>
  );
}

/** The form's fields for a new indicator (empty, in the scheme's first dimension) or filled from one being edited. */
function draftOf(scheme: Scheme, editing: CustomIndicator | undefined): Draft {
  return {
    code: editing?.code ?? '',
    nameZh: editing?.name['zh-CN'] ?? '',
    nameEn: editing?.name.en ?? '',
    dimension: editing?.dimension ?? scheme.dimensions[0]?.code,
    direction: editing?.direction ?? 'benefit',
    unitZh: editing?.unit?.['zh-CN'] ?? '',
    unitEn: editing?.unit?.en ?? '',
    formula: editing?.formula ?? '',
    definitionZh: editing?.definition?.['zh-CN'] ?? '',
    definitionEn: editing?.definition?.en ?? '',
  };
}

/**
 * 新建自定义指标: code, names, dimension (of those the scheme has),
 * direction, unit, formula and definition of an indicator the scheme
 * defines itself. The formula is checked as it is typed with the core's
 * own parser over the measure catalog; a measure is inserted at the cursor
 * by a click. OK stays disabled until everything would pass the core.
 *
 * With `editing`, the same form changes one of the scheme's own indicators
 * (修改自定义指标): filled with its definition, its code and dimension shown
 * but fixed (the code is its identity; another dimension means removing and
 * creating it), everything else editable and checked the same way.
 */
export function CustomIndicatorModal({
  scheme,
  editing,
  onSubmit,
  onClose,
}: {
  readonly scheme: Scheme;
  /** The custom indicator to change; absent to create one. */
  readonly editing?: CustomIndicator;
  readonly onSubmit: (custom: CustomIndicator) => void;
  readonly onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const name = useSchemeNames(scheme);
  const formulaInput = useRef<InputRef>(null);
  const [search, setSearch] = useState('');
  const [touched, setTouched] = useState<ReadonlySet<keyof Draft>>(new Set());
  const [draft, setDraft] = useState<Draft>(() => draftOf(scheme, editing));
  const set = (change: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...change }));
    setTouched((current) => new Set([...current, ...(Object.keys(change) as (keyof Draft)[])]));
  };

  const code = draft.code.trim();
  // An edited indicator's own code is in use by itself, and cannot change anyway.
  const codeProblem = code === '' || editing !== undefined ? undefined : customCodeProblem(scheme, code);
  const formulaProblem = draft.formula.trim() === '' ? undefined : formulaIssue(draft.formula);
  const references = useMemo(() => {
    if (draft.formula.trim() === '' || formulaProblem !== undefined) return [];
    return formulaReferences(parseFormula(draft.formula, MEASURE_CODES));
  }, [draft.formula, formulaProblem]);
  const unit = optionalPair(draft.unitZh, draft.unitEn);
  const definition = optionalPair(draft.definitionZh, draft.definitionEn);
  const measures = useMemo(() => MEASURES.filter((measure) => matches(measure, search)), [search]);
  const functions = Object.keys(FORMULA_FUNCTIONS).join(locale === 'en' ? ', ' : '、');

  const custom: CustomIndicator | undefined =
    code === '' ||
    codeProblem !== undefined ||
    draft.nameZh.trim() === '' ||
    draft.nameEn.trim() === '' ||
    draft.dimension === undefined ||
    draft.formula.trim() === '' ||
    formulaProblem !== undefined ||
    unit === 'incomplete' ||
    definition === 'incomplete'
      ? undefined
      : {
          code,
          name: { 'zh-CN': draft.nameZh.trim(), en: draft.nameEn.trim() },
          dimension: draft.dimension,
          direction: draft.direction,
          ...(unit === undefined ? {} : { unit }),
          formula: draft.formula.trim(),
          ...(definition === undefined ? {} : { definition }),
        };

  const required = (field: keyof Draft) => (touched.has(field) && draft[field] !== undefined && String(draft[field]).trim() === '' ? { validateStatus: 'error' as const, help: t('schemes.custom.required') } : {});
  const pairStatus = (pair: typeof unit) => (pair === 'incomplete' ? { validateStatus: 'error' as const, help: t('schemes.custom.pair_incomplete') } : {});

  /** Puts `text` in place of the formula's selection (or at its cursor) and moves the cursor after it. */
  const insert = (text: string) => {
    const element = formulaInput.current?.input;
    const start = element?.selectionStart ?? draft.formula.length;
    const end = element?.selectionEnd ?? start;
    set({ formula: draft.formula.slice(0, start) + text + draft.formula.slice(end) });
    requestAnimationFrame(() => {
      formulaInput.current?.focus();
      formulaInput.current?.input?.setSelectionRange(start + text.length, start + text.length);
    });
  };

  return (
    <Modal
      open
      title={editing === undefined ? t('schemes.custom.title') : t('schemes.custom.edit_title', { name: name(editing.code) })}
      okText={editing === undefined ? t('schemes.custom.ok') : t('schemes.custom.save')}
      cancelText={t('schemes.indicator.cancel')}
      okButtonProps={{ disabled: custom === undefined }}
      onOk={() => {
        if (custom !== undefined) onSubmit(custom);
      }}
      onCancel={onClose}
      width={780}
      styles={{ body: { maxHeight: '72vh', overflowY: 'auto', paddingInlineEnd: 8 } }}
      data-testid="custom-indicator-form"
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {editing === undefined ? t('schemes.custom.hint') : t('schemes.custom.edit_hint')}
      </Typography.Paragraph>
      <Form layout="vertical" component={false}>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              label={t('schemes.custom.code')}
              required
              style={{ marginBottom: 12 }}
              {...(editing !== undefined
                ? { extra: t('schemes.custom.code_fixed') }
                : codeProblem === undefined
                  ? { ...required('code'), extra: touched.has('code') && code !== '' ? undefined : t('schemes.custom.code_pattern') }
                  : { validateStatus: 'error' as const, help: codeProblem === 'pattern' ? t('schemes.custom.code_pattern') : t(`schemes.custom.code_${codeProblem}`, { code }) })}
            >
              <Input
                value={draft.code}
                disabled={editing !== undefined}
                autoComplete="off"
                style={{ fontFamily: MONO }}
                onChange={(event) => set({ code: event.target.value })}
                data-testid="custom-code"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('schemes.custom.dimension')} required style={{ marginBottom: 12 }} extra={editing === undefined ? undefined : t('schemes.custom.dimension_fixed')}>
              <Select
                value={draft.dimension}
                disabled={editing !== undefined}
                onChange={(dimension: DimensionCode) => set({ dimension })}
                options={scheme.dimensions.map((dimension) => ({ value: dimension.code, label: `${name(DIMENSION_INFO[dimension.code].side)} · ${name(dimension.code)}` }))}
                data-testid="custom-dimension"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('schemes.custom.name_zh')} required style={{ marginBottom: 12 }} {...required('nameZh')}>
              <Input value={draft.nameZh} onChange={(event) => set({ nameZh: event.target.value })} data-testid="custom-name-zh" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('schemes.custom.name_en')} required style={{ marginBottom: 12 }} {...required('nameEn')}>
              <Input value={draft.nameEn} onChange={(event) => set({ nameEn: event.target.value })} data-testid="custom-name-en" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label={t('schemes.custom.unit_zh')} style={{ marginBottom: 12 }} {...pairStatus(unit)}>
              <Input value={draft.unitZh} onChange={(event) => set({ unitZh: event.target.value })} data-testid="custom-unit-zh" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label={t('schemes.custom.unit_en')} style={{ marginBottom: 12 }}>
              <Input value={draft.unitEn} onChange={(event) => set({ unitEn: event.target.value })} data-testid="custom-unit-en" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('schemes.custom.direction')} required style={{ marginBottom: 12 }}>
              <Radio.Group
                value={draft.direction}
                optionType="button"
                onChange={(event) => set({ direction: event.target.value as CustomIndicator['direction'] })}
                options={(['benefit', 'cost'] as const).map((value) => ({ value, label: t(`schemes.custom.direction.${value}`) }))}
                data-testid="custom-direction"
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('schemes.custom.formula')} required style={{ marginBottom: 8 }} extra={t('schemes.custom.formula_syntax', { functions })}>
          <Input
            ref={formulaInput}
            value={draft.formula}
            placeholder={t('schemes.custom.formula_placeholder')}
            autoComplete="off"
            spellCheck={false}
            status={formulaProblem === undefined ? undefined : 'error'}
            style={{ fontFamily: MONO }}
            onChange={(event) => set({ formula: event.target.value })}
            data-testid="custom-formula"
          />
        </Form.Item>
        <div style={{ marginBottom: 12 }}>
          {formulaProblem !== undefined ? (
            <FormulaError formula={draft.formula} found={formulaProblem} />
          ) : references.length > 0 ? (
            <Typography.Text type="success" data-testid="custom-formula-valid">
              <CheckCircleFilled style={{ marginInlineEnd: 6 }} />
              {t('schemes.custom.formula_valid', { measures: references.map((reference) => MEASURES.find((measure) => measure.code === reference)?.name[locale] ?? reference).join(locale === 'en' ? ', ' : '、') })}
            </Typography.Text>
          ) : null}
        </div>
        <Flex justify="space-between" align="center" gap={8} style={{ marginBottom: 6 }}>
          <Typography.Text>{t('schemes.custom.measures')}</Typography.Text>
          <Input.Search size="small" allowClear value={search} placeholder={t('schemes.custom.measure_search')} onChange={(event) => setSearch(event.target.value)} style={{ width: 220 }} data-testid="custom-measure-search" />
        </Flex>
        <Flex wrap gap={6} style={{ maxHeight: 132, overflowY: 'auto', border: '1px solid rgba(5, 5, 5, 0.06)', borderRadius: 8, padding: 8, marginBottom: 16 }} data-testid="custom-measures">
          {measures.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('schemes.custom.no_measure')} style={{ margin: '0 auto' }} />
          ) : (
            measures.map((measure) => (
              <Button key={measure.code} size="small" title={t('schemes.custom.measure_title', { name: measure.name[locale], unit: measure.unit[locale] })} onClick={() => insert(measure.code)} data-testid={`measure-${measure.code}`}>
                {measure.name[locale]}
                <span style={{ fontFamily: MONO, fontSize: 11, marginInlineStart: 4, color: 'rgba(0, 0, 0, 0.45)' }}>{measure.code}</span>
              </Button>
            ))
          )}
        </Flex>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item label={t('schemes.custom.definition_zh')} style={{ marginBottom: 8 }} {...pairStatus(definition)}>
              <Input.TextArea rows={2} value={draft.definitionZh} onChange={(event) => set({ definitionZh: event.target.value })} data-testid="custom-definition-zh" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('schemes.custom.definition_en')} style={{ marginBottom: 8 }}>
              <Input.TextArea rows={2} value={draft.definitionEn} onChange={(event) => set({ definitionEn: event.target.value })} data-testid="custom-definition-en" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
