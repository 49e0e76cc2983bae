import { describe, expect, it } from 'vitest';
import { useSimulator } from './test-fixtures';
import { firstReply as first, printRows as rows, trapWords as trap } from './test-replies';
import { attrs } from './wire-test-client';

const sim = useSimulator();

describe('/ip/hotspot servers and server profiles', () => {
  it('adds a server profile and a server on it; refuses unknown pools, values and a second server on an interface', async () => {
    const r = await sim.router();
    const c = await sim.client(r);
    await c.command('/ip/hotspot/profile/add', '=name=hsprof2', '=dns-name=wifi.local', '=hotspot-address=10.6.0.1', '=login-by=http-chap,cookie');
    expect(await rows(c, '/ip/hotspot/profile/print', '?name=hsprof2', '=.proplist=dns-name,hotspot-address,login-by,html-directory')).toEqual([
      { 'dns-name': 'wifi.local', 'hotspot-address': '10.6.0.1', 'login-by': 'http-chap,cookie', 'html-directory': 'hotspot' },
    ]);
    expect(await first(c, '/ip/hotspot/profile/add', '=name=hsprof3', '=login-by=sms')).toEqual(trap(1, 'input does not match any value of login-by'));
    expect(await first(c, '/ip/hotspot/profile/add', '=name=hsprof2')).toEqual(trap(4, 'failure: already have such name'));
    expect(await first(c, '/ip/hotspot/add', '=name=hs2', '=interface=ether4', '=address-pool=nopool')).toEqual(trap(1, 'input does not match any value of address-pool'));
    expect(await first(c, '/ip/hotspot/add', '=name=hs2', '=interface=ether4', '=profile=noprofile')).toEqual(trap(1, 'input does not match any value of profile'));
    expect(await first(c, '/ip/hotspot/add', '=name=hs2', '=interface=ether2')).toEqual(trap(4, 'failure: hotspot server already configured on this interface'));
    expect((await first(c, '/ip/hotspot/add', '=name=hs2', '=interface=ether4', '=address-pool=hs-pool', '=profile=hsprof2'))?.[0]).toBe('!done');
    expect(await rows(c, '/ip/hotspot/print', '?name=hs2', '=.proplist=interface,address-pool,profile,idle-timeout')).toEqual([
      { interface: 'ether4', 'address-pool': 'hs-pool', profile: 'hsprof2', 'idle-timeout': '5m' },
    ]);
  });
});

describe('/ip/hotspot/walled-garden', () => {
  it('host entries and IP entries with their defaults; refuses an unknown server and a malformed address', async () => {
    const r = await sim.router();
    const c = await sim.client(r);
    await c.command('/ip/hotspot/walled-garden/add', '=dst-host=*.paystack.com', '=server=hotspot1', '=comment=payments');
    expect(await rows(c, '/ip/hotspot/walled-garden/print', '=.proplist=dst-host,server,action,comment')).toEqual([
      { 'dst-host': '*.paystack.com', server: 'hotspot1', action: 'allow', comment: 'payments' },
    ]);
    expect(await first(c, '/ip/hotspot/walled-garden/add', '=dst-host=x', '=server=nohotspot')).toEqual(trap(1, 'input does not match any value of server'));
    expect(await first(c, '/ip/hotspot/walled-garden/add', '=dst-host=x', '=action=accept')).toEqual(trap(1, 'input does not match any value of action'));
    const [done] = await c.command('/ip/hotspot/walled-garden/ip/add', '=dst-address=41.58.0.0/16');
    const id = attrs(done!).ret!;
    expect(r.model.get('/ip/hotspot/walled-garden/ip', id)).toMatchObject({ 'dst-address': '41.58.0.0/16', action: 'accept' });
    expect(await first(c, '/ip/hotspot/walled-garden/ip/add', '=dst-address=41.58/16')).toEqual(trap(1, 'invalid value for argument dst-address'));
    expect(await c.command('/ip/hotspot/walled-garden/ip/remove', `=.id=${id}`)).toEqual([['!done']]);
    expect(await c.command('/ip/hotspot/walled-garden/ip/print', '=count-only=')).toEqual([['!done', '=ret=0']]);
  });
});

