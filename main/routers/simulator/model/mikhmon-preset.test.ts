import { describe, expect, it } from 'vitest';
import { useSimulator } from '../test-fixtures';
import { attrs, type WireTestClient } from '../wire-test-client';
import { MIKHMON_PPP_PROFILES, MIKHMON_PPP_SECRETS, MIKHMON_PROFILES, MIKHMON_USERS } from './mikhmon-preset';

const sim = useSimulator();

async function rows(c: WireTestClient, menu: string, ...query: string[]): Promise<Record<string, string>[]> {
  return (await c.command(`${menu}/print`, ...query)).filter((s) => s[0] === '!re').map(attrs);
}

describe("preset 'mikhmon'", () => {
  it('has priced profiles whose on-login starts with the metadata mikhmon reads back', async () => {
    const r = await sim.router({ preset: 'mikhmon' });
    const c = await sim.client(r);
    const profiles = await rows(c, '/ip/hotspot/user/profile');
    // The 'isp' seed is still there underneath.
    expect(profiles.map((p) => p.name)).toEqual(['default', '1H-5K', '1D-20K', '3-Hours', '1-Day', '7-Days', 'Member']);
    for (const expected of MIKHMON_PROFILES) {
      const p = profiles.find((x) => x.name === expected.name)!;
      expect(p).toMatchObject({ 'rate-limit': expected.rateLimit, 'shared-users': String(expected.sharedUsers) });
      // Read as mikhmon's generateuser.php does: split the script on commas.
      const meta = p['on-login']!.split(',');
      if (expected.expiryMode === 'noexp') {
        expect(p['on-login']).toMatch(/^:put \(",,100000,,,noexp,Disable,"\)/);
        expect([meta[2], meta[5], meta[6]]).toEqual([String(expected.price), 'noexp', 'Disable']);
        continue;
      }
      expect(meta.slice(1, 7)).toEqual([expected.expiryMode, String(expected.price), expected.validity, String(expected.sellingPrice), '', expected.lockToMac ? 'Enable' : 'Disable']);
      expect(p['on-login']).toContain(`/system scheduler add name="$user" start-date=$today interval="${expected.validity}"`);
      expect(p['on-login']!.includes('/system script add')).toBe(expected.expiryMode === 'remc');
      expect(p['on-login']!.includes('mac-address=$"mac-address"')).toBe(expected.lockToMac);
    }
    expect(profiles.find((p) => p.name === '1-Day')!['on-login']).toMatch(/^:put \(",ntf,10000,1d,12000,,Disable,"\); \{ /);
  });

  it('has vc- and up- batches, the redeemed ones with their expiry in both RouterOS date forms', async () => {
    const r = await sim.router({ preset: 'mikhmon', version: '7.10' });
    const c = await sim.client(r);
    const users = (await rows(c, '/ip/hotspot/user')).filter((u) => MIKHMON_USERS.some((m) => m.name === u.name));
    expect(users.map((u) => u.name)).toEqual(MIKHMON_USERS.map((u) => u.name));
    expect(users.filter((u) => u.comment!.startsWith('vc-'))).toHaveLength(14);
    expect(users.filter((u) => u.comment!.startsWith('up-'))).toHaveLength(4);
    expect(MIKHMON_USERS.filter((u) => u.mode === 'vc')).toHaveLength(20);
    expect(MIKHMON_USERS.filter((u) => u.mode === 'up')).toHaveLength(5);
    const oldForm = users.filter((u) => /^[a-z]{3}\/\d\d\/\d{4} \d\d:\d\d:\d\d$/.test(u.comment!));
    const isoForm = users.filter((u) => /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(u.comment!));
    expect(oldForm.map((u) => u.comment)).toEqual(['dec/21/2025 14:05:12', 'dec/22/2025 09:41:03', 'dec/24/2025 19:20:47']);
    expect(isoForm.map((u) => u.name)).toEqual(['k7m2px', 'r4t9wc', 'W7K2P9QX', 'tomsk']);
    for (const expected of MIKHMON_USERS) {
      const u = users.find((x) => x.name === expected.name)!;
      expect(u).toMatchObject({ password: expected.password, profile: expected.profile, comment: expected.comment, 'bytes-in': String(expected.bytesIn) });
      expect(u['limit-uptime']).toBe(expected.limitUptime);
      expect(u['mac-address']).toBe(expected.macAddress);
      expect(u.uptime === '0s').toBe(expected.uptimeMs === 0);
    }
    expect(users.find((u) => u.name === '904371')!.comment).toBe('vc-318-12.20.25-');
    expect(users.find((u) => u.name === 'b8n3qe')!.comment).toBe('vc-552-01.03.26-cafe');
    expect(users.find((u) => u.name === 'ayuqt')).toMatchObject({ comment: 'up-864-12.28.25-staff', uptime: '12h5m' });
  });

  it('has PPPoE plans with pools and rate limits, and pppoe customers', async () => {
    const r = await sim.router({ preset: 'mikhmon' });
    const c = await sim.client(r);
    const profiles = await rows(c, '/ppp/profile');
    for (const p of MIKHMON_PPP_PROFILES) {
      expect(profiles.find((x) => x.name === p.name)).toMatchObject({ 'local-address': p.localAddress, 'remote-address': p.remoteAddress, 'rate-limit': p.rateLimit });
    }
    const secrets = (await rows(c, '/ppp/secret')).filter((s) => MIKHMON_PPP_SECRETS.some((m) => m.name === s.name));
    expect(secrets).toHaveLength(5);
    expect(secrets.every((s) => s.service === 'pppoe')).toBe(true);
    expect(secrets.find((s) => s.name === 'andi-kost')!.disabled).toBe('true');
    expect(() => r.model.addPppSession({ name: 'andi-kost' })).toThrow(/disabled/);
    const budi = r.model.get('/ppp/active', r.model.addPppSession({ name: 'budi-home' }))!;
    expect(budi.address).toBe('10.30.0.2');
  });

  it('churn leaves the unused vouchers alone; voucher logins redeem them with their own codes', async () => {
    const r = await sim.router({ preset: 'mikhmon', hotspotSessions: 6, churnPerMinute: 2 });
    const online = () => new Set(r.model.print('/ip/hotspot/active').map((s) => s.user!));
    const unused = () => r.model.print('/ip/hotspot/user').filter((u) => u.comment?.startsWith('vc-') && u.uptime === '0s' && !online().has(u.name!));
    expect(unused()).toHaveLength(14);
    for (let i = 0; i < 10; i++) r.model.tick(60_000);
    expect(unused()).toHaveLength(14);
    // Redeemed vouchers past their limit never come back (mikhmon's notice mode set 1s).
    for (const spent of ['482913', '730158', '615204']) expect(online().has(spent)).toBe(false);

    r.model.voucherLoginsPerMinute = 3;
    r.model.tick(60_000);
    const fresh = new Set(MIKHMON_USERS.filter((u) => u.mode === 'vc' && u.uptimeMs === 0).map((u) => u.name));
    expect([...online()].filter((name) => fresh.has(name))).toHaveLength(3);
    expect(unused()).toHaveLength(11);
  });
});
