import { describe, expect, it } from 'vitest';
import { mayOpen, navItemsFor } from './navigation';

const ids = (role: Parameters<typeof navItemsFor>[0]) => navItemsFor(role).map((i) => i.id);

describe('navigation by role', () => {
  it('offers only sign-in and About/Status before sign-in', () => {
    expect(navItemsFor(null).map((i) => i.label)).toEqual(['Sign in', 'About / Status']);
  });

  it('shows Tenants to system admins only, Users to admins only, Jobs to everyone signed in', () => {
    expect(ids('system_admin')).toContain('tenants');
    for (const role of ['tenant_admin', 'operator', 'viewer'] as const) expect(ids(role)).not.toContain('tenants');
    expect(ids('tenant_admin')).toContain('users');
    expect(ids('operator')).not.toContain('users');
    expect(ids('viewer')).not.toContain('users');
    for (const role of ['system_admin', 'tenant_admin', 'operator', 'viewer'] as const) expect(ids(role)).toEqual(expect.arrayContaining(['jobs', 'account', 'status', 'dashboard']));
  });

  it('refuses a typed URL to a view the role may not open', () => {
    expect(mayOpen('users', 'viewer')).toBe(false);
    expect(mayOpen('users', 'tenant_admin')).toBe(true);
    expect(mayOpen('status', 'viewer')).toBe(true);
    expect(mayOpen('nowhere', 'system_admin')).toBe(false);
  });
});
