import { describe, expect, it } from 'vitest';
import { useSimulator } from '../test-fixtures';
import type { SimulatedRouter } from '../types';
import { attrs, type WireTestClient } from '../wire-test-client';
import { HOTSPOT_LOGIN_ERRORS } from './hotspot-login';

const sim = useSimulator();
const PHONE = 'AA:BB:CC:00:00:01';
const LAPTOP = 'AA:BB:CC:00:00:02';

/** A router with a logged-in client that provisions over the API, as the console would. */
async function setUp(): Promise<{ r: SimulatedRouter; c: WireTestClient; add: (...words: string[]) => Promise<void> }> {
  const r = await sim.router();
  const c = await sim.client(r);
  const add = async (...words: string[]) => {
    const reply = await c.command(...words);
    expect(reply.map((s) => s[0])).toEqual(['!done']);
  };
  return { r, c, add };
}

describe('model.loginHotspot', () => {
  it('logs a user in: the session appears in /ip/hotspot/active and listen streams hear it', async () => {
    const { r, c, add } = await setUp();
    await add('/ip/hotspot/user/add', '=name=k7m2px', '=password=k7m2px', '=profile=1H-5K', '=comment=vc-318-12.20.25-');
    c.send('/ip/hotspot/active/listen', '.tag=L');
    await c.command('/system/identity/print', '.tag=sync');

    const result = r.model.loginHotspot({ user: 'k7m2px', password: 'k7m2px', macAddress: PHONE.toLowerCase() });
    expect(result).toEqual({ ok: true, sessionId: expect.stringMatching(/^\*[0-9A-F]+$/) });
    const heard = await c.next();
    expect(attrs(heard)).toMatchObject({ '.id': (result as { sessionId: string }).sessionId, user: 'k7m2px', server: 'hotspot1', 'mac-address': PHONE, 'login-by': 'http-chap' });
    expect(heard.at(-1)).toBe('.tag=L');
    expect(attrs((await c.command('/ip/hotspot/active/print', '?user=k7m2px'))[0]!).address).toMatch(/^10\.5\./);
  });

  it('refuses a wrong password, an unknown name and a disabled user alike', async () => {
    const { r, add } = await setUp();
    await add('/ip/hotspot/user/add', '=name=ana', '=password=secret');
    await add('/ip/hotspot/user/add', '=name=ben', '=password=secret', '=disabled=yes');
    const refused = { ok: false, reason: 'invalid username or password' };
    expect(r.model.loginHotspot({ user: 'ana', password: 'Secret' })).toEqual(refused);
    expect(r.model.loginHotspot({ user: 'nobody', password: 'secret' })).toEqual(refused);
    expect(r.model.loginHotspot({ user: 'ben', password: 'secret' })).toEqual(refused);
    expect(r.model.hotspotSessionIds()).toEqual([]);
  });

  it('holds a MAC-locked user to its device', async () => {
    const { r, add } = await setUp();
    await add('/ip/hotspot/user/add', '=name=cara', '=password=pw', `=mac-address=${PHONE}`);
    expect(r.model.loginHotspot({ user: 'cara', password: 'pw', macAddress: LAPTOP })).toEqual({
      ok: false,
      reason: 'user cara is not allowed to log in from this MAC address',
    });
    // Without a MAC the browser is some new device, so the lock refuses it too.
    expect(r.model.loginHotspot({ user: 'cara', password: 'pw' })).toMatchObject({ ok: false });
    expect(r.model.loginHotspot({ user: 'cara', password: 'pw', macAddress: PHONE })).toMatchObject({ ok: true });
    // 00:00:00:00:00:00 is RouterOS's "no device": such a user logs in from anywhere.
    await add('/ip/hotspot/user/add', '=name=dina', '=password=pw', '=mac-address=00:00:00:00:00:00');
    expect(r.model.loginHotspot({ user: 'dina', password: 'pw', macAddress: LAPTOP })).toMatchObject({ ok: true });
  });

  it("counts the profile's shared-users against the user's sessions online", async () => {
    const { r, c, add } = await setUp();
    await add('/ip/hotspot/user/profile/add', '=name=family', '=shared-users=2');
    await add('/ip/hotspot/user/add', '=name=dina', '=password=pw', '=profile=1H-5K');
    await add('/ip/hotspot/user/add', '=name=eko', '=password=pw', '=profile=family');

    const first = r.model.loginHotspot({ user: 'dina', password: 'pw', macAddress: PHONE });
    expect(r.model.loginHotspot({ user: 'dina', password: 'pw', macAddress: LAPTOP })).toEqual({ ok: false, reason: 'no more sessions are allowed for user dina' });
    // The operator kicks the first session over the API: the second device gets in.
    await c.command('/ip/hotspot/active/remove', `=.id=${(first as { sessionId: string }).sessionId}`);
    expect(r.model.loginHotspot({ user: 'dina', password: 'pw', macAddress: LAPTOP })).toMatchObject({ ok: true });

    expect(r.model.loginHotspot({ user: 'eko', password: 'pw' })).toMatchObject({ ok: true });
    expect(r.model.loginHotspot({ user: 'eko', password: 'pw' })).toMatchObject({ ok: true });
    expect(r.model.loginHotspot({ user: 'eko', password: 'pw' })).toEqual({ ok: false, reason: HOTSPOT_LOGIN_ERRORS.sessionLimit('eko') });
  });

  it('refuses a user whose uptime or traffic limit is already used', async () => {
    const { r, c, add } = await setUp();
    await add('/ip/hotspot/user/add', '=name=fajar', '=password=pw');
    await add('/ip/hotspot/user/add', '=name=gita', '=password=pw');
    for (const user of ['fajar', 'gita']) {
      const login = r.model.loginHotspot({ user, password: 'pw' }) as { sessionId: string };
      r.model.tick(10 * 60_000);
      r.model.removeHotspotSession(login.sessionId);
    }
    const gita = attrs((await c.command('/ip/hotspot/user/print', '?name=gita'))[0]!);
    expect(gita.uptime).toBe('10m');

    await add('/ip/hotspot/user/set', '=.id=fajar', '=limit-uptime=10m');
    expect(r.model.loginHotspot({ user: 'fajar', password: 'pw' })).toEqual({ ok: false, reason: 'user fajar has reached uptime limit' });
    await add('/ip/hotspot/user/set', '=.id=fajar', '=limit-uptime=11m');
    expect(r.model.loginHotspot({ user: 'fajar', password: 'pw' })).toMatchObject({ ok: true });

    const used = Number(gita['bytes-in']) + Number(gita['bytes-out']);
    await add('/ip/hotspot/user/set', '=.id=gita', `=limit-bytes-total=${used}`);
    expect(r.model.loginHotspot({ user: 'gita', password: 'pw' })).toEqual({ ok: false, reason: 'user gita has reached traffic limit' });
    await add('/ip/hotspot/user/set', '=.id=gita', `=limit-bytes-total=${used + 1}`);
    expect(r.model.loginHotspot({ user: 'gita', password: 'pw' })).toMatchObject({ ok: true });
  });

  it("logs in on the user's own server and refuses it elsewhere", async () => {
    const { r, add } = await setUp();
    await add('/ip/hotspot/add', '=name=lobby', '=interface=ether4');
    await add('/ip/hotspot/user/add', '=name=hana', '=password=pw', '=server=lobby');
    expect(r.model.loginHotspot({ user: 'hana', password: 'pw', server: 'hotspot1' })).toEqual({ ok: false, reason: 'invalid username or password' });
    const ok = r.model.loginHotspot({ user: 'hana', password: 'pw' }) as { sessionId: string };
    expect(r.model.get('/ip/hotspot/active', ok.sessionId)!.server).toBe('lobby');
    expect(() => r.model.loginHotspot({ user: 'hana', password: 'pw', server: 'nowhere' })).toThrow(/no hotspot server 'nowhere'/);
  });
});
