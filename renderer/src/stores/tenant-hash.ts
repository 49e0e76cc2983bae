import { hashId, hashWithParams } from './hash-params';

/**
 * The system admin's chosen tenant lives in the URL hash beside the view (`#/routers?tenant=3`),
 * so a reload or a shared link shows the same tenant. Pure string functions: tested under node.
 */
export const tenantFromHash = (hash: string): number | null => hashId(hash, 'tenant');

/** The hash with the tenant set (or removed, for null); the view and any other parameter stay. */
export const hashWithTenant = (hash: string, tenantId: number | null): string => hashWithParams(hash, { tenant: tenantId === null ? null : String(tenantId) });

/** The view id of a hash: `#/routers?tenant=3` → `routers`. */
export const viewOfHash = (hash: string): string => hash.replace(/^#\/?/, '').split('?')[0]!;
