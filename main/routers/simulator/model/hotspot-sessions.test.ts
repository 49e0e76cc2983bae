import { describe, expect, it } from 'vitest';
import { useSimulator } from '../test-fixtures';
import type { SimulatedRouter, SimulatedRouterOptions } from '../types';
import { parseDuration } from '../values';
import { attrs, type WireTestClient } from '../wire-test-client';

const sim = useSimulator();
const MIN = 60_000;

async function setUp(options: SimulatedRouterOptions = {}): Promise<{ r: SimulatedRouter; c: WireTestClient; run: (...words: string[]) => Promise<void> }> {
  const r = await sim.router(options);
  const c = await sim.client(r);
  const run = async (...words: string[]) => {
    expect((await c.command(...words)).map((s) => s[0])).toEqual(['!done']);
  };
  return { r, c, run };
}

async function row(c: WireTestClient, menu: string, query: string): Promise<Record<string, string>> {
  return attrs((await c.command(`${menu}/print`, query))[0]!);
}

const sessionId = (result: ReturnType<SimulatedRouter['model']['loginHotspot']>) => {
  if (!result.ok) throw new Error(`login refused: ${result.reason}`);
  return result.sessionId;
};

/** Every user seen logging in on this router from now on. */
function loginsSeen(r: SimulatedRouter): Set<string> {
  const seen = new Set<string>();
  r.model.onChange('/ip/hotspot/active', (change) => {
    if (change.kind === 'added') seen.add(r.model.get('/ip/hotspot/active', change.id)!.user!);
  });
  return seen;
}

