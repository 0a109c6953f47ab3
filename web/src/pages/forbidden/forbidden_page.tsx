import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { kRoutePermission, type RouteKey } from '../../access';

export default function ForbiddenPage({ routeKey }: { routeKey: RouteKey }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const permission = kRoutePermission[routeKey];
  return (
    <Result
      status="403"
      data-testid="forbidden"
      title={t('forbidden.title')}
      subTitle={
        <>
          {t('forbidden.subtitle')}
          {permission && (
            <>
              <br />
              {t('forbidden.needs', { permission })}
            </>
          )}
        </>
      }
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('forbidden.back')}
        </Button>
      }
    />
  );
}
