import { describe, expect, it } from 'vitest';
import { startSimulatedRouter } from './simulated-router';
import { useSimulator } from './test-fixtures';
import { printRows as rows } from './test-replies';
import type { WireTestClient } from './wire-test-client';

const sim = useSimulator();

const count = async (c: WireTestClient, path: string) => (await c.command(`${path}/print`, '=count-only='))[0];

describe("the 'blank' preset", () => {
  it('is a router out of the box: its ports, built-in profiles and factory services only', async () => {
    const r = await sim.router({ preset: 'blank', ethernetPorts: 8 });
    const c = await sim.client(r);
    expect((await rows(c, '/interface/print', '=.proplist=name,type,running')).map((i) => `${i.name}:${i.type}:${i.running}`)).toEqual(
      Array.from({ length: 8 }, (_, i) => `ether${i + 1}:ether:true`),
    );
    expect((await rows(c, '/interface/print', '=.proplist=mac-address')).every((i) => /^([0-9A-F]{2}:){5}[0-9A-F]{2}$/.test(i['mac-address']!))).toBe(true);
    for (const path of ['/ip/pool', '/ip/address', '/ip/hotspot', '/ip/dhcp-server', '/ip/dhcp-server/lease', '/ip/firewall/nat', '/interface/pppoe-server/server', '/ip/hotspot/user', '/ppp/secret']) {
      expect([path, await count(c, path)]).toEqual([path, ['!done', '=ret=0']]);
    }
    expect((await rows(c, '/ip/hotspot/profile/print')).map((p) => p.name)).toEqual(['default']);
    expect((await rows(c, '/ppp/profile/print')).map((p) => p.name)).toEqual(['default', 'default-encryption']);
    expect(await count(c, '/ip/service')).toEqual(['!done', '=ret=8']);
  });

  it('takes a whole hotspot and PPPoE build over the API, as provisioning sends it', async () => {
    const r = await sim.router({ preset: 'blank' });
    const c = await sim.client(r);
    const steps: string[][] = [
      ['/interface/bridge/add', '=name=bridge-hotspot'],
      ['/interface/bridge/port/add', '=interface=ether2', '=bridge=bridge-hotspot'],
      ['/interface/bridge/port/add', '=interface=ether3', '=bridge=bridge-hotspot'],
      ['/ip/address/add', '=address=10.5.0.1/24', '=interface=bridge-hotspot'],
      ['/ip/pool/add', '=name=hs-pool', '=ranges=10.5.0.10-10.5.0.250'],
      ['/ip/dhcp-server/add', '=name=dhcp-hs', '=interface=bridge-hotspot', '=address-pool=hs-pool'],
      ['/ip/dhcp-server/network/add', '=address=10.5.0.0/24', '=gateway=10.5.0.1', '=dns-server=10.5.0.1'],
      ['/ip/hotspot/profile/add', '=name=hsprof-isp', '=hotspot-address=10.5.0.1', '=dns-name=login.isp.ng', '=login-by=http-chap,cookie', '=html-directory=flash/hotspot'],
      ['/ip/hotspot/add', '=name=hotspot1', '=interface=bridge-hotspot', '=address-pool=hs-pool', '=profile=hsprof-isp'],
      ['/ip/hotspot/walled-garden/add', '=dst-host=*.paystack.com'],
      ['/ip/hotspot/walled-garden/ip/add', '=dst-address=41.58.0.0/16'],
      ['/ip/firewall/nat/add', '=chain=srcnat', '=action=masquerade', '=src-address=10.5.0.0/24', '=out-interface=ether1', '=comment=hotspot masquerade'],
      ['/ip/pool/add', '=name=pppoe-pool', '=ranges=10.20.0.2-10.20.0.254'],
      ['/ppp/profile/add', '=name=pppoe-default', '=local-address=10.20.0.1', '=remote-address=pppoe-pool'],
      ['/interface/pppoe-server/server/add', '=service-name=isp', '=interface=ether4', '=default-profile=pppoe-default', '=disabled=no'],
      ['/ip/service/set', '=numbers=api', '=disabled=yes'],
      ['/ip/service/set', '=numbers=api-ssl', '=address=10.0.0.0/8'],
      ['/system/identity/set', '=name=isp-site-7'],
      ['/system/ntp/client/set', '=enabled=yes', '=servers=pool.ntp.org'],
      ['/system/clock/set', '=time-zone-name=Africa/Lagos'],
    ];
    for (const step of steps) expect([step[0], (await c.command(...step)).at(-1)![0]]).toEqual([step[0], '!done']);
    expect(await rows(c, '/ip/address/print', '=.proplist=address,network,interface')).toEqual([{ address: '10.5.0.1/24', network: '10.5.0.0', interface: 'bridge-hotspot' }]);
    expect(r.model.get('/ip/hotspot', 'hotspot1')).toMatchObject({ interface: 'bridge-hotspot', profile: 'hsprof-isp', 'address-pool': 'hs-pool' });
    expect(r.model.identity()).toBe('isp-site-7');
    // Every change left its line in the log, as RouterOS logs changes made over the API.
    expect(await c.command('/log/print', '?topics=system,info', '=count-only=')).toEqual([['!done', `=ret=${steps.length}`]]);
  });

  it('refuses sessions it has no server for, and the isp preset refuses too few ports', async () => {
    await expect(startSimulatedRouter({ clock: 'manual', preset: 'blank', hotspotSessions: 1 })).rejects.toThrow(/'blank' preset has no hotspot or PPPoE server/);
    await expect(startSimulatedRouter({ clock: 'manual', ethernetPorts: 2 })).rejects.toThrow(/ethernetPorts >= 3/);
  });
});
