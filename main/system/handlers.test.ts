import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatchInvoke } from '../core/dispatch';
import { startTestCore, type TestCore } from '../core/test-core';
import type { Session } from '../auth/session';

const admin: Session = { id: 'a', user: { id: 1, username: 'root', role: 'system_admin', tenantId: null } };
const tenantAdmin: Session = { id: 't', user: { id: 2, username: 'tina', role: 'tenant_admin', tenantId: 1 } };

describe('system invokes', () => {
  let core: TestCore;
  beforeEach(async () => (core = await startTestCore()));
  afterEach(() => core.dispose());

  it('gives system admins the backend’s memory and event-loop lag, and starts a new window on reset', async () => {
    const first = await dispatchInvoke(core.services, admin, 'system.metrics', { reset: true });
    expect(first).toMatchObject({ ok: true, data: { rssBytes: expect.any(Number), eventLoopLag: { p99: expect.any(Number) } } });
    const second = await dispatchInvoke(core.services, admin, 'system.metrics', {});
    if (!first.ok || !second.ok) throw new Error('metrics failed');
    expect(Date.parse((second.data as { sinceReset: string }).sinceReset)).toBeGreaterThanOrEqual(Date.parse((first.data as { sinceReset: string }).sinceReset));
    expect(await dispatchInvoke(core.services, tenantAdmin, 'system.metrics', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('names the data folder to system admins only, and never in the event anyone connected follows', async () => {
    const forAdmin = await dispatchInvoke(core.services, admin, 'system.status', {});
    expect(forAdmin).toMatchObject({ ok: true, data: { dataDir: core.services.dataDir } });
    for (const session of [tenantAdmin, { id: 'anon', user: null }]) {
      const reply = await dispatchInvoke(core.services, session, 'system.status', {});
      if (!reply.ok) throw new Error(reply.error.message);
      expect(reply.data).not.toHaveProperty('dataDir');
      expect(reply.data).toMatchObject({ schemaVersion: expect.any(Number) });
    }
    const pushed: unknown[] = [];
    core.services.bus.subscribe('app.status', (event) => pushed.push(event.payload));
    core.services.status.clientAttached();
    expect(pushed).toHaveLength(1);
    expect(JSON.stringify(pushed)).not.toContain(core.services.dataDir);
  });
});
