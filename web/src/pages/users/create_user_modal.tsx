import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../components/problem_text';
import { currentLocale, kLocales } from '../../i18n';
import { ApiError, fieldErrorsByName } from '../../services/http';
import type { NewUser, User } from '../../services/types';
import { kRoles } from '../../services/types';
import { createUser } from '../../services/users';

export const kMinPasswordLength = 12;
const kMaxNameLength = 100;
const kFormFields = ['email', 'display_name', 'role', 'password', 'locale'] as const;

interface Props {
  open: boolean;
  onClose: () => void;
  onCreated: (user: User) => void;
}

export function CreateUserModal({ open, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<NewUser>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    let values: NewUser;
    try {
      values = await form.validateFields();
    } catch {
      return; // The form shows what is wrong.
    }
    setSubmitting(true);
    setError(null);
    try {
      const user = await createUser({ ...values, email: values.email.trim(), display_name: values.display_name.trim() });
      form.resetFields();
      onCreated(user);
    } catch (caught) {
      const byField = caught instanceof ApiError ? fieldErrorsByName(caught) : new Map<string, string[]>();
      if (caught instanceof ApiError && caught.code === 'user.email_taken' && !byField.has('email')) {
        byField.set('email', [problemText(caught, t)]);
      }
      const known = kFormFields.filter((name) => byField.has(name));
      form.setFields(known.map((name) => ({ name, errors: byField.get(name) ?? [] })));
      // Field errors speak for themselves; anything else goes in the banner.
      if (known.length === 0) setError(problemText(caught, t));
    } finally {
      setSubmitting(false);
    }
  }

  function close() {
    setError(null);
    form.resetFields();
    onClose();
  }

  return (
    <Modal
      open={open}
      title={t('users.createTitle')}
      okText={t('users.submit')}
      cancelText={t('common.cancel')}
      onOk={submit}
      onCancel={close}
      confirmLoading={submitting}
      okButtonProps={{ 'data-testid': 'create-user-submit' } as Record<string, string>}
      forceRender
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="create-user-error" />}
      <Form<NewUser>
        form={form}
        layout="vertical"
        requiredMark
        disabled={submitting}
        initialValues={{ locale: currentLocale() }}
        onFinish={submit}
      >
        <Form.Item
          name="email"
          label={t('users.email')}
          rules={[
            { required: true, whitespace: true, message: t('users.emailRequired') },
            { type: 'email', transform: (value: string) => value.trim(), message: t('users.emailInvalid') },
          ]}
        >
          <Input autoComplete="off" data-testid="new-user-email" />
        </Form.Item>
        <Form.Item
          name="display_name"
          label={t('users.displayName')}
          rules={[
            { required: true, whitespace: true, message: t('users.displayNameRequired') },
            { max: kMaxNameLength, message: t('common.tooLong', { max: kMaxNameLength }) },
          ]}
        >
          <Input autoComplete="off" data-testid="new-user-name" />
        </Form.Item>
        <Form.Item name="role" label={t('users.role')} rules={[{ required: true, message: t('users.roleRequired') }]}>
          <Select
            data-testid="new-user-role"
            options={kRoles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('users.password')}
          extra={t('users.passwordHelp')}
          rules={[
            { required: true, message: t('users.passwordRequired') },
            { min: kMinPasswordLength, message: t('users.passwordTooShort') },
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="new-user-password" />
        </Form.Item>
        <Form.Item name="locale" label={t('users.locale')}>
          <Select data-testid="new-user-locale" options={kLocales.map((locale) => ({ value: locale, label: t(`lang.${locale}`) }))} />
        </Form.Item>
        {/* Lets Enter in a field submit the form. */}
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}
