import { useEffect, useState } from 'react';
import { Form, Input, Modal } from 'antd';
import { schemeRoutes, type Scheme } from '@retail-value/core';
import { ApiError } from '../../api/api-error.js';
import { useSession } from '../../auth/session-context.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { ahpProblems } from './scheme-edit.js';
import { useLevelNames } from './use-level-name.js';
import { ProblemsAlert } from '../../api/problems-alert.js';

interface SaveForm {
  readonly id: string;
  readonly nameZh: string;
  readonly nameEn: string;
}

/**
 * 另存为新版本: the id (a new id starts a new scheme) and names, then the
 * server stores the document as the next version. Inconsistent AHP
 * matrices are refused here already, with where they are and their CR.
 */
export function SaveSchemeModal({
  open,
  scheme,
  onClose,
  onSaved,
}: {
  readonly open: boolean;
  readonly scheme: Scheme;
  readonly onClose: () => void;
  readonly onSaved: (saved: { schemeId: string; version: number; created: boolean }) => void;
}) {
  const { t } = useI18n();
  const { api } = useSession();
  const levels = useLevelNames(scheme);
  const [form] = Form.useForm<SaveForm>();
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (open) {
      form.setFieldsValue({ id: scheme.id, nameZh: scheme.name['zh-CN'], nameEn: scheme.name.en });
      setProblems([]);
    }
  }, [open, scheme, form]);

  const submit = async (values: SaveForm) => {
    const inconsistent = ahpProblems(scheme);
    if (inconsistent.length > 0) {
      setProblems([t('schemes.save.refused_ahp'), ...inconsistent.map((problem) => levels.problem(problem.level, problem.segment, problem.cr))]);
      return;
    }
    setSaving(true);
    setProblems([]);
    try {
      const document = { ...scheme, id: values.id.trim(), name: { 'zh-CN': values.nameZh.trim(), en: values.nameEn.trim() } };
      const saved = await api(schemeRoutes.save, { body: document as unknown as Record<string, unknown> });
      onSaved(saved);
    } catch (error) {
      setProblems(error instanceof ApiError ? error.details : [String(error)]);
    } finally {
      setSaving(false);
    }
  };

  const required = [{ required: true, whitespace: true, message: t('schemes.save.required') }];
  return (
    <Modal
      open={open}
      title={t('schemes.save.title')}
      okText={t('schemes.save.submit')}
      cancelText={t('schemes.save.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      data-testid="save-scheme"
    >
      <ProblemsAlert problems={problems} style={{ marginBottom: 16 }} testId="save-scheme-error" />
      <Form<SaveForm> form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item
          name="id"
          label={t('schemes.save.id')}
          extra={t('schemes.save.id_hint')}
          rules={[...required, { pattern: /^[a-z][a-z0-9_-]{1,40}$/, message: t('schemes.save.id_pattern') }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="nameZh" label={t('schemes.basic.name_zh')} rules={required}>
          <Input />
        </Form.Item>
        <Form.Item name="nameEn" label={t('schemes.basic.name_en')} rules={required}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
