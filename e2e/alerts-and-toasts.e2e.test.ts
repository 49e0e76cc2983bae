import { createServer } from 'node:net';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../main/auth/session';
import { dispatchInvoke } from '../main/core/dispatch';
import { waitForEvent } from '../main/events/wait-for-event';
import { WsTestClient } from '../main/host/ws-test-client';
import type { RouterLiveStatus, RouterSummary } from '../main/routers/contract';
import { startSimulatedRouter, type SimulatedRouter } from '../main/routers/simulator';
import { chromiumForBlock } from './fixtures/browser';
import { HostProcess } from './fixtures/host-process';
import type { LiveConsole, LiveTenant } from './fixtures/live-console';
import { liveConsoleAsSystemAdmin, SYSTEM_ADMIN } from './fixtures/system-admin';
import { signIn } from './fixtures/sign-in';

/** A loopback port nothing listens on: a router there is offline (connection refused). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const routerSettings = (name: string, port: number) => ({ name, host: '127.0.0.1', port, tls: 'off', username: 'api', password: 'api-pw-1', site: 'E2E', notes: '', encoding: 'utf-8' });
const toast = (page: Page, text: string | RegExp) => page.locator('[data-testid="toast"]', { hasText: text });
const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

describe('alerts, toasts and the audit log in Chromium, against simulated routers', () => {
  const fixture = liveConsoleAsSystemAdmin();
  let live: LiveConsole;
  beforeEach(() => {
    live = fixture.live();
  });

  const open = async (username: string, password: string, view: string): Promise<Page> => {
    const page = await (await fixture.browser().newContext()).newPage();
    await page.goto(`${live.url}/#/${view}`);
    await signIn(page, username, password);
    return page;
  };
  const sessionOf = (tenant: LiveTenant): Session => ({ id: `e2e-alerts-${tenant.id}`, user: { id: 1, username: tenant.admin.username, role: 'tenant_admin', tenantId: tenant.id } });
  /** Adds a router on a port nothing answers and waits until the console calls it offline. */
  const addDeadRouter = async (tenant: LiveTenant, name: string): Promise<RouterSummary> => {
    const offline = waitForEvent(live.services.bus, `tenant.${tenant.id}.routers`, (e) => (e.payload as { status?: RouterLiveStatus }).status?.state === 'offline', 30_000);
    const added = await dispatchInvoke(live.services, sessionOf(tenant), 'routers.add', routerSettings(name, await closedPort()));
    if (!added.ok) throw new Error(added.error.message);
    await offline;
    return added.data as RouterSummary;
  };

  it('traps focus in the Disconnect dialog, gives it back to the opener, and answers the disconnect with a toast and an audit row', async () => {
    const { a } = live;
    const id = a.sim.model.addHotspotSession({ user: 'hs0001', address: '10.5.50.77' });
    const key = `${a.router.id}:${id}`;
    const page = await open(a.admin.username, a.admin.password, 'online-users');
    const opener = page.getByTestId(`hotspot-disconnect-${key}`);
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('hotspot-confirm');
    await dialog.waitFor();
    expect(await focusedTestId(page)).toBe('hotspot-confirm-cancel');
    const visited = new Set<string | null>();
    for (const key of ['Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
      await page.keyboard.press(key);
      expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
      visited.add(await focusedTestId(page));
    }
    expect([...visited].sort()).toEqual(['hotspot-confirm-cancel', 'hotspot-confirm-confirm']);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await opener.evaluate((el) => el === document.activeElement)).toBe(true);

    await opener.click();
    await page.getByTestId('hotspot-confirm-confirm').click();
    await toast(page, `hs0001 disconnected from ${a.sim.name}`).waitFor({ timeout: 20_000 });
    expect(a.sim.model.hotspotSessionIds()).not.toContain(id);

    await page.getByTestId('nav-users').click();
    const row = page.getByTestId('audit-session.disconnect_requested');
    await row.waitFor();
    expect(await row.textContent()).toContain(`${a.admin.username}: disconnect requested — hs0001`);
    expect((await live.services.accounts.read((tx) => tx.audit.list({ tenantId: a.id }, { limit: 20 }))).find((e) => e.action === 'session.disconnect_requested')).toMatchObject({
      tenantId: a.id,
      actorUsername: a.admin.username,
      targetType: 'session',
      targetLabel: 'hs0001',
      details: { kind: 'hotspot', router: a.sim.name },
    });
  });

  it('answers a failed router test and a removal with toasts, and audits router add, edit, test and remove', async () => {
    const { a } = live;
    const raw = await WsTestClient.connect(live.url);
    let edge: RouterSummary;
    try {
      expect(await raw.invoke('auth.signIn', a.admin)).toMatchObject({ ok: true });
      const added = await raw.invoke('routers.add', routerSettings('alpha-edge-9', await closedPort()));
      edge = (added as { data: RouterSummary }).data;
      expect(await raw.invoke('routers.update', { id: edge.id, site: 'Depot' })).toMatchObject({ ok: true });
    } finally {
      await raw.close();
    }
    const page = await open(a.admin.username, a.admin.password, 'routers');
    await a.sim.stop();
    await page.locator(`[data-testid="router-row-${a.router.id}"][data-state="offline"]`).waitFor({ timeout: 20_000 });
    await page.getByTestId(`router-test-${a.router.id}`).click();
    await toast(page, `test of ${a.sim.name} failed:`).waitFor({ timeout: 30_000 });
    expect(await toast(page, `test of ${a.sim.name} failed:`).getAttribute('data-tone')).toBe('bad');

    await page.getByTestId(`router-remove-${edge.id}`).click();
    await page.getByTestId('router-remove-confirm-confirm').click();
    await toast(page, 'alpha-edge-9 removed').waitFor();
    await page.getByTestId(`router-row-${edge.id}`).waitFor({ state: 'detached' });

    await page.getByTestId('nav-users').click();
    for (const [action, text] of [
      ['router.added', 'router added — alpha-edge-9'],
      ['router.updated', 'router changed — alpha-edge-9'],
      ['router.removed', 'router removed — alpha-edge-9'],
      ['router.test_requested', `router connection test started — ${a.sim.name}`],
    ] as const) {
      const row = page.getByTestId(`audit-${action}`).first();
      await row.waitFor();
      expect(await row.textContent(), action).toContain(`${a.admin.username}: ${text}`);
    }
    const entries = (await live.services.accounts.read((tx) => tx.audit.list({ tenantId: a.id }, { limit: 50 }))).filter((e) => e.targetType === 'router');
    expect(entries.every((e) => e.tenantId === a.id && e.actorUsername === a.admin.username)).toBe(true);
  });

  it('turns the routers card red and lists down routers first with their tenant, each linking to its router', async () => {
    const { a, b, services } = live;
    const dead = await addDeadRouter(a, 'alpha-dead-1');
    await b.sim.stop();
    const page = await open(SYSTEM_ADMIN.username, SYSTEM_ADMIN.password, 'dashboard');
    await page.locator('[data-testid="dashboard-routers-online"]', { hasText: '1 / 3' }).waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('dashboard-routers-online-card').getAttribute('data-tone')).toBe('bad');
    // A busy router is a warning: it comes after every router that is down.
    services.routerStatus.update(a.router.id, { cpuLoad: 97 });
    services.dashboard.markDirty(a.id);
    await page.getByTestId(`dashboard-alert-cpu-high-${a.router.id}`).waitFor({ timeout: 10_000 });
    const lines = await page.locator('[data-testid="dashboard-alerts"] > li').evaluateAll((items) => items.map((li) => [li.getAttribute('data-severity'), li.textContent]));
    expect(lines.map(([severity]) => severity)).toEqual(['down', 'down', 'warning']);
    expect(lines[0]![1]).toMatch(/^alpha-dead-1offline: unreachable at .*Alpha Netsince \d/);
    expect(lines[1]![1]).toContain('Bravo Net');
    expect(lines[0]![1]!.split('alpha-dead-1')).toHaveLength(2);

    await page.getByTestId(`dashboard-alert-router-offline-${dead.id}`).getByRole('link', { name: 'alpha-dead-1' }).click();
    const linked = page.locator(`[data-testid="router-row-${dead.id}"].row-linked`);
    await linked.waitFor();
    // Down routers first in the Routers list too: alpha-dead-1 before alpha-core-1.
    expect(await page.locator('[data-testid="routers-table"] tbody tr').first().getAttribute('data-testid')).toBe(`router-row-${dead.id}`);
  });
});

