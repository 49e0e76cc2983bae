import { z } from 'zod';
import { defineEvent, defineInvoke } from '../contract/define';

export type HostKind = 'electron' | 'headless';

/** What the About/Status view shows about the running console. */
export interface SystemStatus {
  version: string;
  host: HostKind;
  /** Where the store lives on the backend's machine: only for system admins (it names a user's home). */
  dataDir?: string;
  schemaVersion: number;
  startedAt: string;
  uptimeSeconds: number;
  /** Clients (windows or WebSocket connections) attached to this backend right now. */
  connections: number;
}

/** How the backend process itself is doing (system admins; benchmarks read it too). */
export interface SystemMetrics {
  rssBytes: number;
  heapUsedBytes: number;
  /** Main-thread event-loop lag since the last reset, in milliseconds (how late a timer ran). */
  eventLoopLag: { p50: number; p99: number; max: number };
  sinceReset: string;
  /** Router shard workers that died and were started again since the backend started (goal: 0). */
  routerShardRestarts: number;
}

export const systemInvokes = {
  'system.metrics': defineInvoke<SystemMetrics>()({
    input: z.object({ reset: z.boolean().default(false) }).strict(),
    summary: 'Memory and main-thread event-loop lag of the backend; `reset` starts a new measuring window.',
  }),
  'system.status': defineInvoke<SystemStatus>()({
    input: z.object({}).strict(),
    summary: 'Version, schema version, uptime and attached clients of the backend; the data folder too for system admins.',
  }),
};

export const systemEvents = {
  SystemStatusChanged: defineEvent<SystemStatus>()({
    scope: 'app',
    topic: 'status',
    summary: 'Pushed whenever a field of the system status other than uptime changes (never with the data folder: anyone connected follows app.status).',
  }),
};
