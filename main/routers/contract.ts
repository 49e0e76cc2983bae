import { z } from 'zod';
import { defineEvent, defineInvoke } from '../contract/define';

export const ROUTER_ENCODINGS = ['utf-8', 'win1252', 'win1250', 'win1251', 'iso-8859-1', 'iso-8859-2', 'gbk', 'big5', 'shift_jis'] as const;
export type RouterEncoding = (typeof ROUTER_ENCODINGS)[number];

export type RouterState = 'unknown' | 'connecting' | 'online' | 'degraded' | 'offline' | 'auth-failed';

/** What the console last learned from the router itself. */
export interface RouterLiveStatus {
  state: RouterState;
  identity: string | null;
  board: string | null;
  version: string | null;
  uptimeSeconds: number | null;
  cpuLoad: number | null;
  memoryUsedPercent: number | null;
  lastSeenAt: string | null;
  /** Why the router is not online, in words an operator can act on. */
  lastError: string | null;
}

/** A router as the renderer sees it: never its password. */
export interface RouterSummary {
  id: number;
  tenantId: number;
  name: string;
  host: string;
  port: number;
  tls: boolean;
  username: string;
  hasPassword: boolean;
  site: string;
  notes: string;
  encoding: RouterEncoding;
  createdAt: string;
  updatedAt: string;
  status: RouterLiveStatus;
}

const HOSTNAME = /^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
const host = z
  .string()
  .trim()
  .min(1, 'enter the router’s address')
  .refine((v) => z.ipv4().safeParse(v).success || z.ipv6().safeParse(v).success || HOSTNAME.test(v), 'not an IP address or host name');

const routerFields = {
  name: z.string().trim().min(1, 'give the router a name').max(64, 'at most 64 characters'),
  host,
  port: z.number().int().min(1).max(65535),
  tls: z.boolean(),
  username: z.string().trim().min(1, 'enter the API user').max(64),
  site: z.string().trim().max(120),
  notes: z.string().max(2000),
  encoding: z.enum(ROUTER_ENCODINGS),
};

export const routerAddInput = z
  .object({
    ...routerFields,
    password: z.string().max(256),
    /** Only system admins choose; everyone else adds to their own tenant. */
    tenantId: z.number().int().positive().optional(),
  })
  .strict();

export const routerUpdateInput = z
  .object(routerFields)
  .partial()
  .extend({
    id: z.number().int().positive(),
    /** Omitted: keep the stored password. */
    password: z.string().max(256).optional(),
  })
  .strict();

const byId = z.object({ id: z.number().int().positive() }).strict();

export const routerInvokes = {
  'routers.list': defineInvoke<RouterSummary[]>()({
    input: z.object({ tenantId: z.number().int().positive().optional() }).strict(),
    summary: 'Routers of the caller’s tenant (system admins: all, or one tenant’s) with live status.',
  }),
  'routers.add': defineInvoke<RouterSummary>()({
    input: routerAddInput,
    summary: 'Adds a router; its password is encrypted at rest and never returned.',
  }),
  'routers.update': defineInvoke<RouterSummary>()({
    input: routerUpdateInput,
    summary: 'Changes a router’s settings; a new password replaces the stored one.',
  }),
  'routers.remove': defineInvoke<{ id: number }>()({ input: byId, summary: 'Removes a router and stops watching it.' }),
  'routers.test': defineInvoke<{ jobId: number }>()({
    input: byId,
    summary: 'Queues a connection test (login, identity, resources); RouterTested reports the outcome.',
  }),
};

/** Outcome of a connection test, in words an operator can act on. */
export interface RouterTestOutcome {
  id: number;
  ok: boolean;
  message: string;
  latencyMs: number | null;
  identity: string | null;
  version: string | null;
}

export const routerEvents = {
  RouterAdded: defineEvent<RouterSummary>()({ scope: 'tenant', topic: 'routers', summary: 'A router was added.' }),
  RouterUpdated: defineEvent<RouterSummary>()({ scope: 'tenant', topic: 'routers', summary: 'A router’s settings changed.' }),
  RouterRemoved: defineEvent<{ id: number }>()({ scope: 'tenant', topic: 'routers', summary: 'A router was removed.' }),
  RouterTested: defineEvent<RouterTestOutcome>()({ scope: 'tenant', topic: 'routers', summary: 'A connection test finished.' }),
  RouterStatusChanged: defineEvent<{ id: number; status: RouterLiveStatus }>()({
    scope: 'tenant',
    topic: 'routers',
    summary: 'A router went online, degraded, offline or auth-failed, or its resource figures changed.',
  }),
};
