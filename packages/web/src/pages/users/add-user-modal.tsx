import { useState } from 'react';
import { App, Form, Input, Modal, Select } from 'antd';
import { ROLES, userRoutes, type CreateUserRequest, type Role } from '@retail-value/core';
import { ApiError } from '../../api/api-error.js';
import { useSession } from '../../auth/session-context.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { ProblemsAlert } from '../../api/problems-alert.js';

interface AddUserForm {
  readonly username: string;
  readonly password: string;
  readonly role: Role;
  readonly district?: string;
  readonly managerId?: string;
}

/**
 * Adds an account. The district field appears for a district head and the
 * manager id for a customer manager, the two roles whose view is scoped.
 * The server's checks are the rules; its messages show above the form.
 */
export function AddUserModal({ open, onClose, onAdded }: { readonly open: boolean; readonly onClose: () => void; readonly onAdded: () => void }) {
  const { t, roleLabel } = useI18n();
  const { api } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<AddUserForm>();
  const role = Form.useWatch('role', form);
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const required = [{ required: true, whitespace: true, message: t('users.form.required') }];

  const submit = async (values: AddUserForm) => {
    setSaving(true);
    setProblems([]);
    const body: CreateUserRequest = {
      username: values.username.trim(),
      password: values.password,
      role: values.role,
      district: values.role === 'district' ? (values.district ?? null) : null,
      managerId: values.role === 'manager' ? (values.managerId ?? null) : null,
    };
    try {
      const user = await api(userRoutes.create, { body });
      message.success(t('users.added', { username: user.username }));
      onAdded();
    } catch (error) {
      setProblems(error instanceof ApiError ? error.details : [String(error)]);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('users.add')}
      okText={t('users.form.submit')}
      cancelText={t('users.form.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={() => {
        setProblems([]);
        onClose();
      }}
      destroyOnHidden
    >
      <ProblemsAlert problems={problems} style={{ marginBottom: 16 }} testId="add-user-error" />
      <Form<AddUserForm> form={form} layout="vertical" onFinish={(values) => void submit(values)} initialValues={{ role: 'analyst' }}>
        <Form.Item name="username" label={t('users.column.username')} rules={required}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="password" label={t('users.form.password')} extra={t('users.form.password_hint')} rules={required}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="role" label={t('users.column.role')} rules={required}>
          <Select options={ROLES.map((value) => ({ value, label: roleLabel(value) }))} />
        </Form.Item>
        {role === 'district' ? (
          <Form.Item name="district" label={t('users.column.district')} extra={t('users.form.district_hint')} rules={required}>
            <Input />
          </Form.Item>
        ) : null}
        {role === 'manager' ? (
          <Form.Item name="managerId" label={t('users.column.manager_id')} extra={t('users.form.manager_id_hint')} rules={required}>
            <Input />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
