import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import { CursorTable, PageHeader } from '../../components/cursor_table';
import { problemText } from '../../components/problem_text';
import { useCursorList } from '../../components/use_cursor_list';
import { currentLocale } from '../../i18n';
import { listApiKeys, revokeApiKey } from '../../services/api_keys';
import type { ApiKey, CreatedApiKey } from '../../services/types';
import { ApiKeySecretModal } from './api_key_secret_modal';
import { CreateApiKeyModal } from './create_api_key_modal';

export default function ApiKeysPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useCursorList(listApiKeys);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [revoking, setRevoking] = useState<string | null>(null);
  const locale = currentLocale();

  async function revoke(key: ApiKey) {
    setRevoking(key.id);
    try {
      await revokeApiKey(key.id);
      list.setItems((items) => items.map((item) => (item.id === key.id ? { ...item, revoked: true } : item)));
      message.success(t('apiKeys.revokedMessage', { name: key.name }));
    } catch (caught) {
      message.error(problemText(caught, t));
    } finally {
      setRevoking(null);
    }
  }

  const columns: ColumnsType<ApiKey> = [
    { title: t('apiKeys.colName'), dataIndex: 'name', key: 'name' },
    {
      title: t('apiKeys.colPrefix'),
      dataIndex: 'prefix',
      key: 'prefix',
      render: (prefix: string) => <Typography.Text code>{prefix}…</Typography.Text>,
    },
    {
      title: t('apiKeys.colRole'),
      dataIndex: 'role',
      key: 'role',
      render: (role: ApiKey['role']) => <Tag>{t(`roles.${role}`, { defaultValue: role })}</Tag>,
    },
    {
      title: t('apiKeys.colCreated'),
      dataIndex: 'created_at',
      key: 'created_at',
      render: (value: string) => formatDateTime(value, locale),
    },
    {
      title: t('apiKeys.colLastUsed'),
      dataIndex: 'last_used_at',
      key: 'last_used_at',
      render: (value: string | null) => (value ? formatDateTime(value, locale) : t('common.never')),
    },
    {
      title: t('apiKeys.colStatus'),
      dataIndex: 'revoked',
      key: 'revoked',
      render: (revoked: boolean) =>
        revoked ? <Tag color="red">{t('apiKeys.revoked')}</Tag> : <Tag color="green">{t('apiKeys.active')}</Tag>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, key: ApiKey) =>
        key.revoked ? null : (
          <Popconfirm
            title={t('apiKeys.revokeConfirm', { name: key.name })}
            okText={t('apiKeys.revokeOk')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => revoke(key)}
          >
            <Button danger size="small" loading={revoking === key.id} data-testid={`revoke-${key.id}`}>
              {t('apiKeys.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  function onCreated(key: CreatedApiKey) {
    setCreating(false);
    setCreated(key);
    // The list answer carries role and timestamps the create answer lacks.
    list.reload();
  }

  return (
    <>
      <PageHeader
        title={t('apiKeys.title')}
        action={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-api-key">
            {t('apiKeys.create')}
          </Button>
        }
      />
      <CursorTable<ApiKey> list={list} columns={columns} rowKey="id" emptyText={t('apiKeys.empty')} testId="api-keys-table" />
      <CreateApiKeyModal open={creating} onClose={() => setCreating(false)} onCreated={onCreated} />
      <ApiKeySecretModal created={created} onClose={() => setCreated(null)} />
    </>
  );
}