describe('hotspot limits as model time passes', () => {
  it('ends a session when the user reaches limit-uptime, charging exactly the limit', async () => {
    const { r, c, run } = await setUp();
    await run('/ip/hotspot/user/add', '=name=k7m2px', '=password=k7m2px', '=limit-uptime=1h');
    const id = sessionId(r.model.loginHotspot({ user: 'k7m2px', password: 'k7m2px' }));
    c.send('/ip/hotspot/active/listen', '.tag=L');
    await c.command('/system/identity/print', '.tag=sync');
    r.model.tick(30 * MIN);
    expect((await row(c, '/ip/hotspot/active', `?.id=${id}`))['session-time-left']).toBe('30m');
    r.model.tick(45 * MIN);
    expect(await c.next()).toEqual(['!re', `=.id=${id}`, '=.dead=yes', '.tag=L']);
    expect((await row(c, '/ip/hotspot/user', '?name=k7m2px')).uptime).toBe('1h');
    expect(r.model.loginHotspot({ user: 'k7m2px', password: 'k7m2px' })).toEqual({ ok: false, reason: 'user k7m2px has reached uptime limit' });
  });

  it('ends a session when bytes in + out reach limit-bytes-total', async () => {
    const { r, c, run } = await setUp();
    const limit = 50_000_000;
    await run('/ip/hotspot/user/add', '=name=gita', '=password=pw', `=limit-bytes-total=${limit}`);
    const id = sessionId(r.model.loginHotspot({ user: 'gita', password: 'pw' }));
    r.model.tick(1000);
    const after1s = await row(c, '/ip/hotspot/active', `?.id=${id}`);
    expect(after1s['limit-bytes-total']).toBe(String(limit));
    const perSecond = Number(after1s['bytes-in']) + Number(after1s['bytes-out']);
    r.model.tick(Math.ceil(limit / perSecond) * 1000);
    expect(r.model.hotspotSessionIds()).toEqual([]);
    const user = await row(c, '/ip/hotspot/user', '?name=gita');
    const total = Number(user['bytes-in']) + Number(user['bytes-out']);
    // Ended where the limit was crossed inside the tick, not at its end.
    expect(total).toBeGreaterThanOrEqual(limit);
    expect(total - limit).toBeLessThan(perSecond / 100);
    expect(r.model.loginHotspot({ user: 'gita', password: 'pw' })).toEqual({ ok: false, reason: 'user gita has reached traffic limit' });
  });

  it("shares one limit between a user's sessions", async () => {
    const { r, c, run } = await setUp();
    await run('/ip/hotspot/user/profile/add', '=name=family', '=shared-users=2');
    await run('/ip/hotspot/user/add', '=name=eko', '=password=pw', '=profile=family', '=limit-uptime=1h');
    sessionId(r.model.loginHotspot({ user: 'eko', password: 'pw' }));
    sessionId(r.model.loginHotspot({ user: 'eko', password: 'pw' }));
    r.model.tick(29 * MIN);
    expect(r.model.hotspotSessionIds()).toHaveLength(2);
    r.model.tick(2 * MIN);
    expect(r.model.hotspotSessionIds()).toHaveLength(0);
    expect((await row(c, '/ip/hotspot/user', '?name=eko')).uptime).toBe('1h');
  });

  it("ends a session at the profile's session-timeout; the device comes back by MAC cookie", async () => {
    const { r, c, run } = await setUp();
    await run('/ip/hotspot/user/add', '=name=dina', '=password=pw', '=profile=1H-5K');
    const first = sessionId(r.model.loginHotspot({ user: 'dina', password: 'pw', macAddress: 'AA:BB:CC:00:00:01' }));
    r.model.tick(90 * MIN);
    const sessions = (await c.command('/ip/hotspot/active/print')).filter((s) => s[0] === '!re').map(attrs);
    expect(sessions).toEqual([expect.objectContaining({ user: 'dina', 'login-by': 'mac-cookie', 'mac-address': 'AA:BB:CC:00:00:01', uptime: '30m' })]);
    expect(sessions[0]!['.id']).not.toBe(first);
    expect((await row(c, '/ip/hotspot/user', '?name=dina')).uptime).toBe('1h');

    // Without a MAC cookie the browser stays logged out.
    await run('/ip/hotspot/user/profile/set', '=.id=1H-5K', '=add-mac-cookie=no');
    r.model.tick(45 * MIN);
    expect(r.model.hotspotSessionIds()).toEqual([]);
    expect((await row(c, '/ip/hotspot/user', '?name=dina')).uptime).toBe('2h');
  });

  it("shows on the active row what is left of the user's limits and the profile's session-timeout", async () => {
    const { r, c, run } = await setUp();
    await run('/ip/hotspot/user/add', '=name=lina', '=password=pw', '=profile=1H-5K', '=limit-uptime=2h', '=limit-bytes-total=50000000000');
    const first = sessionId(r.model.loginHotspot({ user: 'lina', password: 'pw' }));
    r.model.tick(50 * MIN);
    r.model.removeHotspotSession(first);
    const id = sessionId(r.model.loginHotspot({ user: 'lina', password: 'pw' }));
    const user = await row(c, '/ip/hotspot/user', '?name=lina');
    let active = await row(c, '/ip/hotspot/active', `?.id=${id}`);
    // 1h10m of limit-uptime is left, but the session-timeout (1h) comes first.
    expect(active['session-time-left']).toBe('1h');
    expect(Number(active['limit-bytes-total'])).toBe(50_000_000_000 - Number(user['bytes-in']) - Number(user['bytes-out']));
    await run('/ip/hotspot/user/set', '=.id=lina', '=limit-uptime=1h30m');
    active = await row(c, '/ip/hotspot/active', `?.id=${id}`);
    expect(active['session-time-left']).toBe('40m');
  });

  it('a MAC-cookie return still obeys the user limits', async () => {
    const { r, c, run } = await setUp();
    await run('/ip/hotspot/user/add', '=name=ika', '=password=pw', '=profile=1H-5K', '=limit-uptime=90m');
    sessionId(r.model.loginHotspot({ user: 'ika', password: 'pw' }));
    r.model.tick(5 * 3_600_000);
    expect(r.model.hotspotSessionIds()).toEqual([]);
    expect((await row(c, '/ip/hotspot/user', '?name=ika')).uptime).toBe('1h30m');
  });
});

