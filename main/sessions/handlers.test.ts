import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatchInvoke } from '../core/dispatch';
import { startTestCore, type TestCore } from '../core/test-core';
import type { Role, Session } from '../auth/session';
import type { PppoeSession } from './contract';

const as = (role: Role, tenantId: number | null): Session => ({ id: 's', user: { id: 1, username: role, role, tenantId } });
const pppoe = (routerId: number, id: string): PppoeSession => ({
  key: `${routerId}:${id}`, routerId, routerName: 'r', id, name: 'cust001', service: 'pppoe', callerId: 'B0:A7:B9:00:00:01',
  address: '10.20.0.55', uptimeSeconds: 5, bytesIn: 1, bytesOut: 2, rateIn: 0, rateOut: 0,
});

describe('session list invokes', () => {
  let core: TestCore;
  beforeEach(async () => (core = await startTestCore()));
  afterEach(() => core.dispose());

  it('return only the caller’s tenant, whatever tenant id the input names', async () => {
    core.services.sessions.applyPppoe(1, { started: [pppoe(3, '*1')], updated: [], ended: [] });
    core.services.sessions.applyPppoe(2, { started: [pppoe(4, '*9')], updated: [], ended: [] });
    const forged = await dispatchInvoke(core.services, as('viewer', 2), 'sessions.pppoe.list', { tenantId: 1 });
    expect(forged).toMatchObject({ ok: true, data: { sessions: [{ key: '4:*9' }] } });
    const admin = await dispatchInvoke(core.services, as('system_admin', null), 'sessions.pppoe.list', { tenantId: 1 });
    expect(admin).toMatchObject({ ok: true, data: { seq: 1, sessions: [{ key: '3:*1' }] } });
    expect(await dispatchInvoke(core.services, as('system_admin', null), 'sessions.pppoe.list', {})).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('audits a disconnect when it is queued, with the router and the login masked where it is a phone number', async () => {
    core.services.sessions.applyPppoe(1, { started: [{ ...pppoe(3, '*1'), name: '0712345678', routerName: 'north-02' }], updated: [], ended: [] });
    const queued = await dispatchInvoke(core.services, as('operator', 1), 'sessions.pppoe.disconnect', { key: '3:*1' });
    expect(queued).toMatchObject({ ok: true });
    const [entry] = await core.services.accounts.read((tx) => tx.audit.list({ tenantId: 1 }, { limit: 5 }));
    expect(entry).toMatchObject({
      action: 'session.disconnect_requested',
      tenantId: 1,
      actorUsername: 'operator',
      targetType: 'session',
      targetLabel: '0712***678',
      details: { kind: 'pppoe', router: 'north-02', jobId: (queued as { data: { jobId: number } }).data.jobId },
    });
    expect(await dispatchInvoke(core.services, as('operator', 1), 'sessions.pppoe.disconnect', { key: '3:*404' })).toMatchObject({ ok: false });
    expect(await core.services.accounts.read((tx) => tx.audit.list({ tenantId: 1 }, { limit: 5 }))).toHaveLength(1);
  });
});
