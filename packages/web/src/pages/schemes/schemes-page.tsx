import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, App, Badge, Button, Card, Col, Empty, Flex, Row, Segmented, Select, Skeleton, Tabs, Tag, Typography } from 'antd';
import { CheckCircleOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { indicatorByCode, schemeRoutes, type CustomIndicator, type Scheme } from '@retail-value/core';
import { ApiError } from '../../api/api-error.js';
import { useApiData } from '../../api/use-api-data.js';
import { useSession } from '../../auth/session-context.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useCoreText } from '../../i18n/use-core-text.js';
import { PageHeader } from '../../layout/page-header.js';
import { LoadError } from '../load-error.js';
import { ClassRulesForm } from './class-rules-form.js';
import { CustomIndicatorModal } from './custom-indicator-modal.js';
import { addCustomIndicator, addIndicator, removeIndicator, updateCustomIndicator, withChoice } from './indicator-edit.js';
import { IndicatorPicker } from './indicator-picker.js';
import { IndicatorSettingsModal } from './indicator-settings-modal.js';
import { IndicatorTree } from './indicator-tree.js';
import { SaveSchemeModal } from './save-scheme-modal.js';
import { ahpProblems, childrenOf, segmentsOf, specOf, withSegmentBy, withSpec, type LevelKey } from './scheme-edit.js';
import { useSchemeNames, useSegmentName } from './scheme-names.js';
import { strategyProblems } from './strategy-edit.js';
import { StrategyForm } from './strategy-form.js';
import { useLevelNames } from './use-level-name.js';
import { WeightLevelEditor } from './weight-level-editor.js';

/** A stored version (`default@2`) or a preset never stored (`core-general-problem@preset`). */
type Choice = string;
const choiceOf = (schemeId: string, version: number | null): Choice => `${schemeId}@${version ?? 'preset'}`;

/**
 * 评价方案: pick a stored version or a preset, add library indicators or
 * custom ones (a formula over the measures) to its dimensions, edit custom ones in place or remove any, set each one's normalisation, peer scope
 * and missing-value policy, edit its weights (direct,
 * AHP with live consistency, entropy / CRITIC with a preview from the latest
 * run, or blended; per segment), its value-matrix thresholds and class
 * rules, its service strategies, check it on the server and save it as a new version.
 */
export function SchemesPage() {
  const { t } = useI18n();
  const { named } = useCoreText();
  const { api } = useSession();
  const { message } = App.useApp();
  const [listVersion, setListVersion] = useState(0);
  // `listVersion` is a dependency only to reload after a save.
  const loadList = useCallback(() => api(schemeRoutes.list), [api, listVersion]);
  const list = useApiData(loadList);
  const [choice, setChoice] = useState<Choice | undefined>(undefined);
  const [draft, setDraft] = useState<Scheme | undefined>(undefined);
  const [baseline, setBaseline] = useState<string>('');
  const [level, setLevel] = useState<LevelKey>({ kind: 'side', side: 'current' });
  const [segment, setSegment] = useState<string>('urban');
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [validating, setValidating] = useState(false);
  const [picking, setPicking] = useState(false);
  const [creating, setCreating] = useState(false);
  const [settingsOf, setSettingsOf] = useState<string | undefined>(undefined);
  /** The code of the custom indicator whose definition is being edited. */
  const [editingOf, setEditingOf] = useState<string | undefined>(undefined);

  const options = useMemo(() => {
    const stored = list.data?.stored ?? [];
    const storedIds = new Set(stored.map((scheme) => scheme.schemeId));
    return [
      ...[...stored].reverse().map((scheme) => ({
        value: choiceOf(scheme.schemeId, scheme.version),
        label: t('schemes.option.stored', { name: named(scheme.name, scheme.schemeId), version: scheme.version }),
      })),
      ...(list.data?.presets ?? [])
        .filter((preset) => !storedIds.has(preset.schemeId))
        .map((preset) => ({ value: choiceOf(preset.schemeId, null), label: t('schemes.option.preset', { name: named(preset.name, preset.schemeId) }) })),
    ];
  }, [list.data, t, named]);
  const chosen = choice ?? options.find((option) => option.value.startsWith('default@'))?.value ?? options[0]?.value;

  const loadDocument = useCallback(() => {
    if (chosen === undefined) return Promise.resolve(undefined);
    const [schemeId, version] = chosen.split('@') as [string, string];
    return api(schemeRoutes.get, { params: { schemeId }, query: version === 'preset' ? {} : { version: Number(version) } });
  }, [api, chosen]);
  const documentData = useApiData(loadDocument);
  const loaded = documentData.data;
  useEffect(() => {
    if (loaded === undefined) return;
    setDraft(loaded.document);
    setBaseline(JSON.stringify(loaded.document));
    setSegment(segmentsOf(loaded.document)[0] ?? 'all');
    setProblems([]);
  }, [loaded]);

  const name = useSchemeNames(draft);
  const segmentName = useSegmentName();
  const levels = useLevelNames(draft);
  const dirty = draft !== undefined && JSON.stringify(draft) !== baseline;
  const inconsistent = draft === undefined ? [] : ahpProblems(draft);
  const strategyProblemCount = draft === undefined ? 0 : strategyProblems(draft).length;

  const validate = async () => {
    if (draft === undefined) return;
    setValidating(true);
    try {
      const result = await api(schemeRoutes.validate, { body: draft as unknown as Record<string, unknown> });
      setProblems(result.issues.map((found) => found.message));
      if (result.ok) message.success(t('schemes.validate.ok'));
    } catch (error) {
      setProblems(error instanceof ApiError ? error.details : [String(error)]);
    } finally {
      setValidating(false);
    }
  };

  const pick = (code: string) => {
    if (draft === undefined) return;
    const outcome = addIndicator(draft, code);
    if (!outcome.ok) {
      message.error(t('schemes.indicator.refused'));
      return;
    }
    const dimension = indicatorByCode(code)?.dimension;
    setDraft(outcome.scheme);
    setPicking(false);
    if (dimension !== undefined) {
      setLevel({ kind: 'dimension', dimension });
      message.success(t('schemes.indicator.added', { name: name(code), dimension: name(dimension) }));
    }
  };
  const create = (custom: CustomIndicator) => {
    if (draft === undefined) return;
    const outcome = addCustomIndicator(draft, custom);
    if (!outcome.ok) {
      message.error(t('schemes.indicator.refused'));
      return;
    }
    setDraft(outcome.scheme);
    setCreating(false);
    setLevel({ kind: 'dimension', dimension: custom.dimension });
    message.success(t('schemes.indicator.added', { name: named(custom.name, custom.code), dimension: name(custom.dimension) }));
  };
  const update = (custom: CustomIndicator) => {
    if (draft === undefined || editingOf === undefined) return;
    const outcome = updateCustomIndicator(draft, editingOf, custom);
    if (!outcome.ok) {
      message.error(t('schemes.custom.update_refused'));
      return;
    }
    setDraft(outcome.scheme);
    setEditingOf(undefined);
    message.success(t('schemes.custom.updated', { name: named(custom.name, custom.code) }));
  };
  const editing = editingOf === undefined ? undefined : draft?.customIndicators.find((custom) => custom.code === editingOf);
  const remove = (code: string) => {
    if (draft === undefined) return;
    const outcome = removeIndicator(draft, code);
    if (outcome.ok) {
      setDraft(outcome.scheme);
      message.success(t('schemes.indicator.removed', { name: name(code) }));
    } else if (outcome.reason === 'last_in_dimension') {
      const dimension = draft.dimensions.find((found) => found.indicators.includes(code))?.code ?? '';
      message.error(t('schemes.indicator.last_in_dimension', { name: name(code), dimension: name(dimension) }));
    }
  };

  const selectedSpec = draft === undefined ? undefined : specOf(draft, segment, level);
  const children = draft === undefined ? [] : childrenOf(draft, level);
  const segments = draft === undefined ? [] : segmentsOf(draft);

  return (
    <>
      <PageHeader
        title={t('nav.schemes')}
        description={t('schemes.description')}
        extra={
          <Flex gap={8} justify="flex-end" style={{ flex: 'none' }}>
            <Select
              value={chosen}
              options={options}
              style={{ width: 320 }}
              onChange={(value: Choice) => setChoice(value)}
              loading={list.loading}
              data-testid="scheme-select"
            />
            <Button icon={<CheckCircleOutlined />} loading={validating} disabled={draft === undefined} onClick={() => void validate()} data-testid="scheme-validate">
              {t('schemes.validate')}
            </Button>
            <Button type="primary" icon={<SaveOutlined />} disabled={draft === undefined} onClick={() => setSaving(true)} data-testid="scheme-save">
              {t('schemes.save_as')}
            </Button>
          </Flex>
        }
      />
      {list.error === undefined ? null : <LoadError error={list.error} onRetry={list.reload} />}
      {documentData.error === undefined ? null : <LoadError error={documentData.error} onRetry={documentData.reload} />}
      {draft === undefined || loaded === undefined ? (
        <Card>{list.loading || documentData.loading ? <Skeleton active paragraph={{ rows: 10 }} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('schemes.empty')} />}</Card>
      ) : (
        <>
          <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }} data-testid="scheme-info">
            <Typography.Text strong>{named(draft.name, draft.id)}</Typography.Text>
            <Typography.Text type="secondary">
              {loaded.version === null
                ? t('schemes.info.preset', { id: loaded.schemeId })
                : loaded.createdBy === null
                  ? t('schemes.info.stored_auto', { id: loaded.schemeId, version: loaded.version, at: dayjs(loaded.createdAt).format('YYYY-MM-DD HH:mm') })
                  : t('schemes.info.stored', { id: loaded.schemeId, version: loaded.version, at: dayjs(loaded.createdAt).format('YYYY-MM-DD HH:mm'), by: loaded.createdBy })}
            </Typography.Text>
            {dirty ? <Tag color="orange">{t('schemes.info.changed')}</Tag> : null}
          </Flex>
          {inconsistent.length === 0 ? null : (
            <Alert
              type="error"
              showIcon
              title={t('schemes.ahp.blocking')}
              description={inconsistent.map((problem) => (
                <div key={`${problem.segment}|${JSON.stringify(problem.level)}`}>{levels.problem(problem.level, problem.segment, problem.cr)}</div>
              ))}
              style={{ marginBottom: 12 }}
              data-testid="scheme-ahp-problems"
            />
          )}
          {problems.length === 0 ? null : (
            <Alert
              type="warning"
              showIcon
              closable={{ onClose: () => setProblems([]) }}
              title={t('schemes.validate.problems', { count: problems.length })}
              description={problems.map((problem) => <div key={problem}>{problem}</div>)}
              style={{ marginBottom: 12 }}
              data-testid="scheme-problems"
            />
          )}
          <Card styles={{ body: { paddingTop: 4 } }}>
            <Tabs
              items={[
                {
                  key: 'weights',
                  label: t('schemes.tab.weights'),
                  children: (
                    <Row gutter={[16, 16]}>
                      <Col xs={24} xl={13}>
                        <Flex justify="space-between" align="center" gap={8} style={{ marginBottom: 8 }}>
                          <Typography.Text type="secondary">{t('schemes.tree.hint')}</Typography.Text>
                          <Flex gap={8} style={{ flex: 'none' }}>
                            <Button size="small" icon={<PlusOutlined />} onClick={() => setPicking(true)} data-testid="scheme-add-indicator">
                              {t('schemes.indicator.add')}
                            </Button>
                            <Select
                              size="small"
                              value={draft.weights.segmentBy}
                              style={{ width: 200 }}
                              onChange={(segmentBy: Scheme['weights']['segmentBy']) => {
                                const next = withSegmentBy(draft, segmentBy);
                                setDraft(next);
                                setSegment(segmentsOf(next)[0] ?? 'all');
                              }}
                              options={(['market', 'none'] as const).map((value) => ({ value, label: t(`schemes.segment_by.${value}`) }))}
                              data-testid="segment-by"
                            />
                          </Flex>
                        </Flex>
                        <IndicatorTree scheme={draft} selected={level} onSelect={setLevel} onSettings={setSettingsOf} onEditCustom={setEditingOf} onRemove={remove} />
                      </Col>
                      <Col xs={24} xl={11}>
                        <Card
                          style={{ position: 'sticky', top: 16 }}
                          size="small"
                          title={levels.title(level)}
                          extra={
                            segments.length > 1 ? (
                              <Segmented size="small" value={segment} onChange={(value) => setSegment(String(value))} options={segments.map((found) => ({ value: found, label: segmentName(found) }))} data-testid="segment-switch" />
                            ) : null
                          }
                          data-testid="level-editor"
                        >
                          {selectedSpec === undefined ? (
                            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
                          ) : (
                            <WeightLevelEditor
                              // The indicators are part of the key: an objective preview of other indicators would be stale.
                              key={`${segment}|${JSON.stringify(level)}|${children.join(',')}`}
                              spec={selectedSpec}
                              children={children}
                              name={name}
                              dimension={level.kind === 'dimension' ? level.dimension : undefined}
                              segment={segment}
                              onChange={(spec) => setDraft(withSpec(draft, segment, level, spec))}
                            />
                          )}
                        </Card>
                      </Col>
                    </Row>
                  ),
                },
                { key: 'rules', label: t('schemes.tab.rules'), children: <ClassRulesForm scheme={draft} onChange={setDraft} /> },
                {
                  key: 'strategies',
                  label: (
                    <Flex gap={6} align="center">
                      {t('schemes.tab.strategies')}
                      {strategyProblemCount > 0 ? <Badge count={strategyProblemCount} size="small" data-testid="strategy-tab-problems" /> : null}
                    </Flex>
                  ),
                  children: <StrategyForm scheme={draft} onChange={setDraft} />,
                },
              ]}
            />
          </Card>
          <IndicatorPicker
            open={picking}
            scheme={draft}
            onPick={pick}
            onCreateCustom={() => {
              setPicking(false);
              setCreating(true);
            }}
            onClose={() => setPicking(false)}
          />
          {creating ? <CustomIndicatorModal scheme={draft} onSubmit={create} onClose={() => setCreating(false)} /> : null}
          {editing === undefined ? null : <CustomIndicatorModal key={editing.code} scheme={draft} editing={editing} onSubmit={update} onClose={() => setEditingOf(undefined)} />}
          <IndicatorSettingsModal
            key={settingsOf ?? ''}
            scheme={draft}
            code={settingsOf}
            onApply={(choice) => {
              setDraft(withChoice(draft, choice));
              setSettingsOf(undefined);
            }}
            onClose={() => setSettingsOf(undefined)}
          />
          <SaveSchemeModal
            open={saving}
            scheme={draft}
            onClose={() => setSaving(false)}
            onSaved={(saved) => {
              setSaving(false);
              message.success(saved.created ? t('schemes.save.saved', { id: saved.schemeId, version: saved.version }) : t('schemes.save.unchanged', { id: saved.schemeId, version: saved.version }));
              setChoice(choiceOf(saved.schemeId, saved.version));
              setListVersion((value) => value + 1);
            }}
          />
        </>
      )}
    </>
  );
}
