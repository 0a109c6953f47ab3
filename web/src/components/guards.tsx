import { Button, Result, Spin } from 'antd';
import { lazy, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { canAccess, type RouteKey } from '../access';
import { useSession } from '../session/session';
import { problemText } from './problem_text';

const ForbiddenPage = lazy(() => import('../pages/forbidden/forbidden_page'));

export function FullPageSpin() {
  const { t } = useTranslation();
  return (
    <div style={{ display: 'grid', placeItems: 'center', minHeight: '60vh' }}>
      <Spin size="large" description={t('common.loading')} />
    </div>
  );
}

/// Sends anyone without a session to /login, remembering where they were going.
export function RequireAuth({ children }: { children: ReactNode }) {
  const { state, reload } = useSession();
  const location = useLocation();
  const { t } = useTranslation();

  if (state.status === 'loading') return <FullPageSpin />;
  if (state.status === 'error') {
    return (
      <Result
        status="warning"
        title={problemText(state.error, t)}
        extra={
          <Button type="primary" onClick={reload}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (state.status === 'anonymous') {
    const from = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to="/login" replace state={{ from }} />;
  }
  return children;
}

/// Shows the 403 page instead of a route's content when the user lacks its permission.
export function RouteGuard({ routeKey, children }: { routeKey: RouteKey; children: ReactNode }) {
  const { state } = useSession();
  const permissions = state.status === 'authenticated' ? state.me.permissions : [];
  if (!canAccess(permissions, routeKey)) return <ForbiddenPage routeKey={routeKey} />;
  return children;
}
