import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WsTestClient } from '../main/host/ws-test-client';
import { launchChromium } from './fixtures/browser';
import { startLiveConsole, type LiveConsole, type LiveTenant } from './fixtures/live-console';
import { signIn } from './fixtures/sign-in';
import { recordSentMessages } from './fixtures/ws-frames';

describe('live NOC in Chromium, against simulated routers', () => {
  let browser: Browser;
  let live: LiveConsole;
  let context: BrowserContext;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });
  beforeEach(async () => {
    live = await startLiveConsole();
    context = await browser.newContext();
  });
  afterEach(async () => {
    await context.close();
    await live.dispose();
  });

  const open = async (tenant: LiveTenant, view: string): Promise<Page> => {
    const page = await context.newPage();
    await page.goto(`${live.url}/#/${view}`);
    await signIn(page, tenant.admin.username, tenant.admin.password);
    return page;
  };
  const key = (tenant: LiveTenant, id: string) => `${tenant.router.id}:${id}`;
  const count = (page: Page, testId: string, value: number) => page.locator(`[data-testid="${testId}"]`, { hasText: new RegExp(`^${value}$`) }).waitFor({ timeout: 20_000 });

  it('shows a session started on a router in Online Users and on the Dashboard, and drops it when it ends', async () => {
    const { a } = live;
    const page = await open(a, 'online-users');
    await count(page, 'hotspot-count', 3);
    const id = a.sim.model.addHotspotSession({ user: 'walk-in-42', address: '10.5.50.42' });
    const row = page.getByTestId(`hotspot-row-${key(a, id)}`);
    await row.waitFor();
    expect(await row.textContent()).toContain('walk-in-42');
    await count(page, 'hotspot-count', 4);

    await page.getByTestId('nav-dashboard').click();
    await page.locator('[data-testid="dashboard-hotspot-online"]', { hasText: '4' }).waitFor({ timeout: 20_000 });
    a.sim.model.removeHotspotSession(id);
    await page.locator('[data-testid="dashboard-hotspot-online"]', { hasText: '3' }).waitFor({ timeout: 20_000 });

    await page.getByTestId('nav-online-users').click();
    await count(page, 'hotspot-count', 3);
    expect(await page.getByTestId(`hotspot-row-${key(a, id)}`).count()).toBe(0);
  });

  it('shows PPPoE sessions live and disconnects one on the router from the UI', async () => {
    const { a } = live;
    const page = await open(a, 'pppoe-sessions');
    await count(page, 'pppoe-count', 2);
    const id = a.sim.model.addPppSession({ name: 'cust-e2e' });
    await page.getByTestId(`pppoe-row-${key(a, id)}`).waitFor();
    await count(page, 'pppoe-count', 3);

    await page.getByTestId(`pppoe-disconnect-${key(a, id)}`).click();
    await page.getByTestId('pppoe-confirm-confirm').click();
    // The row goes when the router confirms the session ended, not before.
    await page.getByTestId(`pppoe-row-${key(a, id)}`).waitFor({ state: 'detached', timeout: 20_000 });
    expect(a.sim.model.pppSessionIds()).not.toContain(id);
    await count(page, 'pppoe-count', 2);
  });

  it('disconnects a hotspot user from the UI', async () => {
    const { a } = live;
    const page = await open(a, 'online-users');
    const [id] = a.sim.model.hotspotSessionIds();
    await page.getByTestId(`hotspot-disconnect-${key(a, id!)}`).click();
    await page.getByTestId('hotspot-confirm-confirm').click();
    await page.getByTestId(`hotspot-row-${key(a, id!)}`).waitFor({ state: 'detached', timeout: 20_000 });
    expect(a.sim.model.hotspotSessionIds()).not.toContain(id);
  });

  it('flips a router to offline when it stops answering, and back when it returns', async () => {
    const { a } = live;
    const page = await open(a, 'routers');
    const row = page.getByTestId(`router-row-${a.router.id}`);
    await page.locator(`[data-testid="router-row-${a.router.id}"][data-state="online"]`).waitFor();
    await a.sim.stop();
    await page.locator(`[data-testid="router-row-${a.router.id}"][data-state="offline"]`).waitFor({ timeout: 20_000 });
    await a.sim.start();
    await page.locator(`[data-testid="router-row-${a.router.id}"][data-state="online"]`).waitFor({ timeout: 30_000 });
    expect(await row.textContent()).toContain(a.sim.name);
  });

  it('keeps a mounted view live for 30 s of changes without a single invoke', async () => {
    const { a } = live;
    const page = await context.newPage();
    const sent = recordSentMessages(page);
    await page.goto(`${live.url}/#/online-users`);
    await signIn(page, a.admin.username, a.admin.password);
    await count(page, 'hotspot-count', 3);
    const afterMount = sent.filter((m) => m.type === 'invoke').length;

    const added: string[] = [];
    const deadline = Date.now() + 30_000;
    for (let i = 0; Date.now() < deadline; i++) {
      if (i % 3 === 2) a.sim.model.removeHotspotSession(added.shift()!);
      else added.push(a.sim.model.addHotspotSession({ user: `churn-${i}` }));
      await page.waitForTimeout(500);
    }
    await count(page, 'hotspot-count', 3 + added.length);
    expect(sent.filter((m) => m.type === 'invoke')).toHaveLength(afterMount);
  });

  it('shows tenant B nothing of tenant A, and refuses a forged subscription to A’s channel', async () => {
    const { a, b } = live;
    const page = await open(b, 'online-users');
    await count(page, 'hotspot-count', 2);
    for (const view of ['online-users', 'pppoe-sessions', 'routers', 'dashboard']) {
      await page.getByTestId(`nav-${view}`).click();
      await page.waitForLoadState('domcontentloaded');
      const text = (await page.locator('main').textContent()) ?? '';
      expect(text, view).not.toContain(a.sim.name);
      expect(await page.locator(`[data-testid*="-row-${a.router.id}:"]`).count(), view).toBe(0);
    }
    await page.getByTestId('nav-routers').click();
    await page.getByTestId(`router-row-${b.router.id}`).waitFor();
    expect(await page.getByTestId(`router-row-${a.router.id}`).count()).toBe(0);

    const raw = await WsTestClient.connect(live.url);
    try {
      expect(await raw.invoke('auth.signIn', b.admin)).toMatchObject({ ok: true });
      for (const topic of ['sessions.hotspot', 'sessions.pppoe', 'routers', 'dashboard']) {
        expect(await raw.subscribe(`tenant.${a.id}.${topic}`)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
      const forgedList = await raw.invoke('sessions.hotspot.list', { tenantId: a.id });
      const listed = forgedList.type === 'result' && forgedList.ok ? (forgedList.data as { sessions: Array<{ routerId: number }> }).sessions : [];
      expect(listed.map((s) => s.routerId)).toEqual([b.router.id, b.router.id]);
      const forgedKick = await raw.invoke('sessions.hotspot.disconnect', { key: key(a, a.sim.model.hotspotSessionIds()[0]!) });
      expect(forgedKick).toMatchObject({ ok: false, error: { code: 'not_found' } });
    } finally {
      await raw.close();
    }
  });
});
