// Every route of the console in one place; the permission each needs lives in access.ts.
import {
  ApiOutlined,
  AuditOutlined,
  DashboardOutlined,
  DollarOutlined,
  FileDoneOutlined,
  FileTextOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons';
import { lazy, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import type { RouteKey } from './access';
import { RequireAuth, RouteGuard } from './components/guards';
import { AppLayout } from './layouts/app_layout';

const LoginPage = lazy(() => import('./pages/login/login_page'));
const DashboardPage = lazy(() => import('./pages/dashboard/dashboard_page'));
const ModulePendingPage = lazy(() => import('./pages/module_pending/module_pending_page'));
const UsersPage = lazy(() => import('./pages/users/users_page'));
const ApiKeysPage = lazy(() => import('./pages/api_keys/api_keys_page'));
const AuditPage = lazy(() => import('./pages/audit/audit_page'));
const NotFoundPage = lazy(() => import('./pages/not_found/not_found_page'));

export interface MenuRoute {
  key: RouteKey;
  path: string;
  icon: ReactNode;
  element: ReactNode;
}

/// Menu order is this order.
export const kMenuRoutes: readonly MenuRoute[] = [
  { key: 'dashboard', path: '/', icon: <DashboardOutlined />, element: <DashboardPage /> },
  { key: 'jobs', path: '/jobs', icon: <SolutionOutlined />, element: <ModulePendingPage module="jobs" /> },
  { key: 'candidates', path: '/candidates', icon: <TeamOutlined />, element: <ModulePendingPage module="candidates" /> },
  { key: 'interviews', path: '/interviews', icon: <VideoCameraOutlined />, element: <ModulePendingPage module="interviews" /> },
  { key: 'reports', path: '/reports', icon: <FileTextOutlined />, element: <ModulePendingPage module="reports" /> },
  { key: 'offers', path: '/offers', icon: <FileDoneOutlined />, element: <ModulePendingPage module="offers" /> },
  { key: 'payroll', path: '/payroll', icon: <DollarOutlined />, element: <ModulePendingPage module="payroll" /> },
  { key: 'users', path: '/users', icon: <UserOutlined />, element: <UsersPage /> },
  { key: 'api-keys', path: '/api-keys', icon: <ApiOutlined />, element: <ApiKeysPage /> },
  { key: 'audit', path: '/audit', icon: <AuditOutlined />, element: <AuditPage /> },
];

export function pathOf(key: RouteKey): string {
  return kMenuRoutes.find((route) => route.key === key)?.path ?? '/';
}

/// The menu entry that owns a location, for highlighting it.
export function routeKeyForPath(pathname: string): RouteKey | undefined {
  const match = kMenuRoutes.find((route) => route.path !== '/' && pathname.startsWith(route.path));
  return match?.key ?? (pathname === '/' ? 'dashboard' : undefined);
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        {kMenuRoutes.map((route) => (
          <Route
            key={route.key}
            path={route.path}
            element={<RouteGuard routeKey={route.key}>{route.element}</RouteGuard>}
          />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
