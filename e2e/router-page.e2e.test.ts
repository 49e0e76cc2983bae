import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { waitForEvent } from '../main/events/wait-for-event';
import { routerWatchOf } from '../main/routers/router-watch-registry';
import { seriousViolations } from './fixtures/axe';
import { chromiumForBlock } from './fixtures/browser';
import { startLiveConsole, type LiveConsole } from './fixtures/live-console';
import { signIn } from './fixtures/sign-in';

const LAPTOP = { width: 1280, height: 900 };
const SECTIONS = ['router-page-header', 'router-page-sessions', 'router-page-resources', 'router-page-interfaces', 'router-page-log', 'router-page-leases', 'router-page-provisioning'];

describe('a router’s page, in Chromium against a simulated router', () => {
  const browser = chromiumForBlock();
  let live: LiveConsole;
  beforeEach(async () => {
    live = await startLiveConsole();
  });
  afterEach(async () => {
    await Promise.all(browser().contexts().map((c) => c.close()));
    await live.dispose();
  });

  /** Tenant Alpha's admin on the Routers list, then on its router's page (opened by the router's name). */
  const openRouterPage = async (): Promise<Page> => {
    const context = await browser().newContext({ viewport: LAPTOP });
    const page = await context.newPage();
    await page.goto(`${live.url}/#/routers`);
    await signIn(page, live.a.admin.username, live.a.admin.password);
    await page.locator(`[data-testid="router-row-${live.a.router.id}"][data-state="online"]`).waitFor({ timeout: 20_000 });
    await page.getByTestId(`router-open-${live.a.router.id}`).click();
    await page.getByTestId('router-page').waitFor();
    return page;
  };
  const livePoints = async (page: Page) => Number(await page.getByTestId('router-traffic-live').getAttribute('data-points'));

  it('shows the router, its traffic chart moves, a line the router writes shows within a second, the topic filter hides the rest, and leaving stops the stream on the router', async () => {
    const { sim, router } = live.a;
    const page = await openRouterPage();
    for (const section of SECTIONS) await page.getByTestId(section).waitFor();
    await page.getByTestId('router-page-identity').filter({ hasText: sim.name }).waitFor({ timeout: 20_000 });
    await page.getByTestId('router-interface-ether1').waitFor();
    expect(await page.getByTestId('router-lease').count()).toBeGreaterThan(0);
    await sim.model.trafficMonitors.until((n) => n > 0);
    expect(await seriousViolations(page)).toEqual([]);

    // The live chart gains a point each second the router reports.
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="router-traffic-live"]')?.getAttribute('data-points')) > 0, undefined, { timeout: 10_000 });
    const before = await livePoints(page);
    const path = await page.locator('[data-testid="router-chart-live"] path.chart-line').first().getAttribute('d');
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="router-traffic-live"]')?.getAttribute('data-points')) > n, before, { timeout: 10_000 });
    expect(await page.locator('[data-testid="router-chart-live"] path.chart-line').first().getAttribute('d')).not.toBe(path);
    expect(await page.getByTestId('router-interface-rx-ether1').textContent()).toMatch(/bps$/);

    // A line the simulator writes is on the page within a second of being written.
    const written = Date.now();
    sim.model.log('hotspot,account,info', 'e2e-walk-in (10.5.50.77): logged in');
    await page.locator('[data-testid="router-log-line"]', { hasText: 'e2e-walk-in (10.5.50.77): logged in' }).waitFor({ timeout: 1_000 });
    expect(Date.now() - written).toBeLessThan(1_000);

    // The topic filter keeps lines of a matching topic only.
    sim.model.log('dhcp,info', 'dhcp1 assigned 10.5.0.200 to E2:00:00:00:00:01');
    const dhcpLine = page.locator('[data-testid="router-log-line"]', { hasText: 'dhcp1 assigned 10.5.0.200' });
    await dhcpLine.waitFor({ timeout: 5_000 });
    await page.getByTestId('router-log-filter').fill('hotspot');
    await dhcpLine.waitFor({ state: 'detached' });
    await page.locator('[data-testid="router-log-line"]', { hasText: 'e2e-walk-in' }).waitFor();
    expect(await page.locator('[data-testid="router-log-line"]:not([data-topics*="hotspot"])').count()).toBe(0);

    // Leaving the page ends the stream on the router.
    await page.getByTestId('router-page-back').click();
    await page.getByTestId(`router-row-${router.id}`).waitFor();
    await sim.model.trafficMonitors.until((n) => n === 0);
    expect(sim.model.trafficMonitors.count()).toBe(0);
  });

  it('stops the router’s stream when the window goes away without leaving the page', async () => {
    const page = await openRouterPage();
    await live.a.sim.model.trafficMonitors.until((n) => n > 0);
    const detached = waitForEvent(live.services.bus, 'app.status', (e) => e.name === 'SystemStatusChanged' && (e.payload as { connections: number }).connections === 0);
    await page.context().close();
    await detached;
    // The closed connection's watcher is swept (as the periodic sweep does), and the stream ends on the router.
    routerWatchOf(live.services).sweep();
    await live.a.sim.model.trafficMonitors.until((n) => n === 0);
  });
});
