import { describe, expect, it } from 'vitest';
import { useSimulator } from './test-fixtures';
import { firstReply as first, printRows as rows, trapWords as trap } from './test-replies';
import { attrs } from './wire-test-client';

const sim = useSimulator();

describe('/interface/bridge and /interface/bridge/port', () => {
  it('a bridge is an interface: added, renamed (ports follow) and removed with its ports', async () => {
    const r = await sim.router();
    const c = await sim.client(r);
    expect((await first(c, '/interface/bridge/add', '=name=bridge-hs'))?.[0]).toBe('!done');
    expect(await rows(c, '/interface/print', '?name=bridge-hs', '=.proplist=name,type,running')).toEqual([{ name: 'bridge-hs', type: 'bridge', running: 'true' }]);
    expect(await rows(c, '/interface/bridge/print', '=.proplist=name,protocol-mode,vlan-filtering,disabled')).toEqual([
      { name: 'bridge-hs', 'protocol-mode': 'rstp', 'vlan-filtering': 'false', disabled: 'false' },
    ]);
    expect((await first(c, '/interface/bridge/port/add', '=interface=ether4', '=bridge=bridge-hs'))?.[0]).toBe('!done');
    await c.command('/interface/bridge/set', '=numbers=bridge-hs', '=name=br-wifi');
    expect(await rows(c, '/interface/print', '?type=bridge', '=.proplist=name')).toEqual([{ name: 'br-wifi' }]);
    expect(await rows(c, '/interface/bridge/port/print', '=.proplist=interface,bridge,pvid')).toEqual([{ interface: 'ether4', bridge: 'br-wifi', pvid: '1' }]);
    expect(await c.command('/interface/bridge/remove', '=numbers=br-wifi')).toEqual([['!done']]);
    expect(await c.command('/interface/print', '?type=bridge', '=count-only=')).toEqual([['!done', '=ret=0']]);
    expect(await c.command('/interface/bridge/port/print', '=count-only=')).toEqual([['!done', '=ret=0']]);
  });

  it('refuses a taken interface name, a port twice, and names that do not exist', async () => {
    const r = await sim.router();
    const c = await sim.client(r);
    expect(await first(c, '/interface/bridge/add', '=name=ether1')).toEqual(trap(4, 'failure: already have interface with such name'));
    await c.command('/interface/bridge/add', '=name=br1');
    expect(await first(c, '/interface/bridge/add', '=name=br1')).toEqual(trap(4, 'failure: already have interface with such name'));
    expect(await first(c, '/interface/bridge/add', '=name=br2', '=protocol-mode=fast')).toEqual(trap(1, 'input does not match any value of protocol-mode'));
    await c.command('/interface/bridge/port/add', '=interface=ether4', '=bridge=br1');
    expect(await first(c, '/interface/bridge/port/add', '=interface=ether4', '=bridge=br1')).toEqual(trap(4, 'failure: device already added as bridge port'));
    expect(await first(c, '/interface/bridge/port/add', '=interface=ether9', '=bridge=br1')).toEqual(trap(1, 'input does not match any value of interface'));
    expect(await first(c, '/interface/bridge/port/add', '=interface=ether5', '=bridge=nobridge')).toEqual(trap(1, 'input does not match any value of bridge'));
    expect(await first(c, '/interface/bridge/port/add', '=interface=ether5')).toEqual(trap(1, 'missing value for argument bridge'));
  });
});

