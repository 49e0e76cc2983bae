import { describe, expect, it } from 'vitest';
import type { AccountsStore } from '../../accounts/accounts-tx';
import type { PeerCertificate } from '../../routers/client/peer-certificate';
import type { RouterSettings } from '../../routers/router-store';
import { createLogger } from '../../core/logger';
import { twoTenants, type AccountsFixture } from './accounts-fixture';
import { freshFixture } from './fresh-fixture';

/** An accounts store with two ways into its routers' storage the interface does not offer. */
export interface RouterStoreFixture extends AccountsFixture {
  /** What is stored for a router's password: the contract checks it is not the plain text. */
  passwordAtRest(routerId: number): Promise<string>;
  /** Makes a router's stored password unreadable here, as one sealed on another machine. */
  spoilPassword(routerId: number): Promise<void>;
}

export type RouterStoreFactory = () => Promise<RouterStoreFixture>;

const settings = (name: string, changes: Partial<RouterSettings> = {}): RouterSettings => ({
  name, host: '10.0.0.1', port: 8728, tls: 'off', tlsCa: '', username: 'api', site: 'HQ', notes: '', encoding: 'utf-8', ...changes,
});
const certificate = (n: number): PeerCertificate => ({
  pem: `-----BEGIN CERTIFICATE-----\nMIIB${n}\n-----END CERTIFICATE-----`,
  fingerprint: Array.from({ length: 32 }, () => n.toString(16).padStart(2, '0').toUpperCase()).join(':'),
});
const NOW = new Date('2026-12-01T10:00:00.000Z');

