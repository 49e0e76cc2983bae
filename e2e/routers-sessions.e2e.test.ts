import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { dispatchInvoke } from '../main/core/dispatch';
import { waitForEvent } from '../main/events/wait-for-event';
import type { RouterLiveStatus, RouterSummary } from '../main/routers/contract';
import { startSimulatedRouter, type SimulatedRouter } from '../main/routers/simulator';
import { chooseTenant, liveConsoleAsSystemAdmin, openAsSystemAdmin } from './fixtures/system-admin';

const LAPTOP = { width: 1280, height: 720 };

describe('the Routers list’s session counts, in Chromium against simulated routers', () => {
  const t = liveConsoleAsSystemAdmin();
  let edge: SimulatedRouter;
  let edgeRouter: RouterSummary;

  // Tenant Alpha gets a second router, so "filtered to it" leaves the first router's sessions out.
  beforeEach(async () => {
    const { a, services } = t.live();
    edge = await startSimulatedRouter({ name: 'alpha-edge-1', password: 'edge-api-pw', hotspotSessions: 1, pppoeSessions: 4 });
    const online = waitForEvent(services.bus, `tenant.${a.id}.routers`, (e) => {
      const p = e.payload as { id?: number; status?: RouterLiveStatus };
      return p.id !== a.router.id && p.status?.state === 'online';
    }, 30_000);
    const added = await dispatchInvoke(services, t.session(), 'routers.add', {
      tenantId: a.id, name: edge.name, host: edge.host, port: edge.port, tls: 'off', username: edge.username, password: edge.password, site: 'E2E', notes: '', encoding: 'utf-8',
    });
    if (!added.ok) throw new Error(added.error.message);
    edgeRouter = added.data as RouterSummary;
    await online;
    return () => edge.stop();
  });

  /** The Routers view of tenant Alpha, as a system admin on a 1280 × 720 laptop. */
  const openRouters = async (): Promise<Page> => {
    const page = await openAsSystemAdmin(t.browser(), t.live(), LAPTOP, 'routers');
    await chooseTenant(page, t.live().a.id);
    return page;
  };
  const shows = (page: Page, testId: string, text: string) => page.locator(`[data-testid="${testId}"]`, { hasText: new RegExp(`^${text}$`) }).waitFor({ timeout: 20_000 });
  /** Both counts of a router as its simulator has them now. */
  const matchesSimulator = async (page: Page, routerId: number, sim: SimulatedRouter) => {
    await shows(page, `router-hotspot-${routerId}`, `${sim.model.hotspotSessionIds().length} hotspot`);
    await shows(page, `router-pppoe-${routerId}`, `${sim.model.pppSessionIds().length} PPPoE`);
  };

  it('counts each router’s hotspot and PPPoE sessions as its simulator has them, live', async () => {
    const { a } = t.live();
    const page = await openRouters();
    await matchesSimulator(page, a.router.id, a.sim);
    await matchesSimulator(page, edgeRouter.id, edge);
    expect(await page.getByTestId(`router-hotspot-${edgeRouter.id}`).textContent()).toBe('1 hotspot');

    const id = edge.model.addHotspotSession({ user: 'walk-in-7' });
    await shows(page, `router-hotspot-${edgeRouter.id}`, '2 hotspot');
    a.sim.model.removePppSession(a.sim.model.pppSessionIds()[0]!);
    await matchesSimulator(page, a.router.id, a.sim);
    edge.model.removeHotspotSession(id);
    await matchesSimulator(page, edgeRouter.id, edge);
  });

  it('opens Online Users and PPPoE filtered to the router whose count was clicked', async () => {
    const { a } = t.live();
    const page = await openRouters();
    await matchesSimulator(page, edgeRouter.id, edge);
    await page.getByTestId(`router-hotspot-${edgeRouter.id}`).click();
    await shows(page, 'hotspot-shown', '1');
    expect(await page.getByTestId('hotspot-filter-router').inputValue()).toBe(String(edgeRouter.id));
    await page.getByTestId(`hotspot-row-${edgeRouter.id}:${edge.model.hotspotSessionIds()[0]}`).waitFor();
    expect(await page.locator(`[data-testid^="hotspot-row-${a.router.id}:"]`).count()).toBe(0);

    await page.getByTestId('nav-routers').click();
    await matchesSimulator(page, a.router.id, a.sim);
    await page.getByTestId(`router-pppoe-${a.router.id}`).click();
    await shows(page, 'pppoe-shown', String(a.sim.model.pppSessionIds().length));
    expect(await page.getByTestId('pppoe-filter-router').inputValue()).toBe(String(a.router.id));
    expect(await page.locator(`[data-testid^="pppoe-row-${edgeRouter.id}:"]`).count()).toBe(0);
    // The system admin's link names the tenant too, so a reload shows the same rows.
    const params = new URLSearchParams(new URL(page.url()).hash.split('?')[1]);
    expect([params.get('tenant'), params.get('router')]).toEqual([String(a.id), String(a.router.id)]);
  });
});
