import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Role, Session } from '../auth/session';
import type { InvokeInput, InvokeName } from '../contract';
import { startTestCore, type TestCore } from '../core/test-core';
import { invoker } from '../core/test-invoke';
import { waitForEvent } from '../events/wait-for-event';
import type { RouterLiveStatus, RouterSummary } from '../routers/contract';
import { startSimulatedRouter, type SimulatedRouter } from '../routers/simulator';
import type { PlanSummary } from '../plans/contract';
import type { ProvisioningRun } from './contract';
import type { TemplateInput } from './template-contract';

const as = (role: Role): Session => ({ id: 's', user: { id: 1, username: role, role, tenantId: 1 } });
const admin = as('tenant_admin');

const HOTSPOT_TEMPLATE: TemplateInput = {
  name: 'Hotspot site',
  identity: '{router}-hs',
  timeZone: 'Africa/Nairobi',
  ntpServers: ['pool.ntp.org'],
  hotspot: { interface: 'bridge-hs', bridgePorts: ['ether2', 'ether3'], address: '10.5.50.1/24', poolRanges: '10.5.50.10-10.5.50.250', dnsName: 'login.isp.example', walledGarden: ['pay.example.com', '*.mpesa.example'] },
  pppoe: { interface: 'ether4', serviceName: 'isp', poolName: 'pppoe-pool', poolRanges: '10.20.0.2-10.20.0.254', localAddress: '10.20.0.1', profileName: 'pppoe-default', dnsServers: ['10.20.0.1'] },
};

