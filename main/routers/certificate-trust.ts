import type { AccountsStore } from '../accounts/accounts-tx';
import type { Logger } from '../core/logger';
import type { RouterLiveStatus } from './contract';
import { readPeerCertificate, type PeerCertificate } from './client/peer-certificate';
import type { RouterEndpoint } from './io/shard-protocol';
import type { RouterRecord } from './router-store';

export interface CertificateTrustDeps {
  /** The routers' records: a pin or an offered certificate is written in its own unit of work. */
  accounts: AccountsStore;
  log: Logger;
  /** A router's shown settings changed (its pinned or offered fingerprint): RouterUpdated. */
  updated(record: RouterRecord): void;
  setStatus(routerId: number, change: Partial<RouterLiveStatus>): void;
  /** How long reading a router's certificate may take. @defaultValue 10_000 */
  timeoutMs?: number;
}

/**
 * Trust on first use for routers in `pin` mode, on the main thread: the certificate is read
 * with a bare TLS handshake (no login), pinned, and only then does the router's connection
 * start, verifying against the pin. When a pinned router fails to connect, the certificate it
 * now presents is read again: a different one is recorded for an admin to accept (or not), and
 * the router's status says so, which the dashboard shows as an alert.
 */
export class CertificateTrust {
  private readonly checking = new Set<number>();

  constructor(private readonly deps: CertificateTrustDeps) {}

  /** Pins what the router presents now; resolves with the endpoint to connect with, or rejects saying why. */
  async pinFirst(endpoint: RouterEndpoint): Promise<RouterEndpoint> {
    const seen = await this.read(endpoint);
    const record = await this.deps.accounts.run((tx) => tx.routers.pinCertificate(endpoint.id, endpoint, seen));
    // Null: the router changed meanwhile (another mode, address or pin); its new watch decides.
    if (!record) throw new Error(`router '${endpoint.name}' settings changed while its certificate was read`);
    this.deps.log.info('router certificate pinned on first connect', { tenantId: record.tenantId, routerId: record.id, fingerprint: seen.fingerprint });
    this.deps.updated(record);
    return { ...endpoint, tls: { ...endpoint.tls, pinned: seen.pem } };
  }

  /**
   * A pinned router could not connect: records and reports a certificate other than the pinned
   * one, unless `current` says the router changed meanwhile. Rejects only when that record cannot be written.
   */
  async checkPinned(record: RouterRecord, current: () => boolean): Promise<void> {
    if (record.tls !== 'pin' || record.tlsFingerprint === null || this.checking.has(record.id)) return;
    this.checking.add(record.id);
    try {
      // Unreachable or no TLS at all: the connection's own error already says so.
      const seen = await readPeerCertificate(record.host, record.port, this.deps.timeoutMs ?? 10_000).catch(() => null);
      if (!seen || seen.fingerprint === record.tlsFingerprint || !current()) return;
      const offered = await this.deps.accounts.run((tx) => tx.routers.offerCertificate(record.id, seen));
      this.deps.log.warn('router presents a certificate other than the pinned one', { tenantId: record.tenantId, routerId: record.id, pinned: record.tlsFingerprint, presented: seen.fingerprint });
      if (offered) this.deps.updated(offered);
      // Its status is the newer connection's to say once the router changed meanwhile.
      if (!current()) return;
      this.deps.setStatus(record.id, {
        state: 'offline',
        lastError: `router '${record.name}' now presents another TLS certificate (SHA-256 ${seen.fingerprint}) than the pinned one (${record.tlsFingerprint}): the console does not log in until an admin accepts the new fingerprint on the router`,
      });
    } finally {
      this.checking.delete(record.id);
    }
  }

  private async read(endpoint: RouterEndpoint): Promise<PeerCertificate> {
    try {
      return await readPeerCertificate(endpoint.host, endpoint.port, this.deps.timeoutMs ?? 10_000);
    } catch (error) {
      throw new Error(
        `router '${endpoint.name}' TLS certificate could not be read at ${endpoint.host}:${endpoint.port} (${(error as Error).message}): check api-ssl is enabled there with a certificate, or choose another TLS mode`,
      );
    }
  }
}
