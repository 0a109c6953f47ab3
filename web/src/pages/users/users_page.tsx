import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import { CursorTable, PageHeader } from '../../components/cursor_table';
import { useCursorList } from '../../components/use_cursor_list';
import { currentLocale } from '../../i18n';
import type { User } from '../../services/types';
import { listUsers } from '../../services/users';
import { CreateUserModal } from './create_user_modal';

export default function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useCursorList(listUsers);
  const [creating, setCreating] = useState(false);
  const locale = currentLocale();

  const columns: ColumnsType<User> = [
    { title: t('users.colEmail'), dataIndex: 'email', key: 'email' },
    { title: t('users.colName'), dataIndex: 'display_name', key: 'display_name' },
    {
      title: t('users.colRole'),
      dataIndex: 'role',
      key: 'role',
      render: (role: User['role']) => <Tag>{t(`roles.${role}`, { defaultValue: role })}</Tag>,
    },
    {
      title: t('users.colLocale'),
      dataIndex: 'locale',
      key: 'locale',
      render: (value: User['locale']) => t(`lang.${value}`, { defaultValue: value }),
    },
    {
      title: t('users.colStatus'),
      dataIndex: 'disabled',
      key: 'disabled',
      render: (disabled: boolean) =>
        disabled ? <Tag color="default">{t('users.disabled')}</Tag> : <Tag color="green">{t('users.active')}</Tag>,
    },
    {
      title: t('users.colCreated'),
      dataIndex: 'created_at',
      key: 'created_at',
      render: (value: string) => formatDateTime(value, locale),
    },
  ];

  function onCreated(user: User) {
    setCreating(false);
    list.setItems((items) => [user, ...items.filter((item) => item.id !== user.id)]);
    message.success(t('users.created', { email: user.email }));
  }

  return (
    <>
      <PageHeader
        title={t('users.title')}
        action={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-user">
            {t('users.create')}
          </Button>
        }
      />
      <CursorTable<User> list={list} columns={columns} rowKey="id" emptyText={t('users.empty')} testId="users-table" />
      <CreateUserModal open={creating} onClose={() => setCreating(false)} onCreated={onCreated} />
    </>
  );
}
