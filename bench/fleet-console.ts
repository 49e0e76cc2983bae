import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { createInterface } from 'node:readline';
import { HostProcess } from '../e2e/fixtures/host-process';
import type { DashboardUpdate } from '../main/dashboard/contract';
import type { RouterLiveStatus } from '../main/routers/contract';
import { connectRpc, mustSucceed, type WsRpc } from './ws-rpc';

/**
 * What the load benches share (live, soak): a simulator fleet in its own process and the built
 * headless host in its own, with a bench tenant whose admin added every router through the
 * real `routers.add` invoke, all online and their sessions loaded before measuring starts.
 */
export interface FleetShape {
  routers: number;
  hotspot: number;
  pppoe: number;
  churnPerMinute: number;
}

export interface Fleet {
  child: ChildProcess;
  ports: number[];
  password: string;
  stop(): Promise<void>;
}

/** `extraArgs`: more simulator options (`--preset blank`, `--reply-latency-ms 5`). */
export async function startFleet(s: FleetShape, basePort: number, extraArgs: readonly string[] = []): Promise<Fleet> {
  const password = `bench-${process.pid}`;
  const cli = new URL('../main/routers/simulator/cli.ts', import.meta.url).pathname;
  const child = fork(
    cli,
    ['--routers', String(s.routers), '--base-port', String(basePort), '--hotspot', String(s.hotspot), '--pppoe', String(s.pppoe), '--churn', String(s.churnPerMinute), '--password', password, ...extraArgs],
    { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'pipe', 'inherit', 'ipc'] },
  );
  // The fleet stands in for routers that live on their own hardware: on this 2-core machine it
  // yields the CPU to the console, so the figures measure the console and not the scheduler.
  os.setPriority(child.pid!, 10);
  const ports: number[] = [];
  for await (const line of createInterface({ input: child.stdout! })) {
    ports.push((JSON.parse(line) as { port: number }).port);
    if (ports.length === s.routers) break;
  }
  return {
    child,
    ports,
    password,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

/** Resolves when `check` holds after some event (bounded, so a broken setup fails the bench). */
export function until(rpc: WsRpc, check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`bench setup: ${what} did not happen within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    const off = rpc.onEvent(() => {
      if (!check()) return;
      clearTimeout(timer);
      off();
      resolve();
    });
  });
}

/** Resident memory of another process, from /proc (Linux), in bytes. */
export function rssOf(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : 0;
}

export function requireBuiltHost(bench: string): void {
  if (!existsSync(new URL('../out/main/serve.js', import.meta.url))) {
    throw new Error(`the ${bench} bench runs the built console: run \`npm run build\` first`);
  }
}

export interface BenchConsole {
  host: HostProcess;
  /** Signed in as the system admin, subscribed to the tenant's routers and dashboard. */
  rpc: WsRpc;
  tenantId: number;
  /** The tenant admin the measuring clients sign in as. */
  admin: { username: string; password: string };
  /** Adds a router to the tenant through `routers.add`. */
  addRouter(name: string, port: number, password: string): Promise<void>;
  /** Routers of the tenant online, and sessions on its dashboard, as the last events said. */
  online(): number;
  sessions(): number;
  /** Waits until `routers` routers are online and the dashboard counts at least `sessions` sessions. */
  loaded(routers: number, sessions: number): Promise<void>;
  close(): Promise<void>;
}

/** The built host on a fresh folder with a system admin from the environment and a registered bench tenant. */
export async function startBenchConsole(): Promise<BenchConsole> {
  const root = { username: 'bench-root', password: `Load-${process.pid}-Check-9` };
  const admin = { username: 'bench-admin', password: `Tenant-${process.pid}-Check-9` };
  const host = await HostProcess.start([], { NOC_ADMIN_USERNAME: root.username, NOC_ADMIN_PASSWORD: root.password, NOC_LOG_LEVEL: 'error' });
  let rpc: WsRpc | null = null;
  try {
    rpc = await connectRpc(host.url);
    const control = rpc;
    await mustSucceed('root sign-in', control.invoke('auth.signIn', root));
    await mustSucceed('subscribe system.tenants', control.subscribe('system.tenants'));
    let tenantId = 0;
    // The setter listens first, so the waiter's check sees the id set by the same event.
    control.onEvent((_c, name, payload) => {
      if (name === 'TenantCreated') tenantId = (payload as { tenant: { id: number } }).tenant.id;
    });
    const created = until(control, () => tenantId > 0, 60_000, 'tenant registration');
    await mustSucceed(
      'tenants.register',
      control.invoke('tenants.register', {
        tenant_name: 'Bench ISP', admin_name: 'Bench Admin', admin_username: admin.username, admin_email: 'bench@bench.example',
        admin_password: admin.password, admin_password_confirmation: admin.password, accept_terms: true,
      }),
    );
    await created;

    const states = new Map<number, RouterLiveStatus['state']>();
    let sessions = 0;
    control.onEvent((_c, name, payload) => {
      if (name === 'RouterStatusChanged') states.set((payload as { id: number }).id, (payload as { status: RouterLiveStatus }).status.state);
      if (name === 'DashboardStatsUpdated') sessions = (payload as DashboardUpdate).stats.hotspotOnline + (payload as DashboardUpdate).stats.pppoeOnline;
    });
    const online = () => [...states.values()].filter((st) => st === 'online').length;
    await mustSucceed('subscribe routers', control.subscribe(`tenant.${tenantId}.routers`));
    await mustSucceed('subscribe dashboard', control.subscribe(`tenant.${tenantId}.dashboard`));
    return {
      host,
      rpc: control,
      tenantId,
      admin,
      addRouter: async (name, port, password) => {
        const input = { tenantId, name, host: '127.0.0.1', port, tls: 'off', username: 'admin', password, site: '', notes: '', encoding: 'utf-8' };
        let reply = await control.invoke('routers.add', input);
        // 1,000 routers is more than one connection may add per window: wait as the refusal says.
        while (!reply.ok && reply.error?.code === 'rate_limited') {
          await new Promise((resolve) => setTimeout(resolve, reply.error?.details?.retryAfterMs ?? 1000));
          reply = await control.invoke('routers.add', input);
        }
        await mustSucceed(`routers.add ${name}`, Promise.resolve(reply));
      },
      online,
      sessions: () => sessions,
      async loaded(routers, expected) {
        await until(control, () => online() === routers, 180_000, `${routers} routers online`);
        await until(control, () => sessions >= expected, 180_000, 'sessions loaded');
      },
      async close() {
        control.close();
        await host.dispose();
      },
    };
  } catch (error) {
    rpc?.close();
    await host.dispose();
    throw error;
  }
}
