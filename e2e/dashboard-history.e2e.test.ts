import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedTenant, seedUser } from '../main/auth/test-accounts';
import { startTestCore } from '../main/core/test-core';
import type { HistoryRow } from '../main/dashboard/history-repository';
import { chromiumForBlock } from './fixtures/browser';
import { HostProcess } from './fixtures/host-process';
import { signIn } from './fixtures/sign-in';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const VIEWER = { username: 'alpha-viewer', password: 'Alpha-viewer-pw-1' };

/**
 * The dashboard's charts keep their history across a restart (issue 13): yesterday's rollups
 * are written through the history repository while the host is stopped, the host starts again on
 * the same data folder, and a viewer sees them in the 24 h and 7 d ranges, with hover values.
 */
describe('dashboard history in Chromium', () => {
  const browser = chromiumForBlock();
  let host: HostProcess;
  let context: BrowserContext;
  const yesterday = Math.floor((Date.now() - 20 * HOUR) / MINUTE) * MINUTE;

  beforeEach(async () => {
    host = await HostProcess.start();
    await host.stop();
    // Seeded as the jobs would have written it: an hour of minutes yesterday, two days of hours.
    const core = await startTestCore({ dataDir: host.dataDir });
    const tenant = await seedTenant(core.services, 'Alpha Net');
    await seedUser(core.services, { ...VIEWER, role: 'viewer', tenantId: tenant.id });
    const row = (at: number, hotspot: number, pppoe: number): HistoryRow => ({ tenantId: tenant.id, routerId: null, at, hotspot, pppoe, inBps: 5_000_000, outBps: 1_000_000, cpu: 12 });
    const thisHour = Math.floor(Date.now() / HOUR) * HOUR;
    await core.services.business.run(async (tx) => {
      await tx.dashboardHistory.write('minute', Array.from({ length: 60 }, (_, i) => row(yesterday + i * MINUTE, 42, 7)));
      await tx.dashboardHistory.write('hour', Array.from({ length: 48 }, (_, i) => row(thisHour - (i + 2) * HOUR, 31, 5)));
    });
    await core.close();
    await host.launch();
    context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
  });
  afterEach(async () => {
    await context.close();
    await host.dispose();
  });

  const chooseRange = async (page: Page, range: '24h' | '7d') => {
    await page.getByTestId(`dashboard-range-${range}`).click();
    await page.locator(`[data-testid="dashboard-range-${range}"][aria-pressed="true"]`).waitFor();
  };
  const linePath = (page: Page) => page.locator('[data-testid="dashboard-chart-sessions"] path.chart-line.series-a').getAttribute('d');

  it('shows yesterday’s stored points after a restart, with the values at the pointer and by keyboard', async () => {
    const page = await context.newPage();
    await page.goto(`${host.url}/#/dashboard`);
    await signIn(page, VIEWER.username, VIEWER.password);
    await page.getByTestId('dashboard-range-1h').waitFor();

    await chooseRange(page, '24h');
    const keys = page.getByTestId('dashboard-chart-sessions-keys');
    await page.locator('[data-testid="dashboard-chart-sessions-keys"][aria-valuetext*="Hotspot 42"]').waitFor();
    expect(await linePath(page)).toMatch(/^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){59}$/);
    expect(await page.locator('[data-testid="dashboard-chart-sessions"] .chart-x').textContent()).toContain('24 h ago');

    // Hover over the middle of yesterday's hour: a crosshair and the values there.
    const plot = (await page.locator('[data-testid="dashboard-chart-sessions"] .chart-plot').boundingBox())!;
    const fraction = (yesterday + 30 * MINUTE - (Date.now() - 24 * HOUR)) / (24 * HOUR);
    await page.mouse.move(plot.x + fraction * plot.width, plot.y + plot.height / 2);
    const tip = page.getByTestId('dashboard-chart-sessions-tip');
    await tip.waitFor();
    expect(await tip.textContent()).toMatch(/Hotspot 42 · PPPoE 7$/);
    await page.mouse.move(1, 1);
    await tip.waitFor({ state: 'detached' });

    // The same values by keyboard: the chart's slider steps through the points.
    await keys.focus();
    await page.keyboard.press('End');
    await page.keyboard.press('Home');
    await page.locator('[data-testid="dashboard-chart-sessions-keys"][aria-valuenow="0"]').waitFor();
    expect(await keys.getAttribute('aria-valuetext')).toMatch(/Hotspot 42 · PPPoE 7$/);
    await tip.waitFor();
    await page.keyboard.press('ArrowRight');
    await page.locator('[data-testid="dashboard-chart-sessions-keys"][aria-valuenow="1"]').waitFor();
    const throughput = page.getByTestId('dashboard-chart-throughput-keys');
    expect(await throughput.getAttribute('aria-valuetext')).toMatch(/In 5[.\d]* Mbps · Out 1[.\d]* Mbps$/);

    // The week: hourly points.
    await chooseRange(page, '7d');
    await page.locator('[data-testid="dashboard-chart-sessions-keys"][aria-valuetext*="Hotspot 31"]').waitFor();
    expect(await keys.getAttribute('aria-valuemax')).toBe('47');
    expect(await linePath(page)).toMatch(/^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){47}$/);
  });
});
