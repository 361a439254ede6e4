import { useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Navigate, useLocation } from 'react-router';
import { ApiError } from '../api/api-error.js';
import { useSession } from '../auth/session-context.js';
import { useI18n } from '../i18n/i18n-context.js';
import { LanguageSwitch } from '../layout/language-switch.js';
import { ProductMark } from '../layout/product-mark.js';
import { useDocumentTitle } from '../layout/use-document-title.js';

interface Credentials {
  readonly username: string;
  readonly password: string;
}

export function LoginPage() {
  const { t } = useI18n();
  const { status, login } = useSession();
  const location = useLocation();
  const [error, setError] = useState<string | undefined>(undefined);
  const [submitting, setSubmitting] = useState(false);
  useDocumentTitle(t('login.title'));

  if (status === 'signed-in') {
    const from = (location.state as { from?: string } | null)?.from;
    return <Navigate to={from !== undefined && from.startsWith('/') && !from.startsWith('/login') ? from : '/'} replace />;
  }

  const submit = async (credentials: Credentials) => {
    setSubmitting(true);
    setError(undefined);
    try {
      await login(credentials.username.trim(), credentials.password);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Flex vertical style={{ minHeight: '100vh', background: 'linear-gradient(160deg, #eaf1fb 0%, #f7f9fc 55%, #eef3f8 100%)' }}>
      <Flex justify="flex-end" style={{ padding: '12px 24px' }}>
        <LanguageSwitch />
      </Flex>
      <Flex flex={1} justify="center" align="center" style={{ padding: '0 16px 96px' }}>
        <Card style={{ width: 400, boxShadow: '0 8px 28px rgba(31, 61, 110, 0.10)' }} styles={{ body: { padding: '36px 36px 28px' } }}>
          <Flex vertical align="center" gap={6} style={{ marginBottom: 28 }}>
            <ProductMark size={22} />
            <Typography.Text type="secondary" style={{ textAlign: 'center' }}>
              {t('app.tagline')}
            </Typography.Text>
          </Flex>
          {error === undefined ? null : <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
          <Form<Credentials> layout="vertical" requiredMark={false} onFinish={(values) => void submit(values)} size="large">
            <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.username_required') }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.password_required') }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={submitting} style={{ marginTop: 8 }}>
              {t('login.submit')}
            </Button>
          </Form>
        </Card>
      </Flex>
    </Flex>
  );
}
