import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatchInvoke } from '../core/dispatch';
import { startTestCore, type TestCore } from '../core/test-core';
import { waitForEvent } from '../events/wait-for-event';
import type { Session } from '../auth/session';
import { startSimulatedRouter, type SimulatedRouter } from './simulator';
import { makeTestPki } from './simulator/test-certificates';
import type { RouterDraftTestOutcome } from './draft-test-contract';

const operator: Session = { id: 'operator', user: { id: 2, username: 'otto', role: 'operator', tenantId: 1 } };
const viewer: Session = { id: 'viewer', user: { id: 3, username: 'vera', role: 'viewer', tenantId: 1 } };
const pki = makeTestPki();

/** Test connection before saving: the settings as typed reach the router, nothing reaches the store. */
describe('routers.testDraft', () => {
  let core: TestCore;
  let sim: SimulatedRouter;
  const draft = (overrides: Record<string, unknown> = {}) => ({ name: 'edge-1', host: sim.host, port: sim.port, tls: 'off', username: sim.username, password: 'sim-pass', site: '', notes: '', encoding: 'utf-8', ...overrides });
  const run = async (input: Record<string, unknown>): Promise<RouterDraftTestOutcome> => {
    const reply = await dispatchInvoke(core.services, operator, 'routers.testDraft', input);
    if (!reply.ok) throw new Error(reply.error.message);
    const { jobId } = reply.data as { jobId: number };
    const event = await waitForEvent(core.services.bus, 'tenant.1.routers', (e) => e.name === 'RouterDraftTested' && (e.payload as RouterDraftTestOutcome).jobId === jobId, 20_000);
    return event.payload as RouterDraftTestOutcome;
  };

  beforeEach(async () => {
    core = await startTestCore();
    sim = await startSimulatedRouter({ name: 'edge-1', password: 'sim-pass', clock: 'manual' });
  });
  afterEach(async () => {
    await core.dispose();
    await sim.stop();
  });

  it('logs in with the typed settings and stores neither the router nor its password', async () => {
    const outcome = await run(draft());
    expect(outcome).toMatchObject({ ok: true, message: expect.stringMatching(/^logged in to edge-1/), fingerprint: null });
    expect(await core.services.accounts.read((tx) => tx.routers.list(1))).toEqual([]);
    const rows = core.db.prepare<[], { payload: string }>("SELECT payload FROM jobs WHERE name = 'routers.test-draft'").all();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.payload).not.toContain('sim-pass');
  });

  it('says why a wrong password fails, and reads the certificate a pinned router would be pinned to', async () => {
    expect(await run(draft({ password: 'wrong' }))).toMatchObject({ ok: false, message: expect.stringMatching(/login|password|refused/i) });
    await sim.stop();
    sim = await startSimulatedRouter({ name: 'edge-1', password: 'sim-pass', certificate: pki.issue('127.0.0.1'), clock: 'manual' });
    expect(await run(draft({ tls: 'pin' }))).toMatchObject({ ok: true, fingerprint: expect.stringMatching(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/) });
  });

  it('is for those who may add routers, and needs a password like adding does', async () => {
    expect(await dispatchInvoke(core.services, viewer, 'routers.testDraft', draft())).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await dispatchInvoke(core.services, operator, 'routers.testDraft', draft({ password: '' }))).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
