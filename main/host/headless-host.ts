import { createServer, type Server } from 'node:http';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:https';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { startCore, type Core } from '../core/app-core';
import { createLogger, type Logger } from '../core/logger';
import type { InvokeLimitOptions } from '../connection/invoke-limits';
import { KeyFileSecretBox } from '../secrets/key-file-box';
import { createStaticHandler } from './static-files';
import { paymentWebhookRoute } from './payment-webhook-route';
import { attachGateway } from './ws-gateway';
import { bootstrapAdminFromEnv } from '../auth/first-run';
import { AllowedHosts } from './allowed-hosts';
import { DEFAULT_SEND_BUFFER_LIMITS, type SendBufferLimits } from './bounded-sender';
import { DEFAULT_CONNECTION_CAP, type ConnectionCapLimits } from './connection-cap';
import type { RateLimit } from '../connection/invoke-limits';
import { resolveServerTls, type TlsChoice } from './server-tls';
import { HealthCheck } from './health-check';
import { consoleMetrics } from './console-metrics';
import { metricsAccess } from './ops-access';
import { opsRoutes } from './ops-routes';
import { apiRoutes, DEFAULT_API_LIMIT } from './api-routes';

export interface HeadlessOptions {
  port: number;
  host: string;
  dataDir: string;
  rendererDir: string;
  allowedOrigins?: readonly string[];
  /** Host names served besides the bound address and localhost (`--allow-host`). */
  allowedHosts?: readonly string[];
  /** Caps on WebSocket clients, total and per address. @defaultValue DEFAULT_CONNECTION_CAP */
  connectionCap?: Partial<ConnectionCapLimits>;
  /** Bounds on a slow client's send buffer. @defaultValue DEFAULT_SEND_BUFFER_LIMITS */
  sendBuffer?: Partial<SendBufferLimits>;
  /** Rate limits on invokes and sign-ins. @defaultValue DEFAULT_INVOKE_LIMITS */
  invokeLimits?: Partial<InvokeLimitOptions>;
  log?: Logger;
  /** Where NOC_ADMIN_USERNAME / NOC_ADMIN_PASSWORD are read for the first admin. @defaultValue process.env */
  env?: NodeJS.ProcessEnv;
  /** HTTPS and WSS (server-tls.ts). @defaultValue 'auto': plain HTTP on loopback, a self-signed certificate elsewhere */
  tls?: TlsChoice;
  /** Bearer token for /metrics from anywhere; null: /metrics answers loopback only. @defaultValue null */
  metricsToken?: string | null;
  /** HTTP API requests per remote address. @defaultValue DEFAULT_API_LIMIT (as sign-ins per address) */
  apiLimit?: RateLimit;
  /** Router shard worker file (tests make a shard die with one of their own). */
  routerShardWorker?: string;
}

export interface HeadlessHost {
  /** `http://…` or, with TLS, `https://…`. */
  url: string;
  /** SHA-256 fingerprint of the served certificate (`AB:CD:…`), null without TLS. */
  fingerprint: string | null;
  /** Lines for the person who started it (a new certificate, names it does not cover). */
  notes: string[];
  core: Core;
  close(): Promise<void>;
}

const MISDIRECTED =
  'Misdirected Request: this console does not answer to that host name. Open it by its address or localhost, ' +
  'or start it with --allow-host NAME to admit the name.\n';

/** The console without Electron: the built renderer over HTTP, the contract over WebSocket. */
export async function startHeadlessHost(options: HeadlessOptions): Promise<HeadlessHost> {
  const log = options.log ?? createLogger();
  const secrets = new KeyFileSecretBox(join(options.dataDir, 'secret.key'));
  // Before the core: a bad certificate file is refused without touching the store.
  const tls = await resolveServerTls({ tls: options.tls ?? 'auto', host: options.host, dataDir: options.dataDir, allowedHosts: options.allowedHosts ?? [] });
  const core = await startCore({
    dataDir: options.dataDir,
    host: { kind: 'headless', secrets },
    log,
    invokeLimits: options.invokeLimits,
    routerShardWorker: options.routerShardWorker,
  });
  try {
    await bootstrapAdminFromEnv(core.services, options.env ?? process.env);
  } catch (error) {
    await core.close();
    throw error;
  }
  // Handlers are attached once the port is known: the allowed Host names include it. Nothing is
  // served in between (connections are handled on later turns of the event loop).
  const server: Server | TlsServer = tls ? createTlsServer({ cert: tls.cert, key: tls.key }) : createServer();
  let allowed: AllowedHosts;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => resolve());
    });
    allowed = new AllowedHosts({
      boundHost: options.host,
      port: (server.address() as AddressInfo).port,
      extraHosts: options.allowedHosts ?? [],
      extraOrigins: options.allowedOrigins ?? [],
      defaultPort: tls ? 443 : 80,
    });
  } catch (error) {
    server.close();
    await core.close();
    throw error;
  }
  const serveStatic = createStaticHandler(options.rendererDir);
  const servePaymentWebhook = paymentWebhookRoute(core.services, log);
  const serveApi = apiRoutes(core, log, options.apiLimit ?? DEFAULT_API_LIMIT);
  const wss = attachGateway(server, core, {
    allowed,
    connectionCap: { ...DEFAULT_CONNECTION_CAP, ...options.connectionCap },
    sendBuffer: { ...DEFAULT_SEND_BUFFER_LIMITS, ...options.sendBuffer },
    log,
  });
  const serveOps = opsRoutes({
    health: new HealthCheck(core.services),
    metrics: consoleMetrics(core.services, () => wss.clients.size),
    mayReadMetrics: metricsAccess(options.metricsToken ?? null),
    log,
  });
  server.on('request', (req, res) => {
    if (!allowed.hostAllowed(req.headers.host)) {
      log.warn('http request refused: host name not allowed (see --allow-host)', { host: req.headers.host });
      res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' }).end(MISDIRECTED);
      return;
    }
    if (serveOps(req, res) || serveApi(req, res) || servePaymentWebhook(req, res)) return;
    serveStatic(req, res).catch((error: unknown) => {
      log.error('http request failed', { url: req.url, error: String(error) });
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  const { port } = server.address() as AddressInfo;
  const hostPart = options.host.includes(':') ? `[${options.host}]` : options.host;
  const url = `${tls ? 'https' : 'http'}://${hostPart}:${port}`;
  log.info('headless host listening', { url, fingerprint: tls?.fingerprint ?? null });
  return {
    url,
    fingerprint: tls?.fingerprint ?? null,
    notes: tls?.notes ?? [],
    core,
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await core.close();
    },
  };
}
