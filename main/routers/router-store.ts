import type { Logger } from '../core/logger';
import type { PeerCertificate } from './client/peer-certificate';
import type { RouterEncoding, RouterSummary, RouterTlsMode } from './contract';

/** A router's stored settings as the renderer may see them (no password); live status is separate. */
export type RouterRecord = Omit<RouterSummary, 'status'>;

export interface RouterSettings {
  name: string;
  host: string;
  port: number;
  tls: RouterTlsMode;
  /** @defaultValue '' (only `verify-ca` uses it) */
  tlsCa?: string;
  username: string;
  site: string;
  notes: string;
  encoding: RouterEncoding;
}

/** A name another router of the tenant has (whatever its case): what a store answers an add or rename with, as a `conflict` with these details. */
export const routerNameTaken = (name: string) => ({
  message: `a router named "${name}" already exists in this tenant`,
  details: { fields: { name: 'already used in this tenant' } },
});

/** Why a router's stored password cannot be used here, naming the router and what to do. */
export function unreadablePasswordMessage(routerName: string, reason: string): string {
  return `router '${routerName}': stored password cannot be decrypted on this machine: enter it again (${reason})`;
}

/**
 * Routers as a unit of work hands them out (the storage seam): Promise-returning, free of the
 * database behind it. Every read and write names its tenant (null = a system admin's or the
 * console's own view of all tenants), so a query cannot cross tenants by accident.
 */
export interface RouterStore {
  list(tenantId: number | null): Promise<RouterRecord[]>;
  get(tenantId: number | null, id: number): Promise<RouterRecord | null>;
  /** Refuses a name the tenant's other routers have, whatever its case, with `conflict` (routerNameTaken). */
  add(tenantId: number, settings: RouterSettings, password: string, now: Date): Promise<RouterRecord>;
  /**
   * Applies `changes`; `password` undefined keeps the stored one unless the endpoint moves (then
   * it is dropped, so credentials never go to an address they were not entered for). A new
   * address, port or TLS mode forgets the pinned certificate.
   */
  update(tenantId: number | null, id: number, changes: Partial<RouterSettings>, password: string | undefined, now: Date): Promise<RouterRecord | null>;
  remove(tenantId: number | null, id: number): Promise<RouterRecord | null>;
  /** The plain password, for the connection layer only; rejects with a SecretBoxError naming the router when it cannot be opened here. */
  password(id: number): Promise<string>;
  /** The pinned certificate (PEM) a `pin` router must present; null before first connect. */
  pinnedCertificate(id: number): Promise<string | null>;
  /** Trust on first use: pins `seen` if the router is still in `pin` mode at `at` with no pin yet; the record when it pinned. */
  pinCertificate(id: number, at: { host: string; port: number }, seen: PeerCertificate): Promise<RouterRecord | null>;
  /** Records another certificate a pinned router now presents; the record when that is news. */
  offerCertificate(id: number, seen: PeerCertificate): Promise<RouterRecord | null>;
  /** Makes the offered certificate the pinned one, if `fingerprint` is the one offered. */
  acceptCertificate(tenantId: number | null, id: number, fingerprint: string): Promise<RouterRecord | null>;
  /** Start-up: passwords sealed by an older scheme are sealed again; unreadable ones are logged. */
  upgradeSecrets(log: Logger): Promise<{ resealed: number; unreadable: number }>;
}