/** What every RouterStore implementation does, whatever database stands behind it. */
export function routerStoreContract(implementation: string, factory: RouterStoreFactory): void {
  describe(`RouterStore contract: ${implementation}`, () => {
    const fixture = freshFixture(factory);
    const store = (): AccountsStore => fixture().store;
    const add = (tenantId: number, name: string, changes: Partial<RouterSettings> = {}, password = 'S3cret!') =>
      store().run((tx) => tx.routers.add(tenantId, settings(name, changes), password, NOW));

    it('adds a router and reads it back; lists by name within a tenant, and by tenant then name for all tenants', async () => {
      const [a, b] = await twoTenants(store());
      const zulu = await add(a, 'zulu');
      const alpha = await add(a, 'alpha');
      const beta = await add(b, 'beta');
      expect(zulu).toMatchObject({ tenantId: a, name: 'zulu', host: '10.0.0.1', port: 8728, tls: 'off', username: 'api', site: 'HQ', hasPassword: true, tlsFingerprint: null, tlsOfferedFingerprint: null, createdAt: NOW.toISOString() });
      await store().read(async (tx) => {
        expect(await tx.routers.get(a, zulu.id)).toEqual(zulu);
        expect((await tx.routers.list(a)).map((r) => r.id)).toEqual([alpha.id, zulu.id]);
        expect((await tx.routers.list(null)).map((r) => r.id)).toEqual([alpha.id, zulu.id, beta.id]);
      });
    });

    it('keeps each tenant to its own routers: reads, updates and removals of another tenant’s find nothing and change nothing', async () => {
      const [a, b] = await twoTenants(store());
      const theirs = await add(b, 'edge-b');
      await store().read(async (tx) => {
        expect(await tx.routers.list(a)).toEqual([]);
        expect(await tx.routers.get(a, theirs.id)).toBeNull();
        expect(await tx.routers.get(null, theirs.id)).toEqual(theirs);
      });
      expect(await store().run((tx) => tx.routers.update(a, theirs.id, { site: 'taken' }, undefined, NOW))).toBeNull();
      expect(await store().run((tx) => tx.routers.remove(a, theirs.id))).toBeNull();
      expect(await store().read((tx) => tx.routers.get(b, theirs.id))).toEqual(theirs);
      expect(await store().run((tx) => tx.routers.remove(b, theirs.id))).toEqual(theirs);
      expect(await store().read((tx) => tx.routers.list(null))).toEqual([]);
    });

    it('refuses a name another router of the tenant has, whatever its case, on add and rename (conflict, naming the field); other tenants and the router itself do not count', async () => {
      const [a, b] = await twoTenants(store());
      const hq = await add(a, 'HQ-1');
      const edge = await add(a, 'edge-1');
      const taken = { code: 'conflict', message: 'a router named "hq-1" already exists in this tenant', details: { fields: { name: 'already used in this tenant' } } };
      await expect(add(a, 'hq-1')).rejects.toMatchObject(taken);
      await expect(store().run((tx) => tx.routers.update(a, edge.id, { name: 'hq-1' }, undefined, NOW))).rejects.toMatchObject(taken);
      expect(await add(b, 'hq-1')).toMatchObject({ tenantId: b, name: 'hq-1' });
      expect(await store().run((tx) => tx.routers.update(null, hq.id, { name: 'Hq-1' }, undefined, NOW))).toMatchObject({ name: 'Hq-1' });
      expect(new Set((await store().read((tx) => tx.routers.list(a))).map((r) => r.name))).toEqual(new Set(['edge-1', 'Hq-1']));
    });

    it('keeps the password sealed at rest, opens it for the connection, and stores no password as none', async () => {
      const [a] = await twoTenants(store());
      const hq = await add(a, 'hq');
      const open = await add(a, 'open', {}, '');
      expect(await fixture().passwordAtRest(hq.id)).not.toContain('S3cret!');
      expect(await store().read((tx) => tx.routers.password(hq.id))).toBe('S3cret!');
      expect(open.hasPassword).toBe(false);
      expect(await store().read((tx) => tx.routers.password(open.id))).toBe('');
    });

    it('rejects an unreadable password with a message naming the router and what to do, and counts it at start-up', async () => {
      const [a] = await twoTenants(store());
      const hq = await add(a, 'hq-7');
      await add(a, 'fine');
      await fixture().spoilPassword(hq.id);
      await expect(store().read((tx) => tx.routers.password(hq.id))).rejects.toMatchObject({
        name: 'SecretBoxError',
        message: expect.stringMatching(/^router 'hq-7': stored password cannot be decrypted on this machine: enter it again/),
      });
      const lines: string[] = [];
      expect(await store().run((tx) => tx.routers.upgradeSecrets(createLogger((l) => lines.push(l))))).toEqual({ resealed: 0, unreadable: 1 });
      expect(lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'router password unreadable').map((l) => l.routerId)).toEqual([hq.id]);
      // A password entered again replaces it.
      await store().run((tx) => tx.routers.update(a, hq.id, {}, 'typed-again', NOW));
      expect(await store().read((tx) => tx.routers.password(hq.id))).toBe('typed-again');
    });

    it('keeps the password and pin through other edits, and drops both when the endpoint moves without a new password', async () => {
      const [a] = await twoTenants(store());
      const hq = await add(a, 'hq', { tls: 'pin' });
      await store().run((tx) => tx.routers.pinCertificate(hq.id, hq, certificate(1)));
      const later = new Date(NOW.getTime() + 60_000);
      const edited = await store().run((tx) => tx.routers.update(a, hq.id, { notes: 'rack 2' }, undefined, later));
      expect(edited).toMatchObject({ notes: 'rack 2', hasPassword: true, tlsFingerprint: certificate(1).fingerprint, updatedAt: later.toISOString(), createdAt: NOW.toISOString() });
      expect(await store().read((tx) => tx.routers.password(hq.id))).toBe('S3cret!');
      const moved = await store().run((tx) => tx.routers.update(a, hq.id, { host: '10.9.9.9' }, undefined, later));
      expect(moved).toMatchObject({ host: '10.9.9.9', hasPassword: false, tlsFingerprint: null, tlsOfferedFingerprint: null });
      await store().read(async (tx) => {
        expect(await tx.routers.password(hq.id)).toBe('');
        expect(await tx.routers.pinnedCertificate(hq.id)).toBeNull();
      });
      expect(await store().run((tx) => tx.routers.update(a, hq.id, { port: 8729 }, 'new-one', later))).toMatchObject({ port: 8729, hasPassword: true });
      expect(await store().read((tx) => tx.routers.password(hq.id))).toBe('new-one');
    });

    it('pins the first certificate of a `pin` router still at the address it was read from, records another one offered, and accepts only that one', async () => {
      const [a, b] = await twoTenants(store());
      const plain = await add(a, 'plain');
      const hq = await add(a, 'hq', { tls: 'pin' });
      const [first, second] = [certificate(1), certificate(2)];
      expect(await store().run((tx) => tx.routers.pinCertificate(plain.id, plain, first))).toBeNull();
      expect(await store().run((tx) => tx.routers.pinCertificate(hq.id, { host: '10.0.0.2', port: 8728 }, first))).toBeNull();
      expect(await store().read((tx) => tx.routers.pinnedCertificate(hq.id))).toBeNull();
      expect(await store().run((tx) => tx.routers.pinCertificate(hq.id, hq, first))).toMatchObject({ id: hq.id, tlsFingerprint: first.fingerprint });
      expect(await store().run((tx) => tx.routers.pinCertificate(hq.id, hq, second))).toBeNull();
      expect(await store().read((tx) => tx.routers.pinnedCertificate(hq.id))).toBe(first.pem);

      expect(await store().run((tx) => tx.routers.offerCertificate(hq.id, first))).toBeNull();
      expect(await store().run((tx) => tx.routers.offerCertificate(hq.id, second))).toMatchObject({ tlsFingerprint: first.fingerprint, tlsOfferedFingerprint: second.fingerprint });
      expect(await store().run((tx) => tx.routers.offerCertificate(hq.id, second))).toBeNull();

      expect(await store().run((tx) => tx.routers.acceptCertificate(a, hq.id, first.fingerprint))).toBeNull();
      expect(await store().run((tx) => tx.routers.acceptCertificate(b, hq.id, second.fingerprint))).toBeNull();
      expect(await store().run((tx) => tx.routers.acceptCertificate(a, hq.id, second.fingerprint))).toMatchObject({ tlsFingerprint: second.fingerprint, tlsOfferedFingerprint: null });
      expect(await store().read((tx) => tx.routers.pinnedCertificate(hq.id))).toBe(second.pem);
    });

    it('rolls its writes back with the unit that throws', async () => {
      const [a] = await twoTenants(store());
      const hq = await add(a, 'hq');
      await expect(
        store().run(async (tx) => {
          await tx.routers.add(a, settings('edge'), 'x', NOW);
          await tx.routers.update(a, hq.id, { site: 'Depot' }, 'other', NOW);
          await tx.routers.remove(a, hq.id);
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      expect(await store().read((tx) => tx.routers.list(a))).toEqual([hq]);
      expect(await store().read((tx) => tx.routers.password(hq.id))).toBe('S3cret!');
    });
  });
}
