import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatchInvoke } from '../core/dispatch';
import { startTestCore, type TestCore } from '../core/test-core';
import type { Role, Session } from '../auth/session';
import type { BusEvent } from '../events/event-bus';
import type { AccountsTx } from '../accounts/accounts-tx';

const as = (role: Role, tenantId: number | null, id = 1): Session => ({ id: `s-${role}-${tenantId}`, user: { id, username: role, role, tenantId } });
const hq = { name: 'hq-1', host: '127.0.0.1', port: 9, tls: 'off', username: 'api', password: 'S3cret!', site: 'HQ', notes: '', encoding: 'utf-8' };

describe('routers domain', () => {
  let core: TestCore;
  const call = (session: Session, name: string, input: unknown) => dispatchInvoke(core.services, session, name, input);
  const routers = <T>(work: (tx: AccountsTx['routers']) => Promise<T>) => core.services.accounts.read((tx) => work(tx.routers));
  const password = (id: number) => routers((r) => r.password(id));
  beforeEach(async () => (core = await startTestCore()));
  afterEach(() => core.dispose());

  it('adds a router with its password sealed at rest and never returned', async () => {
    const result = await call(as('tenant_admin', 1), 'routers.add', hq);
    expect(result).toMatchObject({ ok: true, data: { name: 'hq-1', tenantId: 1, hasPassword: true, status: { state: 'unknown' } } });
    expect(JSON.stringify(result)).not.toContain('S3cret!');
    const row = core.db.prepare('SELECT * FROM routers').get() as Record<string, unknown>;
    expect(JSON.stringify(row)).not.toContain('S3cret!');
    expect(await password((result as { data: { id: number } }).data.id)).toBe('S3cret!');
  });

  it('validates fields and refuses a duplicate name in the same tenant only', async () => {
    const bad = await call(as('tenant_admin', 1), 'routers.add', { ...hq, host: 'not a host!', port: 70000 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(JSON.stringify(bad)).toMatch(/host/);
    expect(JSON.stringify(bad)).toMatch(/port/);
    await call(as('tenant_admin', 1), 'routers.add', hq);
    expect(await call(as('tenant_admin', 1), 'routers.add', { ...hq, name: 'HQ-1' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', details: { fields: { name: expect.any(String) } } },
    });
    expect(await call(as('tenant_admin', 2), 'routers.add', hq)).toMatchObject({ ok: true });
    expect(await routers((r) => r.list(null))).toHaveLength(2);
  });

  it('keeps tenants apart, whatever tenant id a payload claims', async () => {
    const added = (await call(as('operator', 1), 'routers.add', hq)) as { ok: true; data: { id: number } };
    const id = added.data.id;
    const b = as('tenant_admin', 2);
    expect(await call(b, 'routers.list', {})).toEqual({ ok: true, data: [] });
    expect(await call(b, 'routers.list', { tenantId: 1 })).toEqual({ ok: true, data: [] });
    expect(await call(b, 'routers.update', { id, host: '127.0.0.2' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await call(b, 'routers.remove', { id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await call(b, 'routers.add', { ...hq, tenantId: 1 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await routers((r) => r.get(null, id))).toMatchObject({ host: '127.0.0.1', tenantId: 1 });
    expect(await call(as('system_admin', null), 'routers.list', { tenantId: 1 })).toMatchObject({ ok: true, data: [{ id }] });
  });

  it('refuses a system admin’s router for a tenant that does not exist, storing nothing', async () => {
    expect(await call(as('system_admin', null), 'routers.add', { ...hq, tenantId: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await routers((r) => r.list(null))).toEqual([]);
  });

  it('lets viewers read but not change, and anonymous sessions do nothing', async () => {
    await call(as('tenant_admin', 1), 'routers.add', hq);
    expect(await call(as('viewer', 1), 'routers.list', {})).toMatchObject({ ok: true, data: [{ name: 'hq-1' }] });
    expect(await call(as('viewer', 1), 'routers.add', { ...hq, name: 'x' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call({ id: 'anon', user: null }, 'routers.list', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('updates keep the stored password unless a new one is given, and publish on the tenant channel', async () => {
    const events: BusEvent[] = [];
    core.services.bus.subscribe('tenant.1.routers', (e) => events.push(e));
    core.services.bus.subscribe('tenant.2.routers', (e) => events.push(e));
    const admin = as('tenant_admin', 1);
    const { data } = (await call(admin, 'routers.add', hq)) as { data: { id: number } };
    await call(admin, 'routers.update', { id: data.id, site: 'Depot' });
    expect(await password(data.id)).toBe('S3cret!');
    await call(admin, 'routers.update', { id: data.id, password: 'new-one' });
    expect(await password(data.id)).toBe('new-one');
    await call(admin, 'routers.remove', { id: data.id });
    // Status changes of the (unreachable) router come on the same channel; only CRUD events are counted.
    const crud = events.filter((e) => e.name !== 'RouterStatusChanged');
    expect(crud.map((e) => [e.channel, e.name])).toEqual([
      ['tenant.1.routers', 'RouterAdded'],
      ['tenant.1.routers', 'RouterUpdated'],
      ['tenant.1.routers', 'RouterUpdated'],
      ['tenant.1.routers', 'RouterRemoved'],
    ]);
  });

  it('needs the password again to move a router, and the store drops it rather than send it to a new endpoint', async () => {
    const admin = as('tenant_admin', 1);
    const { data } = (await call(admin, 'routers.add', hq)) as { data: { id: number } };
    expect(await call(admin, 'routers.update', { id: data.id, port: 8729, username: 'api' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', details: { fields: { password: 'enter the password again to change the router’s port' } } },
    });
    // Same values are no change; other fields need no password.
    expect(await call(admin, 'routers.update', { id: data.id, host: '127.0.0.1', port: 9, site: 'Depot' })).toMatchObject({ ok: true, data: { site: 'Depot', hasPassword: true } });
    expect(await password(data.id)).toBe('S3cret!');
    // Code that bypasses the handler still cannot carry the stored password along.
    await core.services.accounts.run((tx) => tx.routers.update(1, data.id, { host: '10.9.9.9' }, undefined, new Date()));
    expect(await routers((r) => r.get(1, data.id))).toMatchObject({ host: '10.9.9.9', hasPassword: false });
    expect(await password(data.id)).toBe('');
  });

  it('audits add, edit, test and remove with the actor, tenant and router, and a refused change not at all', async () => {
    const recorded: BusEvent[] = [];
    core.services.bus.subscribe('tenant.1.audit', (e) => recorded.push(e));
    const admin = as('tenant_admin', 1, 7);
    const { data } = (await call(admin, 'routers.add', hq)) as { data: { id: number } };
    await call(admin, 'routers.add', hq);
    await call(admin, 'routers.update', { id: data.id, site: 'Depot', password: 'other' });
    const test = (await call(admin, 'routers.test', { id: data.id })) as { data: { jobId: number } };
    await call(admin, 'routers.remove', { id: data.id });
    await call(admin, 'routers.remove', { id: data.id });
    const entries = (await core.services.accounts.read((tx) => tx.audit.list({ tenantId: 1 }, { limit: 10 }))).reverse();
    expect(entries.map((e) => [e.action, e.actorUserId, e.actorUsername, e.targetType, e.targetId, e.targetLabel])).toEqual([
      ['router.added', 7, 'tenant_admin', 'router', data.id, 'hq-1'],
      ['router.updated', 7, 'tenant_admin', 'router', data.id, 'hq-1'],
      ['router.test_requested', 7, 'tenant_admin', 'router', data.id, 'hq-1'],
      ['router.removed', 7, 'tenant_admin', 'router', data.id, 'hq-1'],
    ]);
    expect(entries[1]!.details).toEqual({ fields: ['site', 'password'] });
    expect(entries[2]!.details).toEqual({ jobId: test.data.jobId });
    expect(JSON.stringify(entries)).not.toContain('S3cret!');
    expect(recorded.map((e) => (e.payload as { action: string }).action)).toEqual(entries.map((e) => e.action));
  });
});
