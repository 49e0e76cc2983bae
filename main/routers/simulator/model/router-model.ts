import { RouterTrap } from '../router-trap';
import type {
  ChurnResult,
  HotspotLoginRequest,
  HotspotLoginResult,
  HotspotSessionInit,
  MenuChange,
  PppSessionInit,
  RosRecord,
  RosVersion,
  RouterModel,
  SimPreset,
} from '../types';
import { intToIp } from '../values';
import { AddressPools } from './address-pools';
import { HotspotSessions } from './hotspot-sessions';
import { emptyUserData, hotspotMenus } from './menus-hotspot';
import { type PppActiveData, type PppSecretData, pppMenus } from './menus-ppp';
import { type InterfaceData, systemMenus } from './menus-system';
import { networkMenus } from './menus-network';
import { serviceMenus } from './menus-services';
import { RouterLog } from './router-log';
import { TrafficMonitors } from './traffic-monitors';
import { Menu, type MenuRow } from './menu';
import type { ModelContext } from './model-context';
import { Random } from './random';
import { seedModel } from './seed';

export interface ModelOptions {
  version: RosVersion;
  identity: string;
  seed: number;
  hotspotSessions: number;
  pppoeSessions: number;
  churnPerMinute: number;
  /** @defaultValue 0 */
  voucherLoginsPerMinute?: number;
  /** @defaultValue 'isp' */
  preset?: SimPreset;
  /** @defaultValue 5 */
  ethernetPorts?: number;
  bootTime: Date;
  /** Uptime at start (model time starts there); the sessions it starts with are of all ages. @defaultValue 0 */
  upForMs?: number;
}

type ActivePath = '/ip/hotspot/active' | '/ppp/active';
const TOTAL_MEMORY = 1_073_741_824;

/** The stateful router behind a simulated API server. */
export class SimRouterModel implements RouterModel, ModelContext {
  readonly version: RosVersion;
  readonly rand: Random;
  churnPerMinute: number;
  voucherLoginsPerMinute: number;
  private clock = 0;
  private bootEpoch: number;
  private load = 3;
  private memory = Math.floor(TOTAL_MEMORY * 0.82);
  private churnDebt = 0;
  private voucherDebt = 0;
  private readonly menuMap = new Map<string, Menu<any>>();
  private readonly pools = new AddressPools();
  private readonly hotspot = new HotspotSessions(this);
  private readonly activeSecrets = new Set<string>();
  private generated = { hotspot: 0, ppp: 0, session: 0 };
  private readonly tickListeners = new Set<() => void>();
  private readonly routerLog = new RouterLog(this, () => this.menu('/log'));
  /** Open `/interface/monitor-traffic` streams (test hook: closing a page must end its stream). */
  readonly trafficMonitors = new TrafficMonitors();

  constructor(options: ModelOptions) {
    this.version = options.version;
    this.rand = new Random(options.seed);
    this.churnPerMinute = options.churnPerMinute;
    this.voucherLoginsPerMinute = options.voucherLoginsPerMinute ?? 0;
    this.clock = options.upForMs ?? 0;
    this.bootEpoch = options.bootTime.getTime();
    const lookup = (path: string, name: string) => this.menuMap.get(path)?.hasName(name) ?? false;
    for (const spec of [...systemMenus(this), ...hotspotMenus(this), ...pppMenus(this), ...networkMenus(this), ...serviceMenus(this)]) {
      this.menuMap.set(spec.path, new Menu(spec, lookup));
    }
    seedModel(this, options);
  }

  // ── ModelContext ──────────────────────────────────────────────────────────
  get clockMs(): number {
    return this.clock;
  }
  get bootEpochMs(): number {
    return this.bootEpoch;
  }
  get cpuLoad(): number {
    return this.load;
  }
  get freeMemory(): number {
    return this.memory;
  }

  menu(path: string): Menu<any> {
    const menu = this.menuMap.get(path);
    if (!menu) throw new RouterTrap(`no such command or directory (${path.split('/').pop()})`, 0);
    return menu;
  }

  hasMenu(path: string): boolean {
    return this.menuMap.has(path);
  }

  poolUsage(pool: string): number {
    return this.pools.usage(pool);
  }

