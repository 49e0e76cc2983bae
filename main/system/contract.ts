import { z } from 'zod';
import { defineEvent, defineInvoke } from '../contract/define';

export type HostKind = 'electron' | 'headless';

/** What the About/Status view shows about the running console. */
export interface SystemStatus {
  version: string;
  host: HostKind;
  dataDir: string;
  schemaVersion: number;
  startedAt: string;
  uptimeSeconds: number;
  /** Clients (windows or WebSocket connections) attached to this backend right now. */
  connections: number;
}

export const systemInvokes = {
  'system.status': defineInvoke<SystemStatus>()({
    input: z.object({}).strict(),
    summary: 'Version, data folder, schema version, uptime and attached clients of the backend.',
  }),
};

export const systemEvents = {
  SystemStatusChanged: defineEvent<SystemStatus>()({
    scope: 'app',
    topic: 'status',
    summary: 'Pushed whenever a field of the system status other than uptime changes.',
  }),
};