describe('provisioning templates: plan the difference, apply it step by step, change nothing the second time', () => {
  let core: TestCore;
  let sim: SimulatedRouter;
  let router: RouterSummary;

  const call = <N extends InvokeName>(name: N, input: InvokeInput<N>, session?: Session) => invoker(core.services, admin)(name, input, session);
  const runEnds = (runId: number, states: ReadonlyArray<ProvisioningRun['state']> = ['planned', 'applied', 'failed']) =>
    waitForEvent(core.services.bus, 'tenant.1.provisioning', (e) => (e.payload as ProvisioningRun).id === runId && states.includes((e.payload as ProvisioningRun).state)).then((e) => e.payload as ProvisioningRun);
  const routerIs = (state: RouterLiveStatus['state']) =>
    waitForEvent(core.services.bus, 'tenant.1.routers', (e) => e.name === 'RouterStatusChanged' && (e.payload as { status: RouterLiveStatus }).status.state === state);
  const newTemplate = (template: TemplateInput = HOTSPOT_TEMPLATE) => call('provisioning.createTemplate', { template: template as never });
  /** Plans the template on the router and waits for the plan. */
  const plan_ = async (templateId: number): Promise<ProvisioningRun> => {
    const { runId } = await call('provisioning.plan', { templateId, routerId: router.id });
    return runEnds(runId);
  };
  const apply = async (templateId: number): Promise<ProvisioningRun> => {
    const { runIds } = await call('provisioning.apply', { templateId, routerIds: [router.id] });
    return runEnds(runIds[0]!);
  };

  beforeEach(async () => {
    core = await startTestCore();
    await core.services.accounts.run((tx) => tx.tenants.insert('Tenant One', null, Date.now()));
    sim = await startSimulatedRouter({ name: 'site-7', password: 'sim-pass', clock: 'manual', preset: 'blank' });
    const online = routerIs('online');
    router = (await call('routers.add', { name: 'site-7', host: sim.host, port: sim.port, tls: 'off', username: sim.username, password: 'sim-pass', site: '', notes: '', encoding: 'utf-8' })) as RouterSummary;
    await online;
  });
  afterEach(async () => {
    await core.dispose();
    await sim.stop();
  });

  it('plans every add for a blank router, builds it on apply, and plans nothing the second time', async () => {
    const template = await newTemplate();
    const planned = await plan_(template.id);
    expect(planned).toMatchObject({ state: 'planned', mode: 'plan', blocked: null, unchanged: 0 });
    expect(planned.steps.filter((s) => s.action === 'add').map((s) => s.menu)).toEqual([
      '/interface/bridge', '/interface/bridge/port', '/interface/bridge/port', '/ip/pool', '/ip/address', '/ip/dhcp-server', '/ip/dhcp-server/network', '/ip/hotspot/profile', '/ip/hotspot',
      '/ip/hotspot/walled-garden', '/ip/hotspot/walled-garden', '/ip/firewall/nat', '/ip/pool', '/ppp/profile', '/interface/pppoe-server/server',
    ]);
    expect(planned.steps.filter((s) => s.action === 'set').map((s) => s.label)).toEqual(['identity', 'time zone', 'NTP client']);
    expect(planned.steps.find((s) => s.menu === '/ip/address')!.command).toBe('/ip/address/add address=10.5.50.1/24 interface=bridge-hs');
    // Planning reads only: the router is still blank.
    expect(sim.model.print('/ip/pool')).toEqual([]);

    const progress: number[] = [];
    const off = core.services.bus.on('RouterProvisioningProgress', (p) => progress.push(p.step));
    const applied = await apply(template.id);
    off();
    expect(applied).toMatchObject({ state: 'applied', stepsDone: 18 });
    expect(applied.steps.every((s) => s.status === 'applied')).toBe(true);
    expect(progress).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
    expect(sim.model.get('/ip/hotspot', 'hotspot-bridge-hs')).toMatchObject({ interface: 'bridge-hs', 'address-pool': 'hs-pool-bridge-hs', profile: 'hsprof-bridge-hs' });
    expect(sim.model.get('/ip/hotspot/profile', 'hsprof-bridge-hs')).toMatchObject({ 'dns-name': 'login.isp.example', 'hotspot-address': '10.5.50.1' });
    expect(sim.model.print('/ip/firewall/nat')).toEqual([expect.objectContaining({ chain: 'srcnat', action: 'masquerade', 'src-address': '10.5.50.0/24', comment: `noc-console template ${template.id}` })]);
    expect(sim.model.print('/interface/pppoe-server/server')).toEqual([expect.objectContaining({ interface: 'ether4', 'default-profile': 'pppoe-default', 'service-name': 'isp' })]);
    expect(sim.model.identity()).toBe('site-7-hs');
    expect(sim.model.print('/system/clock')[0]).toMatchObject({ 'time-zone-name': 'Africa/Nairobi' });

    const again = await plan_(template.id);
    expect(again).toMatchObject({ state: 'planned', steps: [], unchanged: 18 });
    const reapplied = await apply(template.id);
    expect(reapplied).toMatchObject({ state: 'applied', steps: [], message: 'nothing to change: the router matches the template' });
    expect(sim.model.print('/ip/pool')).toHaveLength(2);
    expect((await call('provisioning.runs', { routerId: router.id, limit: 10 })).runs.map((r) => `${r.mode}:${r.state}`)).toEqual(['apply:applied', 'plan:planned', 'apply:applied', 'plan:planned']);
  });

  it('plans a change as a set of the fields that differ, and a host taken out of the walled garden as a remove', async () => {
    const template = await newTemplate();
    await apply(template.id);
    sim.model.set('/ip/pool', 'pppoe-pool', { ranges: '10.20.0.2-10.20.0.100' });
    const { id: _id, tenantId: _t, createdAt: _c, updatedAt: _u, ...spec } = template;
    await call('provisioning.updateTemplate', { id: template.id, template: { ...spec, hotspot: { ...spec.hotspot!, walledGarden: ['pay.example.com'] } } });
    const planned = await plan_(template.id);
    expect(planned.steps.map((s) => [s.action, s.label])).toEqual([
      ['set', 'IP pool pppoe-pool'],
      ['remove', 'walled garden *.mpesa.example (no longer in the template)'],
    ]);
    expect(planned.steps[0]!.changes).toEqual([{ field: 'ranges', from: '10.20.0.2-10.20.0.100', to: '10.20.0.2-10.20.0.254' }]);
    expect(planned.steps[0]!.command).toBe('/ip/pool/set [find name=pppoe-pool] ranges=10.20.0.2-10.20.0.254');
    await apply(template.id);
    expect(sim.model.print('/ip/hotspot/walled-garden').map((w) => w['dst-host'])).toEqual(['pay.example.com']);
    expect(sim.model.get('/ip/pool', 'pppoe-pool')).toMatchObject({ ranges: '10.20.0.2-10.20.0.254' });
  });

  it('stops at the first refusal with the router’s words, removes what the run added, and reports the rest as not applied', async () => {
    const template = await newTemplate({ name: 'Wrong port', hotspot: { interface: 'ether9', address: '10.6.0.1/24', poolRanges: '10.6.0.10-10.6.0.200' } });
    const failed = waitForEvent(core.services.bus, 'tenant.1.provisioning', (e) => e.name === 'RouterProvisioningFailed');
    // The job fails for good too (no retry: the router's answer will not change), so staff are told.
    const jobFailed = waitForEvent(core.services.bus, 'tenant.1.jobs', (e) => e.name === 'JobFailed');
    const run = await apply(template.id);
    expect(run.state).toBe('failed');
    expect((await failed).name).toBe('RouterProvisioningFailed');
    expect(run.message).toMatch(/^the router refused step 2 of 7 \(address 10\.6\.0\.1\/24 on ether9\): input does not match any value of interface; 0 step\(s\) applied, 1 added by this run removed again$/);
    expect(run.steps.map((s) => s.status)).toEqual(['undone', 'refused', 'not-applied', 'not-applied', 'not-applied', 'not-applied', 'not-applied']);
    expect(sim.model.print('/ip/pool')).toEqual([]);
    expect((await jobFailed).payload).toMatchObject({ items: [{ name: 'provisioning.run', willRetry: false, lastError: expect.stringContaining('input does not match any value of interface') }] });
  });

  it('refuses to turn off the plain API the console itself uses, sending nothing', async () => {
    const template = await newTemplate({ name: 'Harden', identity: 'hardened', apiHardening: { sslOnly: true, allowedAddresses: ['10.0.0.0/8'] } });
    const planned = await plan_(template.id);
    expect(planned.blocked).toMatch(/the console reaches 'site-7' over the plain API, which this template turns off/);
    const run = await apply(template.id);
    expect(run).toMatchObject({ state: 'failed', stepsDone: 0 });
    expect(sim.model.identity()).not.toBe('hardened');
    expect(sim.model.get('/ip/service', 'api')).toMatchObject({ disabled: 'false' });
  });

  it('a router that drops mid-apply gets a fresh plan when it is back: the rest is built, nothing twice', async () => {
    const template = await newTemplate();
    sim.faults.dropOnCommand('/ip/hotspot/add');
    const { runIds } = await call('provisioning.apply', { templateId: template.id, routerIds: [router.id] });
    const waiting = await runEnds(runIds[0]!, ['waiting']);
    expect(waiting.message).toMatch(/waiting for router 'site-7'/);
    sim.faults.clear();
    const done = await runEnds(runIds[0]!);
    expect(done.state).toBe('applied');
    // The second plan had only what the first pass had not built.
    expect(done.steps.map((s) => s.label)[0]).toBe('hotspot server hotspot-bridge-hs on bridge-hs');
    expect(sim.model.print('/ip/pool')).toHaveLength(2);
    expect(sim.model.print('/ip/address')).toHaveLength(1);
    expect(sim.model.print('/ip/hotspot')).toHaveLength(1);
  });

  it('runs two applies to one router one after the other: the second waits', async () => {
    const template = await newTemplate();
    const states: string[] = [];
    const off = core.services.bus.on('RouterProvisioningPlanned', (r) => states.push(`${r.id}:${r.state}`));
    const first = await call('provisioning.apply', { templateId: template.id, routerIds: [router.id] });
    const second = await call('provisioning.apply', { templateId: template.id, routerIds: [router.id] });
    const [a, b] = await Promise.all([runEnds(first.runIds[0]!), runEnds(second.runIds[0]!)]);
    off();
    expect([a.state, b.state]).toEqual(['applied', 'applied']);
    expect(b.steps).toEqual([]);
    expect(states).toContain(`${second.runIds[0]}:waiting`);
    expect(sim.model.print('/ip/hotspot/walled-garden')).toHaveLength(2);
  });

  it('puts the template’s plan profiles on the router, and the plans then list it as applied', async () => {
    const plan = await call('plans.create', {
      kind: 'pppoe', name: 'Fibre 10M', priceMinor: 150_000, validitySeconds: 30 * 86_400, uptimeLimitSeconds: null, dataLimitBytes: null,
      rateLimit: { uploadBps: 5_000_000, downloadBps: 10_000_000 }, sharedUsers: null, addressPool: 'pppoe-pool', localAddress: '10.20.0.1', expiry: 'disable', expiredProfile: null, routerIds: [],
    });
    const template = await newTemplate({ ...HOTSPOT_TEMPLATE, name: 'With plans', planIds: [plan.id] });
    const planned = await plan_(template.id);
    expect(planned.steps.find((s) => s.label === 'plan profile Fibre 10M')).toMatchObject({ action: 'add', menu: '/ppp/profile' });
    const listed = waitForEvent(core.services.bus, 'tenant.1.plans', (e) => e.name === 'PlanUpdated' && (e.payload as PlanSummary).routers.some((r) => r.routerId === router.id && r.state === 'applied'));
    await apply(template.id);
    await listed;
    expect(sim.model.get('/ppp/profile', 'Fibre 10M')).toMatchObject({ 'rate-limit': '5M/10M', 'remote-address': 'pppoe-pool' });
    expect((await call('plans.list', {})).plans[0]!.routerIds).toEqual([router.id]);
    expect((await plan_(template.id)).steps).toEqual([]);
  });

  it('keeps templates to their tenant and checks what it is given', async () => {
    const template = await newTemplate();
    await core.services.accounts.run((tx) => tx.tenants.insert('Tenant Two', null, Date.now()));
    const other: Session = { id: 'o', user: { id: 2, username: 'other', role: 'tenant_admin', tenantId: 2 } };
    await expect(call('provisioning.plan', { templateId: template.id, routerId: router.id }, other)).rejects.toMatchObject({ error: { code: 'not_found' } });
    expect((await call('provisioning.templates', {}, other)).templates).toEqual([]);
    expect((await call('provisioning.runs', {}, other)).runs).toEqual([]);
    await plan_(template.id);
    const root: Session = { id: 'r', user: { id: 9, username: 'root', role: 'system_admin', tenantId: null } };
    expect((await call('provisioning.runs', { tenantId: 2 }, root)).runs).toEqual([]);
    expect((await call('provisioning.runs', { tenantId: 1 }, root)).runs).toHaveLength(1);
    await expect(call('provisioning.createTemplate', { template: { name: 'Bad', hotspot: { interface: 'ether2', address: '10.5.50.1/24', poolRanges: '10.9.0.2-10.9.0.9' } } as never })).rejects.toMatchObject({
      error: { code: 'invalid_input' },
    });
    await expect(newTemplate()).rejects.toMatchObject({ error: { code: 'conflict' } });
    await expect(call('provisioning.apply', { templateId: template.id, routerIds: [router.id] }, as('viewer'))).rejects.toMatchObject({ error: { code: 'forbidden' } });
  });
});
