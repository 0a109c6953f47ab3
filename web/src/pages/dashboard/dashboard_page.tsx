import { Card, Col, Descriptions, Empty, List, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canAccess, sortPermissions } from '../../access';
import { kMenuRoutes } from '../../routes';
import { useMe } from '../../session/session';

export default function DashboardPage() {
  const me = useMe();
  const { t } = useTranslation();
  const modules = kMenuRoutes.filter((route) => route.key !== 'dashboard' && canAccess(me.permissions, route.key));
  const permissions = sortPermissions(me.permissions);

  return (
    <div data-testid="dashboard">
      <Typography.Title level={2}>{t('dashboard.welcome', { name: me.display_name })}</Typography.Title>
      <Descriptions column={1} style={{ marginBottom: 24 }}>
        <Descriptions.Item label={t('login.tenant')}>{me.tenant.name}</Descriptions.Item>
        <Descriptions.Item label={t('dashboard.role')}>
          <Tag color="blue">{t(`roles.${me.role}`, { defaultValue: me.role })}</Tag>
        </Descriptions.Item>
      </Descriptions>
      <Row gutter={[24, 24]}>
        <Col xs={24} lg={12}>
          <Card title={t('dashboard.canDo')}>
            {permissions.length === 0 ? (
              <Empty description={t('dashboard.nothing')} />
            ) : (
              <List
                size="small"
                dataSource={permissions}
                data-testid="dashboard-permissions"
                renderItem={(permission) => (
                  // Unknown permission names from a newer server show as themselves.
                  <List.Item>{t(`permissions.${permission}` as 'permissions.users.manage', { defaultValue: permission })}</List.Item>
                )}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('dashboard.modules')}>
            {modules.length === 0 ? (
              <Empty description={t('dashboard.nothing')} />
            ) : (
              <List
                size="small"
                dataSource={modules}
                renderItem={(route) => (
                  <List.Item>
                    <Link to={route.path}>
                      {route.icon} {t(`nav.${route.key}`)}
                    </Link>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