describe('PPP secrets', () => {
  it('a disabled secret cannot start a session, and churn never brings one up', async () => {
    const { r, run } = await setUp({ pppoeSessions: 3 });
    await run('/ppp/secret/add', '=name=andi', '=password=pw', '=service=pppoe', '=disabled=yes');
    expect(() => r.model.addPppSession({ name: 'andi' })).toThrow(/'andi' is disabled/);
    r.model.churnOnce(40);
    expect(r.model.print('/ppp/active').map((s) => s.name)).not.toContain('andi');
    await run('/ppp/secret/set', '=.id=andi', '=disabled=no');
    expect(r.model.get('/ppp/active', r.model.addPppSession({ name: 'andi' }))!.name).toBe('andi');
  });
});

describe('who logs in by itself', () => {
  it('churn never picks a disabled, used-up, MAC-locked user or an unused voucher', async () => {
    const { r, run } = await setUp({ hotspotSessions: 4 });
    await run('/ip/hotspot/user/add', '=name=off', '=password=pw', '=disabled=yes');
    await run('/ip/hotspot/user/add', '=name=locked', '=password=pw', '=mac-address=AA:BB:CC:00:00:09');
    await run('/ip/hotspot/user/add', '=name=spent', '=password=pw', '=limit-uptime=1m');
    sessionId(r.model.loginHotspot({ user: 'spent', password: 'pw' }));
    r.model.tick(2 * MIN);
    for (let i = 0; i < 10; i++) await run('/ip/hotspot/user/add', `=name=vc${i}`, `=password=vc${i}`, '=comment=vc-552-01.03.26-cafe');
    // A voucher redeemed once is an ordinary user again: it may come back.
    await run('/ip/hotspot/user/add', '=name=redeemed', '=password=pw', '=comment=vc-552-01.03.26-cafe');
    r.model.removeHotspotSession(sessionId(r.model.loginHotspot({ user: 'redeemed', password: 'pw' })));

    const seen = loginsSeen(r);
    r.model.churnPerMinute = 1;
    for (let i = 0; i < 20; i++) r.model.tick(MIN);
    expect(seen.size).toBeGreaterThan(1);
    for (const never of ['off', 'locked', 'spent', ...Array.from({ length: 10 }, (_, i) => `vc${i}`)]) expect(seen).not.toContain(never);
    expect(r.model.hotspotSessionIds()).toHaveLength(4);
  });

  it('voucher logins redeem unused vc- vouchers at the configured rate, each once', async () => {
    const { r, c, run } = await setUp({ voucherLoginsPerMinute: 2 });
    for (let i = 0; i < 5; i++) await run('/ip/hotspot/user/add', `=name=v${i}`, `=password=p${i}`, '=profile=1H-5K', '=limit-uptime=30m', '=comment=vc-707-01.06.26-');
    await run('/ip/hotspot/user/add', '=name=voff', '=password=x', '=comment=vc-707-01.06.26-', '=disabled=yes');
    await run('/ip/hotspot/user/add', '=name=member', '=password=x');
    c.send('/ip/hotspot/active/listen', '.tag=L');
    await c.command('/system/identity/print', '.tag=sync');

    r.model.tick(MIN);
    const heard = [attrs(await c.next()), attrs(await c.next())];
    expect(heard.map((s) => s.user).sort()).toEqual(r.model.print('/ip/hotspot/active').map((s) => s.user).sort());
    for (const s of heard) expect(s).toMatchObject({ user: expect.stringMatching(/^v\d$/), 'login-by': 'http-chap' });

    // 30 minutes later the first two have used their 30m; the other three got in meanwhile.
    for (let i = 0; i < 30; i++) r.model.tick(MIN);
    const used = r.model.print('/ip/hotspot/user').filter((u) => (parseDuration(u.uptime!) ?? 0) > 0).map((u) => u.name);
    expect(used.sort()).toEqual(heard.map((s) => s.user).sort());
    expect(r.model.print('/ip/hotspot/active').map((s) => s.user).sort()).toEqual(['v0', 'v1', 'v2', 'v3', 'v4'].filter((v) => !used.includes(v)));
    r.model.tick(60 * MIN);
    const uptimes = Object.fromEntries(r.model.print('/ip/hotspot/user').map((u) => [u.name, u.uptime]));
    expect(uptimes).toMatchObject({ v0: '30m', v1: '30m', v2: '30m', v3: '30m', v4: '30m', voff: '0s', member: '0s' });
    expect(r.model.hotspotSessionIds()).toEqual([]);
  });
});
