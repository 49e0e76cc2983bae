import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '../../auth/session';
import { TEST_PASSWORD, seedTenant, seedUser } from '../../auth/test-accounts';
import type { ServerMessage } from '../../contract/protocol';
import type { Core } from '../../core/app-core';
import { silentLogger, type Logger } from '../../core/logger';

/**
 * A real headless host on a fresh data folder with one tenant, for attack tests over its
 * WebSocket: accounts are seeded in the store (cheap hashes), clients sign in over the wire.
 * The test hands in the host and its client (main/host): the layer rule lets only test files
 * import a host, and this helper is part of the core.
 */
export interface HostParts<C extends WireClient> {
  startHeadlessHost(options: { port: number; host: string; dataDir: string; rendererDir: string; log: Logger; env: Record<string, string> }): Promise<{ url: string; core: Core; close(): Promise<void> }>;
  connect(url: string): Promise<C>;
}

/** What the helper needs of a protocol client (main/host/ws-test-client.ts). */
export interface WireClient {
  invoke(name: string, input: unknown): Promise<ServerMessage>;
  next(match: (message: ServerMessage) => boolean, timeoutMs?: number): Promise<ServerMessage>;
  close(): Promise<void>;
}

export interface WsTenant<C extends WireClient> {
  core: Core;
  tenantId: number;
  /** Seeds an account of the tenant (a system admin: no tenant); its password is TEST_PASSWORD. */
  seed(username: string, role: Role): Promise<{ id: number }>;
  connect(): Promise<C>;
  signIn(username: string, password?: string): Promise<{ client: C; token: string }>;
  /** The first job event (a batch) of a channel matching, already received or to come. */
  eventOn(client: C, channel: string, name: string, match?: (batch: JobBatchPayload) => boolean): Promise<ServerMessage & { type: 'event' }>;
  close(): Promise<void>;
}

type JobBatchPayload = { items: Array<{ id: number; willRetry?: boolean }> };

export function data<T>(message: ServerMessage): T {
  if (message.type !== 'result' || !message.ok) throw new Error(`expected a successful result, got ${JSON.stringify(message)}`);
  return message.data as T;
}

export const errorOf = (message: ServerMessage) => (message.type === 'result' && !message.ok ? message.error : null);

export async function startWsTenant<C extends WireClient>(prefix: string, parts: HostParts<C>): Promise<WsTenant<C>> {
  const dir = mkdtempSync(join(tmpdir(), `noc-${prefix}-`));
  mkdirSync(join(dir, 'renderer'));
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html>');
  const host = await parts.startHeadlessHost({ port: 0, host: '127.0.0.1', dataDir: join(dir, 'data'), rendererDir: join(dir, 'renderer'), log: silentLogger, env: {} });
  const services = host.core.services;
  const tenantId = (await seedTenant(services, 'Acme Net')).id;
  const clients: C[] = [];
  const connect = async () => {
    const client = await parts.connect(host.url);
    clients.push(client);
    return client;
  };
  return {
    core: host.core,
    tenantId,
    seed: (username, role) => seedUser(services, { username, role, tenantId: role === 'system_admin' ? null : tenantId }),
    connect,
    async signIn(username, password = TEST_PASSWORD) {
      const client = await connect();
      const { token } = data<{ token: string }>(await client.invoke('auth.signIn', { username, password }));
      return { client, token };
    },
    eventOn: (client, channel, name, match = () => true) =>
      client.next((m) => m.type === 'event' && m.channel === channel && m.name === name && match(m.payload as JobBatchPayload), 10_000) as Promise<ServerMessage & { type: 'event' }>,
    async close() {
      await Promise.all(clients.map((c) => c.close()));
      await host.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