describe('/interface/pppoe-server/server', () => {
  it('adds, disables and removes a server; refuses unknown interfaces and profiles', async () => {
    const r = await sim.router();
    const c = await sim.client(r);
    expect(await first(c, '/interface/pppoe-server/server/add', '=service-name=p2', '=interface=ether9')).toEqual(trap(1, 'input does not match any value of interface'));
    expect(await first(c, '/interface/pppoe-server/server/add', '=service-name=p2', '=interface=ether4', '=default-profile=nope')).toEqual(
      trap(1, 'input does not match any value of default-profile'),
    );
    const [done] = await c.command('/interface/pppoe-server/server/add', '=service-name=p2', '=interface=ether4', '=default-profile=pppoe-10M');
    const id = attrs(done!).ret!;
    await c.command('/interface/pppoe-server/server/set', `=.id=${id}`, '=disabled=yes');
    expect(r.model.get('/interface/pppoe-server/server', id)).toMatchObject({ 'service-name': 'p2', interface: 'ether4', 'default-profile': 'pppoe-10M', disabled: 'true' });
    expect(await c.command('/interface/pppoe-server/server/remove', `=.id=${id}`)).toEqual([['!done']]);
  });
});

describe('/ip/service', () => {
  it('lists the factory services; api and api-ssl can be disabled and limited to addresses; nothing can be added', async () => {
    const r = await sim.router();
    const c = await sim.client(r);
    expect((await rows(c, '/ip/service/print', '=.proplist=name')).map((s) => s.name)).toEqual(['telnet', 'ftp', 'www', 'ssh', 'www-ssl', 'api', 'winbox', 'api-ssl']);
    await c.command('/ip/service/set', '=numbers=api', '=disabled=yes');
    await c.command('/ip/service/set', '=numbers=api-ssl', '=address=10.0.0.0/8,192.168.1.5');
    expect(await rows(c, '/ip/service/print', '?name=api-ssl', '=.proplist=port,address,disabled,certificate')).toEqual([
      { port: '8729', address: '10.0.0.0/8,192.168.1.5', disabled: 'false', certificate: 'none' },
    ]);
    expect(r.model.get('/ip/service', 'api')?.disabled).toBe('true');
    expect(await first(c, '/ip/service/set', '=numbers=api-ssl', '=address=office')).toEqual(trap(1, 'invalid value for argument address'));
    expect(await first(c, '/ip/service/set', '=numbers=api-ssl', '=port=70000')).toEqual(trap(1, 'invalid value for argument port'));
    expect(await first(c, '/ip/service/set', '=numbers=api', '=name=myapi')).toEqual(trap(4, 'failure: can not change name of service'));
    expect(await first(c, '/ip/service/add', '=name=x')).toEqual(trap(0, 'no such command or directory (add)'));
  });
});

describe('/system/identity, /system/clock, /system/ntp/client', () => {
  it('sets the identity, a time zone and NTP servers; refuses a zone RouterOS does not know', async () => {
    const r = await sim.router();
    const c = await sim.client(r);
    await c.command('/system/identity/set', '=name=kano-hq');
    expect(r.model.identity()).toBe('kano-hq');
    expect(await rows(c, '/system/clock/print', '=.proplist=time-zone-name,time-zone-autodetect')).toEqual([{ 'time-zone-name': 'manual', 'time-zone-autodetect': 'true' }]);
    await c.command('/system/clock/set', '=time-zone-name=Africa/Lagos', '=time-zone-autodetect=no');
    const [clock] = await rows(c, '/system/clock/print');
    expect(clock).toMatchObject({ 'time-zone-name': 'Africa/Lagos', 'time-zone-autodetect': 'false' });
    expect(clock!.time).toMatch(/^\d\d:\d\d:\d\d$/);
    expect(await first(c, '/system/clock/set', '=time-zone-name=Mars/Olympus')).toEqual(trap(1, 'input does not match any value of time-zone-name'));
    expect(await rows(c, '/system/ntp/client/print')).toEqual([{ enabled: 'false', mode: 'unicast', servers: '', vrf: 'main', status: 'stopped' }]);
    await c.command('/system/ntp/client/set', '=enabled=yes', '=servers=time.cloudflare.com,pool.ntp.org');
    expect(await rows(c, '/system/ntp/client/print', '=.proplist=enabled,servers,status')).toEqual([
      { enabled: 'true', servers: 'time.cloudflare.com,pool.ntp.org', status: 'synchronized' },
    ]);
    expect(await first(c, '/system/ntp/client/set', '=enabled=maybe')).toEqual(trap(1, 'invalid value for argument enabled'));
  });

  it('6.49 has the old NTP client fields', async () => {
    const r = await sim.router({ version: '6.49' });
    const c = await sim.client(r);
    expect(await rows(c, '/system/ntp/client/print', '=.proplist=enabled,primary-ntp')).toEqual([{ enabled: 'false', 'primary-ntp': '0.0.0.0' }]);
  });
});
