import { describe, expect, it } from 'vitest';
import { routerFromHash, routerHref } from './router-link';

describe('router links', () => {
  it('name the view, the router and, from the all-tenants view, the tenant', () => {
    expect(routerHref(5, 3)).toBe('#/routers?tenant=3&router=5');
    expect(routerFromHash(routerHref(5, 3))).toBe(5);
    expect(routerHref(5, null)).toBe('#/routers?router=5');
  });

  it('filter another view to the router', () => {
    expect(routerHref(5, null, 'online-users')).toBe('#/online-users?router=5');
    expect(routerHref(5, 3, 'pppoe-sessions')).toBe('#/pppoe-sessions?tenant=3&router=5');
  });

  it('ignore a missing or malformed router', () => {
    expect(routerFromHash('#/routers')).toBeNull();
    expect(routerFromHash('#/routers?router=abc')).toBeNull();
    expect(routerFromHash('#/routers?router=-2')).toBeNull();
  });
});
