import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatchInvoke } from '../core/dispatch';
import { startTestCore, type TestCore } from '../core/test-core';
import { waitForEvent } from '../events/wait-for-event';
import type { BusEvent } from '../events/event-bus';
import type { Session } from '../auth/session';
import { certificateOf } from './client/peer-certificate';
import { startSimulatedRouter, type SimulatedRouter } from './simulator';
import { makeTestPki } from './simulator/test-certificates';
import type { RouterLiveStatus, RouterSummary } from './contract';

const admin: Session = { id: 'admin', user: { id: 1, username: 'anna', role: 'tenant_admin', tenantId: 1 } };
const operator: Session = { id: 'operator', user: { id: 2, username: 'otto', role: 'operator', tenantId: 1 } };
const pki = makeTestPki();

/** Router TLS end to end: the store, the main thread's certificate trust, the shard's connection, the simulator over TCP. */
describe('router TLS modes through the console', () => {
  let core: TestCore;
  let sim: SimulatedRouter;
  const first = pki.issue('127.0.0.1');
  const statusOf = (e: BusEvent) => (e.payload as { status: RouterLiveStatus }).status;
  const routerEvent = (match: (e: BusEvent) => boolean) => waitForEvent(core.services.bus, 'tenant.1.routers', match);
  const stored = (id: number) => core.services.accounts.read((tx) => tx.routers.get(1, id));
  const add = async (tls: 'pin' | 'verify-ca', tlsCa = '') => {
    const result = await dispatchInvoke(core.services, admin, 'routers.add', {
      name: 'edge-1', host: sim.host, port: sim.port, tls, tlsCa, username: sim.username, password: 'sim-pass', site: '', notes: '', encoding: 'utf-8',
    });
    if (!result.ok) throw new Error(result.error.message);
    return result.data as RouterSummary;
  };

  beforeEach(async () => {
    core = await startTestCore();
    sim = await startSimulatedRouter({ name: 'edge-1', password: 'sim-pass', certificate: first, clock: 'manual' });
  });
  afterEach(async () => {
    await core.dispose();
    await sim.stop();
  });

  it('verify-ca: connects when the router’s certificate is from the CA given for it', async () => {
    const online = routerEvent((e) => e.name === 'RouterStatusChanged' && statusOf(e).state === 'online');
    const router = await add('verify-ca', pki.ca);
    await online;
    expect(await stored(router.id)).toMatchObject({ tls: 'verify-ca', tlsFingerprint: null });
    expect(await dispatchInvoke(core.services, admin, 'routers.add', { name: 'x', host: sim.host, port: sim.port, tls: 'verify-ca', username: 'a', password: 'b', site: '', notes: '', encoding: 'utf-8' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', details: [{ path: ['tlsCa'] }] },
    });
  });

  it('pin: pins on first connect, refuses a changed certificate with an alert, until an admin accepts it', async () => {
    const pinned = routerEvent((e) => e.name === 'RouterUpdated' && (e.payload as RouterSummary).tlsFingerprint !== null);
    const online = routerEvent((e) => e.name === 'RouterStatusChanged' && statusOf(e).state === 'online');
    const router = await add('pin');
    expect(router.tlsFingerprint).toBeNull();
    expect((await pinned).payload).toMatchObject({ id: router.id, tlsFingerprint: certificateOf(first.cert).fingerprint, tlsOfferedFingerprint: null });
    await online;

    // The router's certificate changes (or something else answers at its address): no login, an alert.
    const replacement = pki.issue('127.0.0.1');
    const newFingerprint = certificateOf(replacement.cert).fingerprint;
    const offered = routerEvent((e) => e.name === 'RouterUpdated' && (e.payload as RouterSummary).tlsOfferedFingerprint === newFingerprint);
    const alerted = routerEvent((e) => e.name === 'RouterStatusChanged' && /now presents another TLS certificate/.test(statusOf(e).lastError ?? ''));
    sim.replaceCertificate(replacement);
    await sim.restart();
    await offered;
    expect(statusOf(await alerted)).toMatchObject({ state: 'offline', lastError: expect.stringContaining(`SHA-256 ${newFingerprint}`) });
    const dashboard = await dispatchInvoke(core.services, admin, 'dashboard.snapshot', {});
    expect(dashboard).toMatchObject({ ok: true, data: { stats: { alerts: [expect.objectContaining({ routerId: router.id, message: expect.stringContaining('now presents another TLS certificate') })] } } });
    expect(await stored(router.id)).toMatchObject({ tlsFingerprint: certificateOf(first.cert).fingerprint, tlsOfferedFingerprint: newFingerprint });

    // An operator cannot trust it; an admin must name the fingerprint shown (any usual spelling).
    expect(await dispatchInvoke(core.services, operator, 'routers.acceptCertificate', { id: router.id, fingerprint: newFingerprint })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await dispatchInvoke(core.services, admin, 'routers.acceptCertificate', { id: router.id, fingerprint: certificateOf(first.cert).fingerprint })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    const back = routerEvent((e) => e.name === 'RouterStatusChanged' && statusOf(e).state === 'online');
    const accepted = await dispatchInvoke(core.services, admin, 'routers.acceptCertificate', { id: router.id, fingerprint: newFingerprint.replaceAll(':', '').toLowerCase() });
    expect(accepted).toMatchObject({ ok: true, data: { tlsFingerprint: newFingerprint, tlsOfferedFingerprint: null } });
    // Who trusted which certificate is in the audit log, once (the refused attempts left nothing).
    const entries = await core.services.accounts.read((tx) => tx.audit.list({ tenantId: 1 }, { limit: 10 }));
    expect(entries.filter((e) => e.details?.fingerprint !== undefined).map((e) => [e.action, e.actorUsername, e.targetId, e.details])).toEqual([
      ['router.updated', 'anna', router.id, { fields: ['tlsFingerprint'], fingerprint: newFingerprint }],
    ]);
    await back;
  });
});
