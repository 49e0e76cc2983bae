import type { TenantSettings } from './tenant-settings-contract';
import type { StoredTenantSettings } from './tenant-settings';
import type { TenantListRow, TenantRecord } from './tenant-repository';

/**
 * Tenants as a unit of work hands them out (the storage seam): Promise-returning, free of the
 * store behind it. A name is unique by its key (trimmed, single-spaced, lower-cased): a second
 * tenant of the same name is refused with `conflict`.
 */
export interface TenantStore {
  get(id: number): Promise<TenantRecord | null>;
  /** The tenant a write names; one that does not exist is refused (`not_found`). */
  require(id: number): Promise<TenantRecord>;
  findByName(name: string): Promise<TenantRecord | null>;
  /** Every tenant with its user count, by name. */
  list(): Promise<TenantListRow[]>;
  listRow(id: number): Promise<TenantListRow | null>;
  insert(name: string, createdBy: number | null, now: number): Promise<TenantRecord>;
  /** False when no tenant has that id; `conflict` when another tenant has the name. */
  rename(id: number, name: string): Promise<boolean>;
  /** Name, time zone, locale, currency, logo; the defaults until an admin saves them. `not_found` for no tenant. */
  settings(tenantId: number): Promise<TenantSettings>;
  /** Stores the zone, locale, currency and logo; the name is `rename`'s. */
  saveSettings(tenantId: number, settings: StoredTenantSettings, now: number): Promise<void>;
}