  finishSession(path: ActivePath, row: MenuRow<any>, reason: string): void {
    if (path === '/ip/hotspot/active') {
      this.hotspot.finish(row);
    } else {
      const data = row.data as PppActiveData;
      if (data.interfaceId) this.menu('/interface').delete(data.interfaceId);
      const secret = this.menu('/ppp/secret').find(row.values.name ?? '') as MenuRow<PppSecretData> | undefined;
      if (secret) {
        secret.data.lastLoggedOut = this.bootEpoch + this.clock;
        secret.data.lastCallerId = row.values['caller-id'];
        secret.data.lastReason = reason;
      }
      this.pools.release(data.pool, data.address);
      this.activeSecrets.delete(row.values.name ?? '');
    }
  }

  // ── Generic menu access ───────────────────────────────────────────────────
  menus(): string[] {
    return [...this.menuMap.keys()];
  }

  identity(): string {
    return this.singletonRow('/system/identity').values.name ?? 'MikroTik';
  }

  setIdentity(name: string): void {
    this.menu('/system/identity').set(this.singletonRow('/system/identity').id, { name });
  }

  singletonRow(path: string): MenuRow<any> {
    const row = this.menu(path).all().next().value as MenuRow<any> | undefined;
    if (!row) throw new Error(`menu ${path} has no item`);
    return row;
  }

  print(path: string): RosRecord[] {
    const menu = this.menu(path);
    return [...menu.all()].map((row) => menu.render(row));
  }

  get(path: string, idOrName: string): RosRecord | undefined {
    const menu = this.menu(path);
    const row = menu.spec.singleton ? this.singletonRow(path) : menu.find(idOrName);
    return row ? menu.render(row) : undefined;
  }

  add(path: string, attrs: RosRecord): string {
    const menu = this.menu(path);
    if (!menu.spec.verbs.add) throw new RouterTrap('no such command or directory (add)', 0);
    const id = menu.add(attrs);
    this.routerLog.change(path, 'added');
    return id;
  }

  set(path: string, idOrName: string, attrs: RosRecord): void {
    const menu = this.menu(path);
    if (!menu.spec.verbs.set) throw new RouterTrap('no such command or directory (set)', 0);
    const row = menu.spec.singleton ? this.singletonRow(path) : menu.findOrTrap(idOrName);
    const wasDisabled = row.values.disabled;
    menu.set(row.id, attrs);
    this.routerLog.change(path, 'changed');
    if (path === '/interface' && row.values.disabled !== wasDisabled) this.log('interface,info', `${row.values.name} link ${row.values.disabled === 'true' ? 'down' : 'up'}`);
  }

  remove(path: string, idOrName: string): void {
    const menu = this.menu(path);
    if (!menu.spec.verbs.remove) throw new RouterTrap('no such command or directory (remove)', 0);
    menu.remove(idOrName);
    this.routerLog.change(path, 'removed');
  }

  /** A line in `/log` (test hook; the model writes its own on logins, link changes and API changes). */
  log(topics: string, message: string): void {
    this.routerLog.write(topics, message);
  }

  /** Called after every advance of model time (monitor-traffic samples once per model second). */
  onTick(listener: () => void): () => void {
    this.tickListeners.add(listener);
    return () => this.tickListeners.delete(listener);
  }

  onChange(path: string, listener: (change: MenuChange) => void): () => void {
    return this.menu(path).onChange(listener);
  }

  // ── Sessions ──────────────────────────────────────────────────────────────
  addHotspotSession(init: HotspotSessionInit = {}): string {
    return this.hotspot.start(init);
  }

  loginHotspot(request: HotspotLoginRequest): HotspotLoginResult {
    return this.hotspot.login(request);
  }

  removeHotspotSession(id: string): boolean {
    return this.hotspot.end(id);
  }

  hotspotSessionIds(): string[] {
    return [...this.menu('/ip/hotspot/active').all()].map((r) => r.id);
  }

