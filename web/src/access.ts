// Which permission each route needs. The UI trusts only the permission list the server sends;
// it never derives permissions from the role name.

export type RouteKey =
  | 'dashboard'
  | 'jobs'
  | 'candidates'
  | 'interviews'
  | 'reports'
  | 'offers'
  | 'payroll'
  | 'users'
  | 'api-keys'
  | 'audit';

/// null: every signed-in user may open the route.
export const kRoutePermission: Record<RouteKey, string | null> = {
  dashboard: null,
  jobs: 'jobs.read',
  candidates: 'candidates.read',
  interviews: 'interviews.read',
  reports: 'reports.read',
  offers: 'offers.read',
  payroll: 'payroll.read',
  users: 'users.manage',
  'api-keys': 'api_keys.manage',
  audit: 'audit.read',
};

/// Every permission the contract defines, in the order the dashboard lists them.
export const kKnownPermissions: readonly string[] = [
  'jobs.read', 'jobs.write', 'candidates.read', 'candidates.write', 'interviews.read', 'interviews.write',
  'scorecards.write', 'reports.read', 'decisions.write', 'offers.read', 'offers.write', 'payroll.read',
  'payroll.write', 'users.manage', 'api_keys.manage', 'audit.read', 'tenant.manage',
];

/// Known permissions first in their usual order; anything newer after, alphabetically.
export function sortPermissions(permissions: readonly string[]): string[] {
  const rank = (permission: string) => {
    const index = kKnownPermissions.indexOf(permission);
    return index === -1 ? kKnownPermissions.length : index;
  };
  return [...new Set(permissions)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

export function canAccess(permissions: readonly string[], key: RouteKey): boolean {
  const needed = kRoutePermission[key];
  return needed === null || permissions.includes(needed);
}

export function accessibleRoutes(permissions: readonly string[], keys: readonly RouteKey[]): RouteKey[] {
  return keys.filter((key) => canAccess(permissions, key));
}
