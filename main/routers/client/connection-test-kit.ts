import { afterEach, expect } from 'vitest';
import { createLogger } from '../../core/logger';
import { startSimulatedRouter, type SimulatedRouter, type SimulatedRouterOptions } from '../simulator';
import type { RouterConnectionOptions, RouterEndpoint } from './connection-options';
import { RouterConnection } from './router-connection';

/**
 * Simulated routers (manual clock, password `password`) and connections for one test file, all
 * stopped after each test; the test then also fails if the password reached a log line (the
 * connections log at debug level). Call at the top of the file.
 */
export function useConnectionKit(password: string) {
  const routers: SimulatedRouter[] = [];
  const connections: RouterConnection[] = [];
  const logLines: string[] = [];
  const logger = createLogger((line) => logLines.push(line), 'debug');
  afterEach(async () => {
    for (const c of connections.splice(0)) await c.stop();
    for (const r of routers.splice(0)) await r.stop();
    expect(logLines.join('\n')).not.toContain(password);
    logLines.length = 0;
  });
  return {
    async router(options: SimulatedRouterOptions = {}): Promise<SimulatedRouter> {
      const router = await startSimulatedRouter({ clock: 'manual', password, ...options });
      routers.push(router);
      return router;
    },
    /** A connection (not started) that is stopped after the test. */
    connection(endpoint: RouterEndpoint, options: RouterConnectionOptions = {}): RouterConnection {
      const conn = new RouterConnection(endpoint, { logger, ...options });
      connections.push(conn);
      return conn;
    },
  };
}
