import { afterEach, describe, expect, it } from 'vitest';
import { startSimulatedRouter, type RosVersion, type SimulatedRouter } from '../simulator';
import { failOnUnhandled } from '../testing/fail-on-unhandled';
import { hotspotUserProfiles, hotspotUsers, kickHotspotSession, listHotspotServers, listHotspotSessions } from './hotspot-menus';
import { kickPppSession, listPppSessions, pppoeServers, pppProfiles, pppSecrets } from './ppp-menus';
import { RouterConnection } from './router-connection';
import { getIdentity, getSystemResource, ipPools, listInterfaces, setIdentity } from './system-menus';

/** Typed reads and writes against the simulator, in the date formats of both RouterOS eras. */
failOnUnhandled();

const routers: SimulatedRouter[] = [];
const connections: RouterConnection[] = [];
afterEach(async () => {
  for (const c of connections.splice(0)) await c.stop();
  for (const r of routers.splice(0)) await r.stop();
});

async function connect(version: RosVersion, sessions = { hotspotSessions: 3, pppoeSessions: 2 }) {
  const router = await startSimulatedRouter({ clock: 'manual', version, name: `r-${version}`, ...sessions, bootTime: new Date('2024-02-05T10:00:00') });
  routers.push(router);
  router.model.tick(3_723_000); // 1h2m3s of uptime and traffic
  const conn = new RouterConnection({ name: `r-${version}`, host: router.host, port: router.port, username: router.username, password: router.password });
  connections.push(conn);
  conn.start();
  await conn.waitFor('online');
  return { router, conn };
}

const ISO_LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

