/**
 * One namespace of login names per tenant: subscribers' usernames and voucher codes. A name is
 * reserved with its owner; voucher codes stay reserved forever (a code is never issued twice).
 */
export interface LoginNameRepository {
  /** Reserves all `names` or none: resolves with those already taken (case-insensitive), empty when reserved. */
  reserve(tenantId: number, names: readonly string[], owner: 'subscriber' | 'voucher'): Promise<string[]>;
  /** Frees a subscriber's name (voucher codes are never freed). */
  release(tenantId: number, name: string): Promise<void>;
  /** Which of `names` are taken in the tenant. */
  taken(tenantId: number, names: readonly string[]): Promise<string[]>;
  /** Every name taken in the tenant, lower-cased (imports compare against it). */
  all(tenantId: number): Promise<Set<string>>;
}

/** The identity of a login name: RouterOS compares names exactly, people do not; we refuse both spellings. */
export const loginKey = (name: string): string => name.trim().toLowerCase();
