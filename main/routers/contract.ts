import { z } from 'zod';
import { defineEvent, defineInvoke } from '../contract/define';

export const ROUTER_ENCODINGS = ['utf-8', 'win1252', 'win1250', 'win1251', 'iso-8859-1', 'iso-8859-2', 'gbk', 'big5', 'shift_jis'] as const;
export type RouterEncoding = (typeof ROUTER_ENCODINGS)[number];

/**
 * How the console secures a router's API connection. `verify-ca`: api-ssl, the certificate must
 * chain to the CA given for the router and name its address. `pin`: api-ssl, the certificate seen
 * on first connect is remembered and any other is refused until an admin accepts it.
 * `anonymous`: api-ssl without a certificate (anonymous Diffie-Hellman): encrypted, but anyone on
 * the path can pose as the router. `off`: plain API, readable on the wire.
 */
export const ROUTER_TLS_MODES = ['off', 'verify-ca', 'pin', 'anonymous'] as const;
export type RouterTlsMode = (typeof ROUTER_TLS_MODES)[number];

/** How each mode is named wherever a person chooses or reads it. */
export const ROUTER_TLS_LABELS: Record<RouterTlsMode, string> = {
  off: 'Off: plain API, not encrypted',
  'verify-ca': 'Verified: certificate signed by our CA',
  pin: 'Pinned: certificate remembered on first connect',
  anonymous: 'Anonymous DH: encrypted, not authenticated',
};

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
  tls: RouterTlsMode;
  /** `verify-ca`: the CA certificate (PEM) the router's certificate must chain to; '' otherwise. */
  tlsCa: string;
  /** `pin`: SHA-256 fingerprint of the pinned certificate (`AB:CD:…`), null until first connect. */
  tlsFingerprint: string | null;
  /** `pin`: a different certificate the router now presents, refused until an admin accepts it. */
  tlsOfferedFingerprint: string | null;
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

const PEM_CERTIFICATE = /^-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----$/;
/** SHA-256 as RouterOS prints it (64 hex digits) or as browsers and Node do (`AB:CD:…`). */
const FINGERPRINT = /^([0-9a-fA-F]{2}:?){31}[0-9a-fA-F]{2}$/;

const routerFields = {
  name: z.string().trim().min(1, 'give the router a name').max(64, 'at most 64 characters'),
  host,
  port: z.number().int().min(1).max(65535),
  tls: z.enum(ROUTER_TLS_MODES),
  tlsCa: z
    .string()
    .trim()
    .max(20_000, 'at most 20,000 characters: paste only the CA certificate')
    .refine((v) => v === '' || PEM_CERTIFICATE.test(v), 'paste the CA certificate in PEM form (-----BEGIN CERTIFICATE----- …)'),
  username: z.string().trim().min(1, 'enter the API user').max(64),
  site: z.string().trim().max(120),
  notes: z.string().max(2000),
  encoding: z.enum(ROUTER_ENCODINGS),
};

/** The console logs in with it: an API user without a password is an open door, so none is stored. */
const routerPassword = z.string().min(1, 'enter the API user’s password').max(256, 'at most 256 characters');

const caRequired = (value: { tls?: RouterTlsMode; tlsCa?: string }, ctx: z.RefinementCtx) => {
  if (value.tls === 'verify-ca' && value.tlsCa === '') ctx.addIssue({ code: 'custom', path: ['tlsCa'], message: 'paste the CA certificate that signed the router’s certificate' });
};

export const routerAddInput = z
  .object({
    ...routerFields,
    tlsCa: routerFields.tlsCa.default(''),
    password: routerPassword,
    /** Only system admins choose; everyone else adds to their own tenant. */
    tenantId: z.number().int().positive().optional(),
  })
  .strict()
  .superRefine(caRequired);

/** The settings that decide where the stored password is sent: changing one needs it again. */
export const ROUTER_ENDPOINT_FIELDS = ['host', 'port', 'username', 'tls', 'tlsCa'] as const;

export type RouterEndpointField = (typeof ROUTER_ENDPOINT_FIELDS)[number];

/** The endpoint fields `changes` would alter: the form asks for the password again, the handler refuses without it. */
export function changedEndpointFields(current: Pick<RouterSummary, RouterEndpointField>, changes: Partial<Pick<RouterSummary, RouterEndpointField>>): RouterEndpointField[] {
  return ROUTER_ENDPOINT_FIELDS.filter((field) => changes[field] !== undefined && changes[field] !== current[field]);
}

export const routerUpdateInput = z
  .object(routerFields)
  .partial()
  .extend({
    id: z.number().int().positive(),
    /** Omitted: keep the stored password (refused when an endpoint field changes). */
    password: routerPassword.optional(),
  })
  .strict()
  .superRefine(caRequired);

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
  'routers.acceptCertificate': defineInvoke<RouterSummary>()({
    input: z
      .object({
        id: z.number().int().positive(),
        fingerprint: z.string().trim().regex(FINGERPRINT, 'the SHA-256 fingerprint: 64 hex digits, with or without colons'),
      })
      .strict(),
    summary: 'Admins: trusts the new certificate a pinned router presents (its fingerprint, as shown) and connects again.',
  }),
  'routers.remove': defineInvoke<{ id: number }>()({ input: byId, summary: 'Removes a router and stops watching it.' }),
  'routers.test': defineInvoke<{ jobId: number }>()({
    input: byId,
    summary: 'Queues a connection test of the saved settings (login, identity, resources); RouterTested reports the outcome.',
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
    summary:
      'A router went online, degraded, offline or auth-failed (also: its stored password cannot be decrypted here, or its TLS certificate changed), or its resource figures changed.',
  }),
};