describe('/ip/address', () => {
  it('computes the network, prints a bare address as /32, and shows the bridge as actual interface', async () => {
    const r = await sim.router();
    const c = await sim.client(r);
    expect(await rows(c, '/ip/address/print', '?interface=ether2', '=.proplist=address,network,interface')).toEqual([
      { address: '10.5.0.1/16', network: '10.5.0.0', interface: 'ether2' },
    ]);
    await c.command('/interface/bridge/add', '=name=br1');
    await c.command('/interface/bridge/port/add', '=interface=ether4', '=bridge=br1');
    const [done] = await c.command('/ip/address/add', '=address=10.9.0.1/24', '=interface=ether4');
    const id = attrs(done!).ret!;
    expect(await rows(c, '/ip/address/print', `?.id=${id}`, '=.proplist=address,network,actual-interface,disabled')).toEqual([
      { address: '10.9.0.1/24', network: '10.9.0.0', 'actual-interface': 'br1', disabled: 'false' },
    ]);
    await c.command('/ip/address/add', '=address=10.9.1.1', '=interface=ether5');
    expect(await rows(c, '/ip/address/print', '?interface=ether5', '=.proplist=address,network')).toEqual([{ address: '10.9.1.1/32', network: '10.9.1.1' }]);
    expect(await c.command('/ip/address/set', `=.id=${id}`, '=address=10.9.0.2/25')).toEqual([['!done']]);
    expect(r.model.get('/ip/address', id)).toMatchObject({ address: '10.9.0.2/25', network: '10.9.0.0' });
    expect(await c.command('/ip/address/remove', `=.id=${id}`)).toEqual([['!done']]);
    expect(r.model.get('/ip/address', id)).toBeUndefined();
  });

  it('refuses a duplicate, a malformed address and an interface that does not exist', async () => {
    const r = await sim.router();
    const c = await sim.client(r);
    expect(await first(c, '/ip/address/add', '=address=10.5.0.1/16', '=interface=ether2')).toEqual(trap(4, 'failure: already have such address'));
    expect(await first(c, '/ip/address/add', '=address=10.9.0.300/24', '=interface=ether4')).toEqual(trap(1, 'invalid value for argument address'));
    expect(await first(c, '/ip/address/add', '=address=10.9.0.1/33', '=interface=ether4')).toEqual(trap(1, 'invalid value for argument address'));
    expect(await first(c, '/ip/address/add', '=address=10.9.0.1/24', '=interface=wlan9')).toEqual(trap(1, 'input does not match any value of interface'));
    expect(await first(c, '/ip/address/add', '=interface=ether4')).toEqual(trap(1, 'missing value for argument address'));
  });
});

describe('/ip/dhcp-server, network and lease', () => {
  it('seeds a server on the hotspot interface with bound leases', async () => {
    const r = await sim.router();
    const c = await sim.client(r);
    expect(await rows(c, '/ip/dhcp-server/print', '=.proplist=name,interface,address-pool,lease-time,disabled')).toEqual([
      { name: 'dhcp1', interface: 'ether2', 'address-pool': 'hs-pool', 'lease-time': '1h', disabled: 'false' },
    ]);
    const leases = await rows(c, '/ip/dhcp-server/lease/print', '?dynamic=true');
    expect(leases).toHaveLength(4);
    expect(leases[0]).toMatchObject({ server: 'dhcp1', status: 'bound', 'host-name': 'android-phone', 'mac-address': 'DC:2C:6E:00:10:01' });
    expect(await rows(c, '/ip/dhcp-server/network/print', '=.proplist=address,gateway,dns-server')).toEqual([
      { address: '10.5.0.0/16', gateway: '10.5.0.1', 'dns-server': '10.5.0.1' },
    ]);
  });

  it('adds a server, its network and a static lease; removing the server drops only its dynamic leases', async () => {
    const r = await sim.router();
    const c = await sim.client(r);
    await c.command('/ip/pool/add', '=name=lan-pool', '=ranges=10.6.0.10-10.6.0.200');
    expect((await first(c, '/ip/dhcp-server/add', '=name=dhcp2', '=interface=ether4', '=address-pool=lan-pool'))?.[0]).toBe('!done');
    expect(await rows(c, '/ip/dhcp-server/print', '?name=dhcp2', '=.proplist=lease-time,authoritative')).toEqual([{ 'lease-time': '30m', authoritative: 'yes' }]);
    expect((await first(c, '/ip/dhcp-server/network/add', '=address=10.6.0.0/24', '=gateway=10.6.0.1'))?.[0]).toBe('!done');
    await c.command('/ip/dhcp-server/lease/add', '=address=10.6.0.50', '=mac-address=aa:bb:cc:dd:ee:ff', '=server=dhcp2');
    expect(await rows(c, '/ip/dhcp-server/lease/print', '?server=dhcp2', '=.proplist=address,mac-address,dynamic,status')).toEqual([
      { address: '10.6.0.50', 'mac-address': 'AA:BB:CC:DD:EE:FF', dynamic: 'false', status: 'waiting' },
    ]);
    await c.command('/ip/dhcp-server/remove', '=numbers=dhcp1');
    expect(await c.command('/ip/dhcp-server/lease/print', '=count-only=')).toEqual([['!done', '=ret=1']]);
  });

  it('refuses a pool that does not exist, a second server on an interface, a duplicate name, network or lease', async () => {
    const r = await sim.router();
    const c = await sim.client(r);
    expect(await first(c, '/ip/dhcp-server/add', '=name=d2', '=interface=ether4', '=address-pool=nopool')).toEqual(trap(1, 'input does not match any value of address-pool'));
    expect(await first(c, '/ip/dhcp-server/add', '=name=d2', '=interface=ether2')).toEqual(trap(4, 'failure: dhcp server already configured on this interface'));
    expect(await first(c, '/ip/dhcp-server/add', '=name=dhcp1', '=interface=ether4')).toEqual(trap(4, 'failure: already have such name'));
    expect(await first(c, '/ip/dhcp-server/add', '=name=d2', '=interface=ether4', '=lease-time=forever')).toEqual(trap(1, 'invalid value for argument lease-time'));
    expect(await first(c, '/ip/dhcp-server/network/add', '=address=10.5.0.0/16')).toEqual(trap(4, 'failure: already have such network'));
    expect(await first(c, '/ip/dhcp-server/network/add', '=address=10.6.0.1/24')).toEqual(trap(1, 'invalid value for argument address'));
    expect(await first(c, '/ip/dhcp-server/network/add', '=address=10.6.0.0/24', '=dns-server=8.8.8.8,dns')).toEqual(trap(1, 'invalid value for argument dns-server'));
    expect(await first(c, '/ip/dhcp-server/lease/add', '=address=10.5.0.9', '=mac-address=zz')).toEqual(trap(1, 'invalid value for argument mac-address'));
    await c.command('/ip/dhcp-server/lease/add', '=address=10.5.0.9', '=mac-address=00:11:22:33:44:55');
    expect(await first(c, '/ip/dhcp-server/lease/add', '=address=10.5.0.10', '=mac-address=00:11:22:33:44:55')).toEqual(
      trap(4, 'failure: already have static lease for this client'),
    );
  });
});

