import { randomInt } from 'node:crypto';
import net from 'node:net';
import tls from 'node:tls';
import { ApiConnection, type ConnectionHost } from './api-connection';
import { FaultState } from './fault-state';
import { SimRouterModel } from './model/router-model';
import { joinSharedTicker } from './shared-ticker';
import type { RosVersion, SimCertificate, SimulatedRouter, SimulatedRouterOptions, TextEncoding } from './types';

/**
 * Anonymous-DH only, like api-ssl on a router without a certificate. TLS 1.3 has no anonymous
 * suites, hence the 1.2 cap; OpenSSL 3 needs security level 0 for aNULL.
 */
const ADH_CIPHERS = 'ADH-AES256-GCM-SHA384:ADH-AES128-GCM-SHA256:ADH-AES256-SHA256:ADH-AES128-SHA256:ADH-AES256-SHA:ADH-AES128-SHA:@SECLEVEL=0';

class SimRouter implements SimulatedRouter, ConnectionHost {
  name: string;
  readonly host: string;
  port: number;
  readonly username: string;
  readonly password: string;
  readonly version: RosVersion;
  readonly tls: boolean;
  readonly encoding: TextEncoding;
  readonly loginMethod: 'plain' | 'challenge';
  readonly maxCommandsBeforeLogin: number;
  readonly replyLatencyMs: number;
  readonly model: SimRouterModel;
  readonly faults: FaultState;
  private certificate: SimCertificate | undefined;
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  private readonly open = new Set<ApiConnection>();
  private readonly watchers = new Set<() => void>();
  private leaveTicker: (() => void) | undefined;

  constructor(options: SimulatedRouterOptions, private readonly manualClock: boolean) {
    this.host = options.host ?? '127.0.0.1';
    this.port = options.port ?? 0;
    // Without a name the router is called after its port, known once it listens (see start).
    this.name = options.name ?? (this.port ? `sim-${this.port}` : '');
    this.username = options.username ?? 'admin';
    this.password = options.password ?? 'admin';
    this.version = options.version ?? '7.18';
    this.certificate = options.certificate;
    this.tls = options.tls ?? options.certificate !== undefined;
    this.encoding = options.encoding ?? 'utf-8';
    this.loginMethod = options.loginMethod ?? 'plain';
    this.maxCommandsBeforeLogin = options.maxCommandsBeforeLogin ?? 10;
    this.replyLatencyMs = Math.max(0, options.replyLatencyMs ?? 0);
    this.model = new SimRouterModel({
      version: this.version,
      identity: this.name || 'MikroTik',
      seed: options.seed ?? (this.port || randomInt(1, 2 ** 31)),
      hotspotSessions: options.hotspotSessions ?? 0,
      pppoeSessions: options.pppoeSessions ?? 0,
      churnPerMinute: options.churnPerMinute ?? 0,
      voucherLoginsPerMinute: options.voucherLoginsPerMinute ?? 0,
      preset: options.preset ?? 'isp',
      ethernetPorts: options.ethernetPorts,
      bootTime: options.bootTime ?? new Date(Date.now() - (options.upForMs ?? 0)),
      upForMs: options.upForMs,
    });
    this.faults = new FaultState(() => this.open);
  }

  connections(): number {
    return this.open.size;
  }

  waitForConnections(predicate: (count: number) => boolean): Promise<void> {
    if (predicate(this.open.size)) return Promise.resolve();
    return new Promise((resolve) => {
      const check = () => {
        if (predicate(this.open.size)) {
          this.watchers.delete(check);
          resolve();
        }
      };
      this.watchers.add(check);
    });
  }

  connectionClosed(conn: ApiConnection): void {
    if (this.open.delete(conn)) this.notify();
  }

  async start(): Promise<void> {
    if (this.server) return;
    const server = !this.tls
      ? net.createServer()
      : this.certificate
        ? tls.createServer({ ...this.certificate, minVersion: 'TLSv1.2' })
        : tls.createServer({ ciphers: ADH_CIPHERS, dhparam: 'auto', minVersion: 'TLSv1', maxVersion: 'TLSv1.2' });
    server.on('connection', (socket: net.Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      // A reset before the handshake finishes must not become an unhandled error.
      socket.on('error', () => socket.destroy());
    });
    const accept = (socket: net.Socket) => {
      this.open.add(new ApiConnection(socket, this));
      this.notify();
    };
    if (this.tls) server.on('secureConnection', accept);
    else server.on('connection', accept);
    server.on('tlsClientError', () => undefined);
    server.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ port: this.port, host: this.host, exclusive: true }, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
    if (this.name === '') {
      this.name = `sim-${this.port}`;
      this.model.setIdentity(this.name);
    }
    if (!this.manualClock && !this.leaveTicker) this.leaveTicker = joinSharedTicker(this.model);
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    this.leaveTicker?.();
    this.leaveTicker = undefined;
    for (const conn of [...this.open]) conn.destroy();
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  replaceCertificate(certificate: SimCertificate): void {
    if (!this.certificate) throw new Error(`simulated router ${this.name} has no certificate to replace: start it with one`);
    this.certificate = certificate;
    (this.server as tls.Server | undefined)?.setSecureContext(certificate);
  }

  async restart(): Promise<void> {
    await this.stop();
    this.model.reboot();
    await this.start();
  }

  private notify(): void {
    for (const w of [...this.watchers]) w();
  }
}

export async function startSimulatedRouter(options: SimulatedRouterOptions = {}): Promise<SimulatedRouter> {
  const router = new SimRouter(options, options.clock === 'manual');
  await router.start();
  return router;
}
