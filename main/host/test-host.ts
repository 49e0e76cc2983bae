import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../core/logger';
import { startHeadlessHost, type HeadlessHost, type HeadlessOptions } from './headless-host';
import { WsTestClient } from './ws-test-client';

export interface TestHost {
  host: HeadlessHost;
  port: number;
  /** Opens a protocol client (closed by dispose). */
  connect(headers?: Record<string, string>, options?: { localAddress?: string; ca?: string }): Promise<WsTestClient>;
  /** Closes the clients and the host, and removes its folder. */
  dispose(): Promise<void>;
}

/**
 * A real headless host on 127.0.0.1 and a free port, over a fresh data folder with a stub
 * renderer page, for the host's own tests. No first admin unless `env` provides one.
 */
export async function startTestHost(options: Partial<HeadlessOptions> = {}): Promise<TestHost> {
  const dir = mkdtempSync(join(tmpdir(), 'noc-host-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>NOC</title>');
  const host = await startHeadlessHost({
    port: 0,
    host: '127.0.0.1',
    dataDir: join(dir, 'data'),
    rendererDir,
    log: silentLogger,
    env: {},
    ...options,
  });
  const clients: WsTestClient[] = [];
  return {
    host,
    port: Number(new URL(host.url).port),
    async connect(headers = {}, connectOptions = {}) {
      const client = await WsTestClient.connect(host.url, headers, connectOptions);
      clients.push(client);
      return client;
    },
    async dispose() {
      for (const client of clients) client.socket.terminate();
      await host.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
