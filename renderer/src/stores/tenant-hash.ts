/**
 * The system admin's chosen tenant lives in the URL hash beside the view (`#/routers?tenant=3`),
 * so a reload or a shared link shows the same tenant. Pure string functions: tested under node.
 */
export function tenantFromHash(hash: string): number | null {
  const query = hash.split('?')[1];
  if (!query) return null;
  const value = new URLSearchParams(query).get('tenant');
  const id = value === null ? NaN : Number(value);
  return Number.isInteger(id) && id > 0 ? id : null;
}

/** The hash with the tenant set (or removed, for null); the view and any other parameter stay. */
export function hashWithTenant(hash: string, tenantId: number | null): string {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  if (tenantId === null) params.delete('tenant');
  else params.set('tenant', String(tenantId));
  const rest = params.toString();
  return `#${path}${rest ? `?${rest}` : ''}`;
}

/** The view id of a hash: `#/routers?tenant=3` → `routers`. */
export const viewOfHash = (hash: string): string => hash.replace(/^#\/?/, '').split('?')[0]!;
