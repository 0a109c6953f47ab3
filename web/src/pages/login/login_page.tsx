import { LockOutlined, MailOutlined, TeamOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { FullPageSpin } from '../../components/guards';
import { LanguageSwitch } from '../../components/language_switch';
import { problemText } from '../../components/problem_text';
import { ApiError, fieldErrorsByName } from '../../services/http';
import { useSession } from '../../session/session';

const kTenantKey = 'candor.tenant';
// The server's rule for tenant slugs, case-insensitive because the form lower-cases them.
const kTenantPattern = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38}[A-Za-z0-9])?$/;

interface LoginForm {
  tenant: string;
  email: string;
  password: string;
}

function rememberedTenant(): string {
  try {
    return localStorage.getItem(kTenantKey) || 'demo';
  } catch {
    return 'demo';
  }
}

/// Only same-site paths, so a crafted link cannot send the user elsewhere after login.
function safeTarget(from: unknown): string {
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login')
    ? from
    : '/';
}

export default function LoginPage() {
  const { t } = useTranslation();
  const { state, login } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [form] = Form.useForm<LoginForm>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<{ text: string; retryAfter?: number | undefined } | null>(null);
  const target = safeTarget((location.state as { from?: unknown } | null)?.from);

  if (state.status === 'loading') return <FullPageSpin />;
  if (state.status === 'authenticated') return <Navigate to={target} replace />;

  async function onFinish(values: LoginForm) {
    setSubmitting(true);
    setError(null);
    const tenant = values.tenant.trim().toLowerCase();
    try {
      localStorage.setItem(kTenantKey, tenant);
    } catch {
      // Not remembering the organisation is harmless.
    }
    try {
      await login({ tenant, email: values.email.trim(), password: values.password });
      navigate(target, { replace: true });
    } catch (caught) {
      if (caught instanceof ApiError) {
        const byField = fieldErrorsByName(caught);
        form.setFields(
          (['tenant', 'email', 'password'] as const)
            .filter((name) => byField.has(name))
            .map((name) => ({ name, errors: byField.get(name) ?? [] })),
        );
      }
      setError({
        text: problemText(caught, t),
        retryAfter: caught instanceof ApiError ? caught.retryAfterSeconds : undefined,
      });
      form.setFieldValue('password', '');
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', padding: 16, background: '#f5f7fa' }}>
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('login.title')}
          </Typography.Title>
          <LanguageSwitch />
        </Flex>
        <Typography.Paragraph type="secondary">{t('app.tagline')}</Typography.Paragraph>
        {error && (
          <Alert
            type="error"
            showIcon
            data-testid="login-error"
            style={{ marginBottom: 16 }}
            title={error.text}
            description={error.retryAfter ? t('errors.retryAfter', { seconds: error.retryAfter }) : undefined}
          />
        )}
        <Form<LoginForm>
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ tenant: rememberedTenant(), email: '', password: '' }}
          onFinish={onFinish}
          disabled={submitting}
        >
          <Form.Item
            name="tenant"
            label={t('login.tenant')}
            rules={[
              { required: true, whitespace: true, message: t('login.tenantRequired') },
              { pattern: kTenantPattern, transform: (value: string) => value.trim(), message: t('login.tenantInvalid') },
            ]}
          >
            <Input prefix={<TeamOutlined />} placeholder={t('login.tenantPlaceholder')} autoComplete="organization" data-testid="login-tenant" />
          </Form.Item>
          <Form.Item
            name="email"
            label={t('login.email')}
            rules={[
              { required: true, whitespace: true, message: t('login.emailRequired') },
              { type: 'email', transform: (value: string) => value.trim(), message: t('login.emailInvalid') },
            ]}
          >
            <Input prefix={<MailOutlined />} placeholder={t('login.emailPlaceholder')} autoComplete="username" data-testid="login-email" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