describe('/ip/firewall/nat', () => {
  it('seeds the masquerade rule; adds, changes and removes rules; refuses bad values', async () => {
    const r = await sim.router();
    const c = await sim.client(r);
    expect(await rows(c, '/ip/firewall/nat/print', '=.proplist=chain,action,out-interface,comment')).toEqual([
      { chain: 'srcnat', action: 'masquerade', 'out-interface': 'ether1', comment: 'masquerade' },
    ]);
    const [done] = await c.command('/ip/firewall/nat/add', '=chain=srcnat', '=action=masquerade', '=src-address=10.6.0.0/24', '=out-interface=ether1', '=comment=lan');
    const id = attrs(done!).ret!;
    expect(r.model.get('/ip/firewall/nat', id)).toMatchObject({ 'src-address': '10.6.0.0/24', disabled: 'false', bytes: '0' });
    await c.command('/ip/firewall/nat/set', `=.id=${id}`, '=disabled=yes');
    expect(r.model.get('/ip/firewall/nat', id)?.disabled).toBe('true');
    expect(await c.command('/ip/firewall/nat/remove', `=.id=${id}`)).toEqual([['!done']]);
    expect(await first(c, '/ip/firewall/nat/add', '=chain=srcnat', '=action=masquerade', '=out-interface=ether9')).toEqual(trap(1, 'input does not match any value of out-interface'));
    expect(await first(c, '/ip/firewall/nat/add', '=chain=srcnat', '=action=hide')).toEqual(trap(1, 'input does not match any value of action'));
    expect(await first(c, '/ip/firewall/nat/add', '=chain=srcnat', '=src-address=10.6.0/24')).toEqual(trap(1, 'invalid value for argument src-address'));
    expect(await first(c, '/ip/firewall/nat/add', '=action=masquerade')).toEqual(trap(1, 'missing value for argument chain'));
    expect(await first(c, '/ip/firewall/nat/add', '=chain=dstnat', '=action=masquerade')).toEqual(trap(4, 'failure: masquerade only allowed in srcnat chain'));
  });
});
