import { randomBytes } from 'node:crypto';
import { hashPassword } from '../auth/password';
import type { Role } from '../auth/session';
import { routerSummary } from '../routers/handlers';
import { startSimulatedRouter, type SimulatedRouter } from '../routers/simulator';
import { startMndpAnnouncer, type MndpAnnouncer } from '../routers/simulator/mndp-announcer';
import { MNDP_PORT } from '../discovery/mndp-codec';
import { claimDemoFolder } from './demo-folder';
import { ensureDemoSales } from './demo-sales';
import type { DemoInvoke, DemoServices } from './demo-services';

export interface DemoOptions {
  tenants: number;
  routersPerTenant: number;
  hotspotPerRouter: number;
  pppoePerRouter: number;
  /** Fraction of sessions replaced per minute on each router. */
  churnPerMinute: number;
}

/** 2 tenants × 5 routers × (25 hotspot + 15 PPPoE) = 400 live sessions with visible churn. */
export const DEFAULT_DEMO: DemoOptions = { tenants: 2, routersPerTenant: 5, hotspotPerRouter: 25, pppoePerRouter: 15, churnPerMinute: 0.3 };

const DAY_MS = 86_400_000;
const TENANT_NAMES = ['Demo ISP North', 'Demo ISP South', 'Demo ISP East', 'Demo ISP West'];
const SITES = ['Main street', 'Market', 'Bus park', 'Campus', 'Harbour', 'Hill top'];

export interface DemoSignIn {
  tenant: string | null;
  username: string;
  password: string;
  role: Role;
}

export interface Demo {
  signIns: DemoSignIn[];
  routers: SimulatedRouter[];
  /**
   * Resolves with how many demo routers are online once all are, or when `timeoutMs` passes:
   * the host prints the sign-ins after that, below the routers' connection logs instead of in them.
   */
  online(timeoutMs: number): Promise<number>;
  stop(): Promise<void>;
}

const secret = () => randomBytes(9).toString('base64url');

/**
 * What a new user sees first: an in-process simulator fleet registered under demo tenants with
 * their users. Re-running reuses the tenants, users and routers by name and gives every demo
 * account, the demo's system admin included, a fresh random password (never a default one),
 * printed by the host. Refuses a store with users the demo did not make (see demo-folder.ts).
 * Its tenants' sales are made through `invoke`, the way an admin's requests go.
 */
export async function startDemo(services: DemoServices, invoke: DemoInvoke, options: DemoOptions = DEFAULT_DEMO): Promise<Demo> {
  if (options.tenants > TENANT_NAMES.length) throw new Error(`the demo has at most ${TENANT_NAMES.length} tenants`);
  await claimDemoFolder(services.accounts, services.dataDir, Date.now());
  const routers: SimulatedRouter[] = [];
  const announcers: MndpAnnouncer[] = [];
  const stop = () => Promise.all([...announcers.map((a) => a.stop()), ...routers.map((r) => r.stop())]).then(() => undefined);
  const signIns: DemoSignIn[] = [];
  const routerIds: number[] = [];
  try {
    signIns.push(await ensureUser(services, null, 'demo-admin', 'system_admin'));
    for (let t = 0; t < options.tenants; t++) {
      const tenantName = TENANT_NAMES[t]!;
      const tenant = await services.accounts.run(async (tx) => (await tx.tenants.findByName(tenantName)) ?? tx.tenants.insert(tenantName, null, Date.now()));
      const slug = tenantName.split(' ').pop()!.toLowerCase();
      signIns.push(await ensureUser(services, tenant.id, `${slug}-admin`, 'tenant_admin', tenantName));
      signIns.push(await ensureUser(services, tenant.id, `${slug}-tech`, 'operator', tenantName));
      for (let r = 0; r < options.routersPerTenant; r++) {
        const name = `${slug}-${String(r + 1).padStart(2, '0')}`;
        const password = secret();
        const sim = await startSimulatedRouter({
          name,
          username: 'noc-api',
          password,
          hotspotSessions: options.hotspotPerRouter,
          pppoeSessions: options.pppoePerRouter,
          churnPerMinute: options.churnPerMinute,
          voucherLoginsPerMinute: 2,
          version: r % 3 === 0 ? '7.10' : '7.18',
          seed: t * 1000 + r + 1,
          // Routers that have been up for days, carrying sessions of all ages, as a real NOC sees.
          upForMs: (2 + r * 3 + t) * DAY_MS,
        });
        routers.push(sim);
        // Discovery shows the demo routers: announced on loopback every 10 s (RouterOS: every minute), so an opened view fills quickly.
        announcers.push(await startMndpAnnouncer(sim, { address: '127.0.0.1', port: MNDP_PORT, intervalMs: 10_000 }));
        routerIds.push(await register(services, tenant.id, name, SITES[r % SITES.length]!, sim, password));
      }
      await ensureDemoSales(invoke, tenant.id, routerIds.slice(-options.routersPerTenant));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { signIns, routers, online: (timeoutMs) => whenOnline(services, routerIds, timeoutMs), stop };
}

function whenOnline(services: DemoServices, ids: readonly number[], timeoutMs: number): Promise<number> {
  const online = () => ids.filter((id) => services.routerStatus.get(id).state === 'online').length;
  return new Promise((resolve) => {
    const finish = () => {
      off();
      clearTimeout(timer);
      resolve(online());
    };
    const off = services.bus.on('RouterStatusChanged', () => {
      if (online() === ids.length) finish();
    });
    const timer = setTimeout(finish, timeoutMs);
    if (online() === ids.length) finish();
  });
}

/** Adds the router, or updates the one of that name a previous demo run added; returns its id. */
function register(services: DemoServices, tenantId: number, name: string, site: string, sim: SimulatedRouter, password: string): Promise<number> {
  const settings = { name, host: sim.host, port: sim.port, tls: 'off' as const, username: sim.username, site, notes: 'demo router (simulated)', encoding: 'utf-8' as const };
  const now = new Date();
  return services.accounts.run(async (tx) => {
    const existing = (await tx.routers.list(tenantId)).find((r) => r.name === name);
    if (existing) {
      const updated = (await tx.routers.update(tenantId, existing.id, settings, password, now))!;
      tx.afterCommit(() => services.bus.publish('RouterUpdated', routerSummary(services, updated), tenantId));
      return updated.id;
    }
    const added = await tx.routers.add(tenantId, settings, password, now);
    tx.afterCommit(() => services.bus.publish('RouterAdded', routerSummary(services, added), tenantId));
    return added.id;
  });
}

async function ensureUser(services: DemoServices, tenantId: number | null, username: string, role: Role, tenant: string | null = null): Promise<DemoSignIn> {
  const password = secret();
  const passwordHash = await hashPassword(password);
  await services.accounts.run(async (tx) => {
    const existing = await tx.users.findByUsername(username);
    if (existing) await tx.users.update(existing.id, { passwordHash, disabled: false, role }, Date.now());
    else await tx.users.insert({ tenantId, name: username, username, email: `${username}@demo.invalid`, role, passwordHash }, Date.now());
  });
  return { tenant, username, password, role };
}
