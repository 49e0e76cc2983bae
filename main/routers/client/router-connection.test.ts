import { describe, expect, it } from 'vitest';
import type { SimulatedRouterOptions } from '../simulator';
import { failOnUnhandled } from '../testing/fail-on-unhandled';
import type { RouterConnectionOptions } from './connection-options';
import { useConnectionKit } from './connection-test-kit';
import type { RouterConnection, RouterConnectionState } from './router-connection';
import { RouterError } from './router-error';

/** The connection against the simulator over real TCP: login methods, TLS, and every fault. */
failOnUnhandled();

const PASSWORD = 'S3cret-pw!';
// Credentials never reach a log line (checked after every test).
const kit = useConnectionKit(PASSWORD);

async function setup(sim: SimulatedRouterOptions = {}, options: RouterConnectionOptions = {}, start = true) {
  const router = await kit.router(sim);
  const conn = kit.connection(
    { name: 'hq-1', host: router.host, port: router.port, username: router.username, password: PASSWORD, tls: router.tls ? 'anonymous' : false },
    { callTimeoutMs: 1_000, keepalivePeriodMs: 60_000, backoff: { initialMs: 5, maxMs: 40 }, ...options },
  );
  if (start) conn.start();
  return { router, conn };
}

/** Records every state the connection goes through. */
function track(conn: RouterConnection): RouterConnectionState[] {
  const seen: RouterConnectionState[] = [conn.state];
  conn.stateChanges.on((c) => seen.push(c.state));
  return seen;
}

const identity = async (conn: RouterConnection) => (await conn.call(['/system/identity/print']))[0]?.name;

describe('RouterConnection: login and transport', () => {
  it('logs in with the 6.43+ plain method and multiplexes concurrent calls on one connection', async () => {
    const { router, conn } = await setup({ name: 'plain-1', hotspotSessions: 5 });
    const seen = track(conn);
    await conn.waitFor('online');
    const [ident, sessions, count] = await Promise.all([
      identity(conn),
      conn.call(['/ip/hotspot/active/print']),
      conn.call(['/ip/hotspot/active/print', '=count-only=']),
    ]);
    expect(ident).toBe('plain-1');
    expect(sessions).toHaveLength(5);
    expect(count).toEqual([{ ret: '5' }]);
    expect(router.connections()).toBe(1);
    expect(seen).toEqual(['connecting', 'online']);
    expect(conn.generation).toBe(1);
  });

  it('logs in with the pre-6.43 challenge method', async () => {
    const { conn } = await setup({ name: 'old-1', loginMethod: 'challenge', version: '6.49' });
    await conn.waitFor('online');
    expect(await identity(conn)).toBe('old-1');
  });

  it('speaks api-ssl to a certificate-less router (anonymous DH)', async () => {
    const { conn } = await setup({ name: 'tls-1', tls: true });
    await conn.waitFor('online');
    expect(await identity(conn)).toBe('tls-1');
  });

  it('uses the per-router text encoding (win1252) for reads and writes', async () => {
    const router = await kit.router({ encoding: 'win1252' });
    const conn = kit.connection({ name: 'cp-1', host: router.host, port: router.port, username: router.username, password: PASSWORD, encoding: 'win1252' });
    conn.start();
    await conn.waitFor('online');
    await conn.call(['/system/identity/set', '=name=Café Müller']);
    expect(router.model.identity()).toBe('Café Müller');
    expect(await identity(conn)).toBe('Café Müller');
  });

  it('refused login → auth-failed with an actionable message and no password; recovers on reconnectNow', async () => {
    const { router, conn } = await setup({}, {}, false);
    router.faults.refuseLogin(true);
    conn.start();
    const change = await conn.waitFor('auth-failed');
    expect(change.error).toBeInstanceOf(RouterError);
    expect(change.error!.code).toBe('auth-failed');
    expect(change.error!.message).toMatch(/router 'hq-1' refused login.*'api' policy/);
    expect(change.error!.message).not.toContain(PASSWORD);
    await expect(conn.call(['/system/identity/print'])).rejects.toMatchObject({ code: 'offline' });
    router.faults.refuseLogin(false);
    conn.reconnectNow();
    await conn.waitFor('online');
  });

  it('retries a refused login on its own after authRetryMs', async () => {
    const { router, conn } = await setup({}, { authRetryMs: 20 }, false);
    router.faults.refuseLogin(true);
    conn.start();
    await conn.waitFor('auth-failed');
    router.faults.refuseLogin(false);
    await conn.waitFor('online');
  });

  it('says the router is unreachable when nothing listens, and keeps retrying with backoff', async () => {
    const { router, conn } = await setup({}, {}, false);
    await router.stop();
    const failures: string[] = [];
    conn.stateChanges.on((c) => c.error && failures.push(c.error.code));
    conn.start();
    const change = await conn.waitFor('offline');
    expect(change.error?.message).toMatch(/router 'hq-1' is unreachable at 127\.0\.0\.1:\d+ \(ECONNREFUSED\): check the address and port/);
    await router.start(); // same port
    await conn.waitFor('online');
    expect(failures[0]).toBe('unreachable');
  });
});

