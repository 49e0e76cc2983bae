import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { startCore, type Core } from '../core/app-core';
import { createLogger, type Logger } from '../core/logger';
import { KeyFileSecretBox } from '../secrets/key-file-box';
import { createStaticHandler } from './static-files';
import { attachGateway } from './ws-gateway';
import { bootstrapAdminFromEnv } from '../auth/first-run';

export interface HeadlessOptions {
  port: number;
  host: string;
  dataDir: string;
  rendererDir: string;
  allowedOrigins?: readonly string[];
  log?: Logger;
  /** Where NOC_ADMIN_USERNAME / NOC_ADMIN_PASSWORD are read for the first admin. @defaultValue process.env */
  env?: NodeJS.ProcessEnv;
}

export interface HeadlessHost {
  url: string;
  core: Core;
  close(): Promise<void>;
}

/** The console without Electron: the built renderer over HTTP, the contract over WebSocket. */
export async function startHeadlessHost(options: HeadlessOptions): Promise<HeadlessHost> {
  const log = options.log ?? createLogger();
  const secrets = new KeyFileSecretBox(join(options.dataDir, 'secret.key'));
  const core = await startCore({ dataDir: options.dataDir, host: { kind: 'headless', secrets }, log });
  try {
    await bootstrapAdminFromEnv(core.services, options.env ?? process.env);
  } catch (error) {
    await core.close();
    throw error;
  }
  const serveStatic = createStaticHandler(options.rendererDir);
  const server: Server = createServer((req, res) => {
    serveStatic(req, res).catch((error: unknown) => {
      log.error('http request failed', { url: req.url, error: String(error) });
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  const wss = attachGateway(server, core, { allowedOrigins: options.allowedOrigins ?? [], log });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => resolve());
    });
  } catch (error) {
    await core.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const hostPart = options.host.includes(':') ? `[${options.host}]` : options.host;
  const url = `http://${hostPart}:${port}`;
  log.info('headless host listening', { url });
  return {
    url,
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
