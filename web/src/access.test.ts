import { describe, expect, it } from 'vitest';
import { accessibleRoutes, canAccess, kRoutePermission, sortPermissions, type RouteKey } from './access';

const allKeys = Object.keys(kRoutePermission) as RouteKey[];

describe('access', () => {
  it('lets everyone signed in open the dashboard', () => {
    expect(canAccess([], 'dashboard')).toBe(true);
  });

  it('hides admin pages from a recruiter', () => {
    const recruiter = [
      'jobs.read', 'jobs.write', 'candidates.read', 'candidates.write', 'interviews.read',
      'interviews.write', 'reports.read', 'offers.read', 'offers.write',
    ];
    expect(accessibleRoutes(recruiter, allKeys)).toEqual([
      'dashboard', 'jobs', 'candidates', 'interviews', 'reports', 'offers',
    ]);
    expect(canAccess(recruiter, 'users')).toBe(false);
  });

  it('shows finance only offers and payroll', () => {
    expect(accessibleRoutes(['offers.read', 'payroll.read', 'payroll.write'], allKeys)).toEqual([
      'dashboard', 'offers', 'payroll',
    ]);
  });

  it('does not treat a write permission as read', () => {
    expect(canAccess(['jobs.write'], 'jobs')).toBe(false);
  });

  it('lists known permissions in their usual order and newer ones after', () => {
    expect(sortPermissions(['zeta.read', 'users.manage', 'jobs.read', 'jobs.read'])).toEqual([
      'jobs.read', 'users.manage', 'zeta.read',
    ]);
  });
});
