import { afterEach } from 'vitest';
import { startSimulatedRouter } from './simulated-router';
import type { SimulatedRouter, SimulatedRouterOptions } from './types';
import { WireTestClient } from './wire-test-client';

/**
 * Per-test routers and clients on a manual clock, all closed after each test. Call
 * `useSimulator()` at the top of a test file.
 */
export function useSimulator() {
  const routers: SimulatedRouter[] = [];
  const clients: WireTestClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await Promise.all(routers.splice(0).map((r) => r.stop()));
  });
  return {
    async router(options: SimulatedRouterOptions = {}): Promise<SimulatedRouter> {
      const r = await startSimulatedRouter({ clock: 'manual', seed: 7, ...options });
      routers.push(r);
      return r;
    },
    async client(router: SimulatedRouter, login = true): Promise<WireTestClient> {
      const c = await WireTestClient.connect(router.port, { tls: router.tls, encoding: router.encoding });
      clients.push(c);
      if (login) await c.login(router.username, router.password);
      return c;
    },
  };
}