describe.each(['6.49', '7.10', '7.18'] as const)('typed menus on RouterOS %s', (version) => {
  it('reads /system/resource and /system/identity as typed values (dates in either format)', async () => {
    const { conn } = await connect(version);
    const res = await getSystemResource(conn);
    expect(res.uptimeSeconds).toBe(3723);
    expect(res.version).toMatch(new RegExp(`^${version.replace('.', '\\.')}`));
    expect(res.buildTime).toMatch(ISO_LOCAL);
    expect(res.totalMemory).toBeGreaterThan(res.freeMemory!);
    expect(res.cpuCount).toBe(4);
    expect(res.cpuFrequencyMhz).toBe(533);
    expect(res.cpuLoadPercent).toBeGreaterThanOrEqual(0);
    expect(res.boardName).toBe('RB1100AHx4');
    expect(await getIdentity(conn)).toBe(`r-${version}`);
    await setIdentity(conn, 'hq-renamed');
    expect(await getIdentity(conn)).toBe('hq-renamed');
  });

  it('reads /interface with counters, and filters PPPoE interfaces on the router', async () => {
    const { conn } = await connect(version);
    const all = await listInterfaces(conn);
    const ether1 = all.find((i) => i.name === 'ether1')!;
    expect(ether1).toMatchObject({ type: 'ether', running: true, disabled: false, dynamic: false, mtu: 1500 });
    expect(ether1.rxByte).toBeGreaterThan(0);
    expect(ether1.lastLinkUpTime).toMatch(ISO_LOCAL);
    const pppoe = await listInterfaces(conn, { type: 'pppoe-in' });
    expect(pppoe).toHaveLength(2);
    expect(pppoe.every((i) => i.type === 'pppoe-in' && i.dynamic && /^<pppoe-.+>$/.test(i.name))).toBe(true);
  });

  it('reads and provisions hotspot servers, users, profiles, and kicks an active session', async () => {
    const { router, conn } = await connect(version);
    expect(await listHotspotServers(conn)).toEqual([
      expect.objectContaining({ name: 'hotspot1', interface: 'ether2', addressPool: 'hs-pool', idleTimeoutSeconds: 300, disabled: false }),
    ]);
    const profileId = await hotspotUserProfiles.add(conn, { name: '3H-10K', rateLimit: '2M/4M', sessionTimeoutSeconds: 3 * 3600, sharedUsers: 2 });
    const profiles = await hotspotUserProfiles.list(conn);
    expect(profiles.find((p) => p.id === profileId)).toMatchObject({ name: '3H-10K', rateLimit: '2M/4M', sessionTimeoutSeconds: 10_800, sharedUsers: 2 });

    const userId = await hotspotUsers.add(conn, { name: 'vc-7731', password: 'x1', profile: '3H-10K', limitUptimeSeconds: 3 * 3600, comment: 'voucher batch 7' });
    expect(await hotspotUsers.list(conn, { name: 'vc-7731' })).toEqual([
      expect.objectContaining({ id: userId, name: 'vc-7731', profile: '3H-10K', limitUptimeSeconds: 10_800, comment: 'voucher batch 7', disabled: false, bytesIn: 0 }),
    ]);
    await hotspotUsers.update(conn, userId, { disabled: true });
    expect((await hotspotUsers.list(conn, { name: 'vc-7731' }))[0]?.disabled).toBe(true);
    await hotspotUsers.remove(conn, userId);
    expect(await hotspotUsers.list(conn, { name: 'vc-7731' })).toEqual([]);

    const sessions = await listHotspotSessions(conn);
    expect(sessions).toHaveLength(3);
    expect(sessions[0]).toMatchObject({ server: 'hotspot1', radius: false, blocked: false, uptimeSeconds: expect.any(Number) });
    expect(sessions[0]!.bytesIn + sessions[0]!.bytesOut).toBeGreaterThan(0);
    await kickHotspotSession(conn, sessions[0]!.id);
    expect(router.model.hotspotSessionIds()).not.toContain(sessions[0]!.id);
    await expect(kickHotspotSession(conn, sessions[0]!.id)).rejects.toMatchObject({ code: 'trap', category: 0 });
  });

  it('reads and provisions PPP secrets, profiles, PPPoE servers, and kicks a PPP session', async () => {
    const { router, conn } = await connect(version);
    const profileId = await pppProfiles.add(conn, { name: 'pppoe-20M', rateLimit: '10M/20M', onlyOne: 'yes', localAddress: '10.20.0.1', remoteAddress: 'pppoe-pool' });
    expect((await pppProfiles.list(conn)).find((p) => p.id === profileId)).toMatchObject({ name: 'pppoe-20M', rateLimit: '10M/20M', onlyOne: 'yes' });

    const secretId = await pppSecrets.add(conn, { name: 'cust-900', password: 'pw', service: 'pppoe', profile: 'pppoe-20M', limitBytesOut: 5_000_000_000 });
    expect(await pppSecrets.list(conn, { name: 'cust-900' })).toEqual([
      expect.objectContaining({ id: secretId, service: 'pppoe', profile: 'pppoe-20M', limitBytesOut: 5_000_000_000, disabled: false, lastLoggedOut: null }),
    ]);
    await pppSecrets.remove(conn, secretId);

    const [server] = await pppoeServers.list(conn);
    expect(server).toMatchObject({ serviceName: 'pppoe-service', interface: 'ether3', defaultProfile: 'pppoe-10M', oneSessionPerHost: true });
    await pppoeServers.update(conn, server!.id, { maxSessions: 500 });
    expect((await pppoeServers.list(conn))[0]?.maxSessions).toBe(500);

    const sessions = await listPppSessions(conn);
    expect(sessions).toHaveLength(2);
    expect(sessions[0]).toMatchObject({ service: 'pppoe', uptimeSeconds: expect.any(Number) });
    expect(sessions.every((s) => (s.bytesIn ?? 0) > 0 && (s.bytesOut ?? 0) > 0)).toBe(true);
    await kickPppSession(conn, sessions[0]!.id);
    expect(router.model.pppSessionIds()).not.toContain(sessions[0]!.id);
    // The kicked subscriber's secret now remembers the logout, as a date in this version's format.
    const kicked = (await pppSecrets.list(conn, { name: sessions[0]!.name }))[0];
    expect(kicked?.lastLoggedOut).toMatch(ISO_LOCAL);
  });

  it('reads and adds pools; an empty result is an empty list (7.18 sends !empty)', async () => {
    const { conn } = await connect(version, { hotspotSessions: 0, pppoeSessions: 0 });
    await ipPools.add(conn, { name: 'vip', ranges: '10.9.0.2-10.9.0.50' });
    expect((await ipPools.list(conn)).map((p) => p.name)).toEqual(['hs-pool', 'pppoe-pool', 'vip']);
    expect(await listHotspotSessions(conn)).toEqual([]);
    expect(await listPppSessions(conn)).toEqual([]);
  });
});