  addPppSession(init: PppSessionInit = {}): string {
    const secrets = this.menu('/ppp/secret');
    const name = init.name ?? this.freeName(secrets, this.activeSecrets) ?? this.newSecret();
    if (!secrets.hasName(name)) {
      const profile = this.menu('/ppp/profile').hasName('pppoe-10M') ? 'pppoe-10M' : 'default';
      secrets.insert({ name, service: 'pppoe', password: name, profile }, {} satisfies PppSecretData);
    }
    const secret = secrets.find(name)!;
    if (secret.values.disabled === 'true') throw new Error(`ppp secret '${name}' is disabled and cannot start a session: enable it first (/ppp/secret set disabled=no)`);
    const profile = this.menu('/ppp/profile').find(secret.values.profile ?? 'default');
    const poolName = secret.values['remote-address'] ?? profile?.values['remote-address'];
    const { address, allocated } = this.allocateAddress(init.address, poolName, 0x0a140000);
    const flow = this.newFlow(init.rateIn, init.rateOut, init.onlineForMs);
    const interfaces = this.menu('/interface') as Menu<InterfaceData>;
    let ifName = `<pppoe-${name}>`;
    for (let n = 1; interfaces.hasName(ifName); n++) ifName = `<pppoe-${name}-${n}>`;
    const service = init.service ?? 'pppoe';
    const iface = interfaces.insert({ name: ifName, mtu: '1480' }, { type: `${service}-in`, dynamic: true, actualMtu: 1480, flow });
    const data: PppActiveData = { flow, interfaceId: iface.id, pool: allocated !== undefined ? poolName : undefined, address: allocated };
    this.activeSecrets.add(name);
    const sessionId = `0x815${(++this.generated.session).toString(16).toUpperCase().padStart(5, '0')}`;
    const row = this.menu('/ppp/active').insert(
      { name, service, 'caller-id': init.callerId ?? this.rand.mac('B0'), address, encoding: '', 'session-id': sessionId },
      data,
    );
    return row.id;
  }

  removePppSession(id: string): boolean {
    return this.endSession('/ppp/active', id, 'peer-request');
  }

  pppSessionIds(): string[] {
    return [...this.menu('/ppp/active').all()].map((r) => r.id);
  }

  updateSession(path: ActivePath, id: string, attrs: RosRecord): void {
    const menu = this.menu(path);
    menu.update(menu.findOrTrap(id), attrs);
  }

  // ── Time, churn, reboot ───────────────────────────────────────────────────
  tick(ms: number): void {
    if (!(ms > 0)) return;
    this.clock += ms;
    // cpu-load wanders around a base load that grows with the number of sessions.
    const sessions = this.menu('/ip/hotspot/active').size + this.menu('/ppp/active').size;
    const base = Math.min(60, 3 + sessions / 10);
    this.load = Math.max(0, Math.min(100, Math.round(this.load + (base - this.load) * 0.3 + this.rand.int(-4, 4))));
    this.memory = Math.max(0, Math.floor(TOTAL_MEMORY * 0.82) - sessions * 40_000 + this.rand.int(-200_000, 200_000));
    this.hotspot.enforceLimits();
    if (this.churnPerMinute > 0 && sessions > 0) {
      this.churnDebt += (sessions * this.churnPerMinute * ms) / 60_000;
      const due = Math.floor(this.churnDebt);
      if (due > 0) {
        this.churnDebt -= due;
        this.churnOnce(due);
      }
    }
    if (this.voucherLoginsPerMinute > 0) {
      this.voucherDebt += (this.voucherLoginsPerMinute * ms) / 60_000;
      while (this.voucherDebt >= 1) {
        this.voucherDebt -= 1;
        // No unused voucher left: the demand is not saved up for the next batch.
        if (!this.hotspot.redeemVoucher()) this.voucherDebt = 0;
      }
    }
    for (const listener of [...this.tickListeners]) listener();
  }

  churnOnce(count?: number): ChurnResult {
    const hotspot = this.menu('/ip/hotspot/active');
    const ppp = this.menu('/ppp/active');
    const total = hotspot.size + ppp.size;
    const n = count ?? Math.max(1, Math.round(total * this.churnPerMinute));
    const result: ChurnResult = { ended: [], started: [] };
    for (let i = 0; i < n && hotspot.size + ppp.size > 0; i++) {
      const useHotspot = this.rand.next() * (hotspot.size + ppp.size) < hotspot.size;
      const menu = useHotspot ? hotspot : ppp;
      const victim = this.nth(menu, this.rand.int(0, menu.size - 1));
      result.ended.push(victim.id);
      this.endSession(menu.path as ActivePath, victim.id, useHotspot ? 'logout' : 'peer-request');
      result.started.push(useHotspot ? this.addHotspotSession() : this.addPppSession());
    }
    return result;
  }

