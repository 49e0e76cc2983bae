import type { InterfaceData } from './menus-system';
import type { Menu } from './menu';
import { seedMikhmon } from './mikhmon-preset';
import { seedFactoryServices, seedNetwork } from './seed-network';
import type { ModelOptions, SimRouterModel } from './router-model';

const MAX_SEEDED_SESSION_AGE_MS = 4 * 3_600_000;

/**
 * A typical small-ISP router: ether1 uplink, a hotspot on ether2, a PPPoE server on ether3,
 * a pool for each, a few profiles, and enough users/secrets to carry the requested sessions
 * with spares for churn. The 'mikhmon' preset adds a mikhmon install on top (mikhmon-preset.ts);
 * the 'blank' preset stops after the factory defaults.
 */
export function seedModel(model: SimRouterModel, options: ModelOptions): void {
  model.menu('/system/identity').insert({ name: options.identity }, undefined);
  model.menu('/system/resource').insert({}, undefined);

  const interfaces = model.menu('/interface') as Menu<InterfaceData>;
  const busy = [
    [4_000_000, 1_500_000],
    [1_200_000, 3_500_000],
    [800_000, 2_500_000],
  ];
  const blank = options.preset === 'blank';
  const ports = options.ethernetPorts ?? 5;
  if (!blank && ports < 3) throw new Error(`the '${options.preset ?? 'isp'}' preset uses ether1-ether3: give it ethernetPorts >= 3 (got ${ports}), or use the 'blank' preset`);
  // A blank router's ports carry little (management only); the ISP's uplink, hotspot and PPPoE ports carry traffic.
  const rates = Array.from({ length: ports }, (_, i) => (blank ? [20_000, 8_000] : (busy[i] ?? [0, 0])));
  rates.forEach(([rx, tx], i) => {
    const name = `ether${i + 1}`;
    interfaces.insert(
      { name, mtu: '1500', l2mtu: '1598' },
      {
        type: 'ether',
        defaultName: name,
        macAddress: model.rand.mac('48'),
        dynamic: false,
        actualMtu: 1500,
        flow: { startClock: 0, rateIn: rx!, rateOut: tx!, baseIn: 0, baseOut: 0 },
      },
    );
  });

  model.menu('/ip/hotspot/profile').insert({ name: 'default' }, undefined);
  model.menu('/ip/hotspot/user/profile').insert({ name: 'default' }, undefined);
  model.menu('/ppp/profile').insert({ name: 'default' }, undefined);
  model.menu('/ppp/profile').insert({ name: 'default-encryption', 'use-encryption': 'yes' }, undefined);
  seedFactoryServices(model);
  if (blank) {
    if (options.hotspotSessions > 0 || options.pppoeSessions > 0) {
      throw new Error("the 'blank' preset has no hotspot or PPPoE server to carry sessions: start it with 0 sessions, or use the 'isp' preset");
    }
    return;
  }

  const pools = model.menu('/ip/pool');
  pools.insert({ name: 'hs-pool', ranges: '10.5.0.2-10.5.255.254' }, undefined);
  pools.insert({ name: 'pppoe-pool', ranges: '10.20.0.2-10.20.255.254' }, undefined);

  model.menu('/ip/hotspot/profile').insert({ name: 'hsprof1', 'hotspot-address': '10.5.0.1', 'dns-name': 'login.wifi' }, undefined);
  model.menu('/ip/hotspot').insert({ name: 'hotspot1', interface: 'ether2', 'address-pool': 'hs-pool', profile: 'hsprof1' }, undefined);

  const userProfiles = model.menu('/ip/hotspot/user/profile');
  userProfiles.insert({ name: '1H-5K', 'session-timeout': '1h', 'rate-limit': '2M/5M', 'shared-users': '1' }, undefined);
  userProfiles.insert({ name: '1D-20K', 'session-timeout': '1d', 'rate-limit': '5M/10M', 'shared-users': '1' }, undefined);

  const pppProfiles = model.menu('/ppp/profile');
  pppProfiles.insert({ name: 'pppoe-10M', 'local-address': '10.20.0.1', 'remote-address': 'pppoe-pool', 'rate-limit': '5M/10M', 'only-one': 'yes' }, undefined);

  model.menu('/interface/pppoe-server/server').insert(
    { 'service-name': 'pppoe-service', interface: 'ether3', 'default-profile': 'pppoe-10M', 'one-session-per-host': 'true' },
    undefined,
  );

  seedNetwork(model);
  if (options.preset === 'mikhmon') seedMikhmon(model);

  const spare = (n: number) => (n === 0 ? 2 : n + Math.max(2, Math.ceil(n / 5)));
  for (let i = spare(options.hotspotSessions); i > 0; i--) model.newHotspotUser();
  for (let i = spare(options.pppoeSessions); i > 0; i--) model.newSecret();
  // A router that has been up a while carries sessions of all ages (up to a few hours).
  const age = () => (model.clockMs > 0 ? model.rand.int(0, Math.min(model.clockMs, MAX_SEEDED_SESSION_AGE_MS)) : 0);
  for (let i = 0; i < options.hotspotSessions; i++) model.addHotspotSession({ onlineForMs: age() });
  for (let i = 0; i < options.pppoeSessions; i++) model.addPppSession({ onlineForMs: age() });
}