describe('RouterConnection: faults', () => {
  it('drop → offline, then reconnects by itself (new generation)', async () => {
    const { router, conn } = await setup();
    await conn.waitFor('online');
    const seen = track(conn);
    const reconnected = conn.connected.next();
    router.faults.dropConnections();
    expect((await conn.waitFor('offline')).error?.code).toBe('connection-lost');
    expect(await reconnected).toBe(2);
    expect(seen).toEqual(['online', 'offline', 'online']);
    expect(await identity(conn)).toBe(router.name);
  });

  it('rejects in-flight calls when the connection drops', async () => {
    const { router, conn } = await setup();
    await conn.waitFor('online');
    router.faults.stall('forever');
    const pending = conn.call(['/ip/pool/print'], { timeoutMs: 10_000 });
    await router.waitForConnections((n) => n === 1);
    router.faults.dropConnections();
    await expect(pending).rejects.toMatchObject({ code: 'connection-lost' });
    router.faults.clear();
    await conn.waitFor('online');
  });

  it('stall → the call times out and the router is degraded; back online when it answers', async () => {
    const { router, conn } = await setup({}, { callTimeoutMs: 150 });
    await conn.waitFor('online');
    router.faults.stall('forever');
    const err = await conn.call(['/system/resource/print']).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'timeout', message: expect.stringMatching(/router 'hq-1' did not answer \/system\/resource\/print within 150 ms/) });
    expect(conn.state).toBe('degraded');
    router.faults.clear();
    await conn.call(['/system/identity/print']);
    expect(conn.state).toBe('online');
  });

  it('a long stall: the probe times out (degraded), a period of silence drops the connection, it is rebuilt', async () => {
    // Calls may wait a minute: going offline within the test's time proves the period decides.
    const { router, conn } = await setup({}, { callTimeoutMs: 60_000, keepalivePeriodMs: 200 });
    await conn.waitFor('online');
    router.faults.stall('forever');
    await conn.waitFor('degraded');
    const lost = await conn.waitFor('offline');
    expect(lost.error?.message).toMatch(/stopped answering: nothing heard for \d+ ms; reconnecting/);
    router.faults.clear();
    await conn.waitFor('online');
    expect(conn.generation).toBe(2);
  });

  it('slow replies → degraded (probe latency), online again when fast', async () => {
    const { router, conn } = await setup({}, { slowCallMs: 50, keepalivePeriodMs: 2_000, callTimeoutMs: 2_000 });
    await conn.waitFor('online');
    router.faults.slow(120);
    expect((await conn.waitFor('degraded')).error?.message).toMatch(/router 'hq-1' is slow: a keepalive took \d+ ms/);
    router.faults.slow(0);
    await conn.waitFor('online');
  });

  it('trap on a command → RouterError with the category; the connection stays online', async () => {
    const { router, conn } = await setup();
    await conn.waitFor('online');
    router.faults.trapOn('/ip/hotspot/user/add', 'input does not match any value of profile', 1);
    const err = await conn.call(['/ip/hotspot/user/add', '=name=u1', '=profile=nope']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RouterError);
    expect(err).toMatchObject({ code: 'trap', category: 1, message: "router 'hq-1' rejected /ip/hotspot/user/add: input does not match any value of profile" });
    expect(conn.state).toBe('online');
    const missing = await conn.call(['/ip/hotspot/active/remove', '=.id=*ffff']).catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: 'trap', category: 0 });
  });

  it('!fatal → offline with the reason, then reconnects', async () => {
    const { router, conn } = await setup();
    await conn.waitFor('online');
    const reconnected = conn.connected.next();
    router.faults.fatal('out of memory');
    expect((await conn.waitFor('offline')).error?.message).toMatch(/router 'hq-1' connection lost: .*out of memory/);
    await reconnected;
  });

  it('garbage bytes → a clean connection error, then reconnects', async () => {
    const { router, conn } = await setup();
    await conn.waitFor('online');
    const reconnected = conn.connected.next();
    router.faults.garbage(64);
    const lost = await conn.waitFor('offline');
    expect(lost.error).toMatchObject({ code: 'connection-lost', details: { errno: 'BADREPLY' } });
    expect(lost.error?.message).toMatch(/not the RouterOS API/);
    await reconnected;
  });

  it('router restart → reconnects', async () => {
    const { router, conn } = await setup({ hotspotSessions: 3 });
    await conn.waitFor('online');
    const before = (await conn.call(['/ip/hotspot/active/print'])).map((r) => r['.id']);
    const reconnected = conn.connected.next();
    await router.restart();
    await reconnected;
    const after = (await conn.call(['/ip/hotspot/active/print'])).map((r) => r['.id']);
    expect(after).toHaveLength(3);
    expect(after.some((id) => before.includes(id))).toBe(false);
  });

  it('stop() ends retries and pending calls; calls then fail as offline', async () => {
    const { router, conn } = await setup();
    await conn.waitFor('online');
    router.faults.stall('forever');
    const pending = conn.call(['/ip/pool/print'], { timeoutMs: 10_000 });
    await conn.stop();
    await expect(pending).rejects.toMatchObject({ code: 'connection-lost' });
    expect(conn.state).toBe('offline');
    expect(conn.lastError?.code).toBe('stopped');
    await expect(conn.call(['/ip/pool/print'])).rejects.toMatchObject({ code: 'offline' });
    await router.waitForConnections((n) => n === 0);
  });
});
