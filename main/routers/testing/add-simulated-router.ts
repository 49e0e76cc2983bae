import type { Session } from '../../auth/session';
import { invoker } from '../../core/test-invoke';
import { waitForEvent } from '../../events/wait-for-event';
import type { RouterLiveStatus, RouterSummary } from '../contract';
import type { SimulatedRouter } from '../simulator';

/**
 * Adds a simulator as a router of the session's tenant through the real `routers.add` (given the
 * services the real dispatch takes) and resolves once its status satisfies `ready` (default:
 * online), e.g. once the resource poll has reported memory.
 */
export async function addSimulatedRouter(
  services: Parameters<typeof invoker>[0],
  session: Session,
  sim: SimulatedRouter,
  ready: (status: RouterLiveStatus) => boolean = (s) => s.state === 'online',
): Promise<RouterSummary> {
  const tenantId = session.user!.tenantId!;
  const reached = waitForEvent(services.bus, `tenant.${tenantId}.routers`, (e) => e.name === 'RouterStatusChanged' && ready((e.payload as { status: RouterLiveStatus }).status));
  const router = await invoker(services, session)('routers.add', {
    name: sim.name, host: sim.host, port: sim.port, tls: 'off', username: sim.username, password: sim.password, site: '', notes: '', encoding: 'utf-8',
  });
  await reached;
  return router;
}