  reboot(): void {
    const hotspot = this.menu('/ip/hotspot/active');
    const ppp = this.menu('/ppp/active');
    const counts = { hotspot: hotspot.size, ppp: ppp.size };
    for (const row of [...hotspot.all()]) this.endSession('/ip/hotspot/active', row.id, 'reboot');
    for (const row of [...ppp.all()]) this.endSession('/ppp/active', row.id, 'reboot');
    this.bootEpoch += this.clock + 30_000;
    this.clock = 0;
    this.churnDebt = 0;
    this.voucherDebt = 0;
    for (const menu of this.menuMap.values()) menu.renumber(this.rand.int(0x10, 0x400));
    for (const row of (this.menu('/interface') as Menu<InterfaceData>).all()) {
      if (row.data.flow) Object.assign(row.data.flow, { startClock: 0, baseIn: 0, baseOut: 0 });
    }
    for (let i = 0; i < counts.hotspot; i++) this.addHotspotSession();
    for (let i = 0; i < counts.ppp; i++) this.addPppSession();
  }

  // ── helpers ───────────────────────────────────────────────────────────────
  newFlow(rateIn?: number, rateOut?: number, onlineForMs = 0): { startClock: number; rateIn: number; rateOut: number; baseIn: number; baseOut: number } {
    return {
      startClock: this.clock - Math.min(Math.max(0, onlineForMs), this.clock),
      rateIn: rateIn ?? this.rand.int(2_000, 60_000),
      rateOut: rateOut ?? this.rand.int(20_000, 600_000),
      baseIn: 0,
      baseOut: 0,
    };
  }

  /**
   * A subscriber account: the default profile (no session-timeout, so seeded sessions of any age
   * stay online) and no `vc-` comment, so voucher counts stay the test's own.
   */
  newHotspotUser(): string {
    const name = `hs${String(++this.generated.hotspot).padStart(4, '0')}`;
    if (!this.menu('/ip/hotspot/user').hasName(name)) {
      this.menu('/ip/hotspot/user').insert({ name, password: this.rand.int(1000, 9999).toString(), profile: 'default' }, emptyUserData());
    }
    return name;
  }

  newSecret(): string {
    const name = `cust${String(++this.generated.ppp).padStart(4, '0')}`;
    if (!this.menu('/ppp/secret').hasName(name)) {
      const profile = this.menu('/ppp/profile').hasName('pppoe-10M') ? 'pppoe-10M' : 'default';
      this.menu('/ppp/secret').insert({ name, service: 'pppoe', password: this.rand.int(100000, 999999).toString(), profile }, {} satisfies PppSecretData);
    }
    return name;
  }

  releaseAddress(pool: string | undefined, address: number | undefined): void {
    this.pools.release(pool, address);
  }

  private endSession(path: ActivePath, id: string, reason: string): boolean {
    const menu = this.menu(path);
    const row = menu.find(id);
    if (!row) return false;
    this.finishSession(path, row, reason);
    return menu.delete(row.id);
  }

  /** A random secret that is not logged in (disabled ones excluded), or undefined. */
  private freeName(menu: Menu<any>, active: Set<string>): string | undefined {
    const free: string[] = [];
    for (const row of menu.all()) {
      const name = row.values.name;
      if (name !== undefined && !active.has(name) && row.values.disabled !== 'true') free.push(name);
    }
    return free.length > 0 ? this.rand.pick(free) : undefined;
  }

  allocateAddress(given: string | undefined, pool: string | undefined, fallbackBase: number): { address: string; allocated?: number } {
    if (given) return { address: given };
    const poolRow = pool ? this.menuMap.get('/ip/pool')?.find(pool) : undefined;
    const ip = poolRow ? this.pools.allocate(pool!, poolRow.values.ranges ?? '') : undefined;
    if (ip !== undefined) return { address: intToIp(ip), allocated: ip };
    return { address: intToIp(fallbackBase + this.rand.int(2, 65_000)) };
  }

  private nth<T>(menu: Menu<T>, index: number): MenuRow<T> {
    let i = 0;
    for (const row of menu.all()) if (i++ === index) return row;
    throw new Error('index out of range');
  }
}
