import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../components/problem_text';
import { createApiKey } from '../../services/api_keys';
import { ApiError, fieldErrorsByName } from '../../services/http';
import type { CreatedApiKey } from '../../services/types';

const kMaxNameLength = 100;

interface Props {
  open: boolean;
  onClose: () => void;
  onCreated: (key: CreatedApiKey) => void;
}

export function CreateApiKeyModal({ open, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ name: string }>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    let values: { name: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      const created = await createApiKey(values.name.trim());
      form.resetFields();
      onCreated(created);
    } catch (caught) {
      const nameErrors = caught instanceof ApiError ? fieldErrorsByName(caught).get('name') : undefined;
      if (nameErrors) form.setFields([{ name: 'name', errors: nameErrors }]);
      else setError(problemText(caught, t));
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
      title={t('apiKeys.createTitle')}
      okText={t('apiKeys.submit')}
      cancelText={t('common.cancel')}
      onOk={submit}
      onCancel={close}
      confirmLoading={submitting}
      forceRender
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" disabled={submitting} onFinish={submit}>
        <Form.Item
          name="name"
          label={t('apiKeys.name')}
          rules={[
            { required: true, whitespace: true, message: t('apiKeys.nameRequired') },
            { max: kMaxNameLength, message: t('common.tooLong', { max: kMaxNameLength }) },
          ]}
        >
          <Input placeholder={t('apiKeys.namePlaceholder')} autoComplete="off" data-testid="new-api-key-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
