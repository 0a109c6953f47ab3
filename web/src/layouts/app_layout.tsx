// The signed-in shell: side menu built from the user's permissions, header with who is signed in.
import { LogoutOutlined } from '@ant-design/icons';
import { App, Button, Flex, Layout, Menu, Tag, Typography, theme } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { canAccess } from '../access';
import { FullPageSpin } from '../components/guards';
import { LanguageSwitch } from '../components/language_switch';
import { problemText } from '../components/problem_text';
import { kMenuRoutes, routeKeyForPath } from '../routes';
import { useMe, useSession } from '../session/session';

export function AppLayout() {
  const me = useMe();
  const { logout } = useSession();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const location = useLocation();
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const [collapsed, setCollapsed] = useState(false);
  const [loggingOut, setLoggingOut] = useState(false);

  const items = kMenuRoutes
    .filter((route) => canAccess(me.permissions, route.key))
    .map((route) => ({
      key: route.key,
      icon: route.icon,
      label: (
        <Link to={route.path} data-testid={`nav-${route.key}`}>
          {t(`nav.${route.key}`)}
        </Link>
      ),
    }));
  const selected = routeKeyForPath(location.pathname);

  async function onLogout() {
    setLoggingOut(true);
    try {
      await logout();
    } catch (error) {
      message.error(problemText(error, t));
    } finally {
      setLoggingOut(false);
      navigate('/login', { replace: true });
    }
  }

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        breakpoint="lg"
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        theme="light"
        style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}
      >
        <div style={{ padding: '16px 24px', whiteSpace: 'nowrap', overflow: 'hidden' }}>
          <Typography.Text strong style={{ fontSize: 18 }}>
            {collapsed ? 'C' : t('app.name')}
          </Typography.Text>
        </div>
        <Menu
          mode="inline"
          aria-label={t('header.menu')}
          selectedKeys={selected ? [selected] : []}
          items={items}
          style={{ borderInlineEnd: 'none' }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            paddingInline: 24,
          }}
        >
          <Flex align="center" justify="space-between" style={{ height: '100%' }} gap={16}>
            <Typography.Text type="secondary" ellipsis data-testid="tenant-name">
              {me.tenant.name}
            </Typography.Text>
            <Flex align="center" gap={12}>
              <Typography.Text data-testid="user-name">{me.display_name}</Typography.Text>
              <Tag color="blue" data-testid="role-tag">
                {t(`roles.${me.role}`, { defaultValue: me.role })}
              </Tag>
              <LanguageSwitch />
              <Button icon={<LogoutOutlined />} loading={loggingOut} onClick={onLogout} data-testid="logout">
                {t('header.logout')}
              </Button>
            </Flex>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
