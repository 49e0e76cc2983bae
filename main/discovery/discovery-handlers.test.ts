import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../auth/session';
import { canSubscribe } from '../auth/permissions';
import { startTestCore, type TestCore } from '../core/test-core';
import { invoker, InvokeRefused } from '../core/test-invoke';
import { configureDiscovery, discoveryOf } from './discovery-registry';

const as = (role: 'operator' | 'viewer' | 'tenant_admin'): Session => ({ id: `s-${role}`, user: { id: 1, username: role, role, tenantId: 3 } });

describe('discovery through the contract', () => {
  let core: TestCore | null;
  beforeEach(async () => {
    core = await startTestCore();
    configureDiscovery(core.services, { port: 0, address: '127.0.0.1' });
  });
  afterEach(() => core?.dispose());

  it('lets operators watch and unwatch, and closing the core closes the port', async () => {
    const invoke = invoker(core!.services, as('operator'));
    const snapshot = await invoke('discovery.watch', {});
    expect(snapshot).toMatchObject({ listening: true, error: null, devices: [] });
    expect(snapshot.port).toBeGreaterThan(0);
    expect(await invoke('discovery.unwatch', {})).toEqual({ wasWatching: true });
    expect(discoveryOf(core!.services).listening().listening).toBe(false);
    await invoke('discovery.watch', {});
    const service = discoveryOf(core!.services);
    await core!.dispose();
    core = null;
    // Closing removes the listeners, and with them the open port.
    await service.close();
    expect(service.listening().listening).toBe(false);
  });

  it('refuses viewers, and only operators and admins may follow the discovery topic', async () => {
    const refused = await invoker(core!.services, as('viewer'))('discovery.watch', {}).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(InvokeRefused);
    expect((refused as InvokeRefused).error.code).toBe('forbidden');
    const channel = { scope: 'tenant' as const, tenantId: 3, topic: 'discovery' };
    expect(canSubscribe(as('viewer'), channel)).toBe(false);
    expect(canSubscribe(as('operator'), channel)).toBe(true);
    expect(canSubscribe(as('tenant_admin'), { ...channel, tenantId: 4 })).toBe(false);
  });
});