describe('stale state while the host is unreachable', () => {
  const ROOT = { username: 'root', password: 'Console-admin-pw-1' };
  const ADMIN = { username: 'gamma-admin', password: 'Str0ng-enough-pw-7' };
  const browser = chromiumForBlock();
  let host: HostProcess;
  let sim: SimulatedRouter;

  beforeEach(async () => {
    host = await HostProcess.start([], { NOC_ADMIN_USERNAME: ROOT.username, NOC_ADMIN_PASSWORD: ROOT.password });
    sim = await startSimulatedRouter({ name: 'gamma-core-1', password: 'gamma-api-pw', hotspotSessions: 2, pppoeSessions: 1 });
  });
  afterEach(async () => {
    await host.dispose();
    await sim.stop();
  });

  it('dims tables, shows a banner and disables actions until the view is current again', async () => {
    const raw = await WsTestClient.connect(host.url);
    try {
      expect(await raw.invoke('auth.signIn', ROOT)).toMatchObject({ ok: true });
      await raw.subscribe('system.tenants');
      const registered = await raw.invoke('tenants.register', {
        tenant_name: 'Gamma Net', admin_name: 'Gamma Admin', admin_username: ADMIN.username, admin_email: 'gamma@e2e.example',
        admin_password: ADMIN.password, admin_password_confirmation: ADMIN.password, accept_terms: true,
      });
      expect(registered, JSON.stringify(registered)).toMatchObject({ ok: true });
      const created = await raw.next((m) => m.type === 'event' && m.name === 'TenantCreated', 20_000);
      const tenantId = ((created as { payload: { tenant: { id: number } } }).payload).tenant.id;
      const added = await raw.invoke('routers.add', { ...routerSettings(sim.name, sim.port), host: sim.host, username: sim.username, password: sim.password, tenantId });
      expect(added).toMatchObject({ ok: true });
    } finally {
      await raw.close();
    }

    const page = await browser().newPage();
    try {
      await page.goto(`${host.url}/#/routers`);
      await signIn(page, ADMIN.username, ADMIN.password);
      const test = page.locator('[data-testid^="router-test-"]').first();
      await test.waitFor();
      expect(await test.isEnabled()).toBe(true);
      expect(await page.getByTestId('stale-banner').count()).toBe(0);

      await host.stop();
      const banner = page.getByTestId('stale-banner');
      await banner.waitFor();
      expect(await banner.textContent()).toContain('unreachable');
      expect(await test.isDisabled()).toBe(true);
      expect(await page.locator('[data-testid^="router-remove-"]').first().isDisabled()).toBe(true);
      expect(await page.getByTestId('routers-add').isDisabled()).toBe(true);
      expect(Number(await page.getByTestId('routers-table').evaluate((t) => getComputedStyle(t).opacity))).toBeLessThan(1);

      await host.launch();
      await banner.waitFor({ state: 'detached', timeout: 20_000 });
      expect(await test.isEnabled()).toBe(true);
      expect(Number(await page.getByTestId('routers-table').evaluate((t) => getComputedStyle(t).opacity))).toBe(1);
    } finally {
      await page.close();
    }
  });
});
