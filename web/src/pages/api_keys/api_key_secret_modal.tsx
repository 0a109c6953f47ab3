import { Alert, Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CreatedApiKey } from '../../services/types';

/// The only time the secret is ever visible; closing requires an explicit acknowledgement.
export function ApiKeySecretModal({ created, onClose }: { created: CreatedApiKey | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={created !== null}
      title={t('apiKeys.secretTitle')}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose} data-testid="api-key-secret-done">
          {t('apiKeys.secretDone')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t('apiKeys.secretWarning')} style={{ marginBottom: 16 }} />
      {created && (
        <>
          <Typography.Text strong>{created.name}</Typography.Text>
          <Typography.Paragraph
            copyable={{ text: created.secret }}
            code
            data-testid="api-key-secret"
            style={{ wordBreak: 'break-all', marginTop: 8 }}
          >
            {created.secret}
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}
