import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WsTestClient } from '../main/host/ws-test-client';
import { launchChromium } from './fixtures/browser';
import { HostProcess } from './fixtures/host-process';
import { recordSentMessages } from './fixtures/ws-frames';

describe('console shell in Chromium', () => {
  let browser: Browser;
  let host: HostProcess;
  let page: Page;
  const rawClients: WsTestClient[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });
  beforeEach(async () => {
    host = await HostProcess.start();
    page = await browser.newPage();
  });
  afterEach(async () => {
    await page.close();
    await Promise.all(rawClients.splice(0).map((c) => c.close()));
    await host.dispose();
  });

  it('renders the frame with every view in the navigation, dark by default, light on request', async () => {
    await page.goto(host.url);
    for (const label of ['Dashboard', 'Online Users', 'PPPoE Sessions', 'Routers', 'Subscribers', 'Payments', 'Jobs', 'Tenants', 'Users', 'Settings']) {
      await page.getByRole('link', { name: label, exact: true }).waitFor();
    }
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    await page.getByTestId('theme-toggle').click();
    expect(await page.locator('html').getAttribute('data-theme')).toBe('light');
    await page.reload();
    expect(await page.locator('html').getAttribute('data-theme')).toBe('light');
    // Every view but About/Status sits behind sign-in; a console with no user yet asks for setup.
    await page.getByTestId('nav-jobs').click();
    await page.getByTestId('auth-setup').waitFor();
    expect(page.url()).toMatch(/#\/jobs$/);
    await page.getByTestId('nav-status').click();
    await page.getByTestId('status-version').waitFor();
  });

  it('shows in the status view what the backend reports', async () => {
    await page.goto(`${host.url}/#/status`);
    await page.getByTestId('connection-indicator').and(page.locator('[data-state=connected]')).waitFor();
    const raw = await WsTestClient.connect(host.url);
    rawClients.push(raw);
    const reply = await raw.invoke('system.status', {});
    if (reply.type !== 'result' || !reply.ok) throw new Error('status invoke failed');
    const status = reply.data as { version: string; dataDir: string; schemaVersion: number };
    await expect.poll(() => page.getByTestId('status-version').textContent()).toBe(status.version);
    expect(await page.getByTestId('status-data-dir').textContent()).toBe(host.dataDir);
    expect(await page.getByTestId('status-schema').textContent()).toBe(String(status.schemaVersion));
    expect(await page.getByTestId('status-host').textContent()).toContain('Headless');
  });

  it('updates the status view from a pushed event, without reload or polling', async () => {
    const sent = recordSentMessages(page);
    await page.goto(`${host.url}/#/status`);
    await page.locator('[data-testid=status-connections]', { hasText: /^1$/ }).waitFor();
    await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'));
    const invokesBefore = sent.filter((m) => m.type === 'invoke').length;

    rawClients.push(await WsTestClient.connect(host.url));
    await page.locator('[data-testid=status-connections]', { hasText: /^2$/ }).waitFor();
    await rawClients.pop()!.close();
    await page.locator('[data-testid=status-connections]', { hasText: /^1$/ }).waitFor();

    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');
    expect(invokesBefore).toBe(1);
    expect(sent.filter((m) => m.type === 'invoke')).toHaveLength(invokesBefore);
  });

  it('shows reconnecting when the host stops and connected again when it returns', async () => {
    await page.goto(`${host.url}/#/status`);
    const indicator = page.getByTestId('connection-indicator');
    await page.locator('[data-testid=connection-indicator][data-state=connected]').waitFor();
    const firstStart = await page.getByTestId('status-started').textContent();

    await host.stop();
    await page.locator('[data-testid=connection-indicator][data-state=reconnecting]').waitFor();
    expect(await indicator.textContent()).toContain('Reconnecting');

    await host.launch();
    await page.locator('[data-testid=connection-indicator][data-state=connected]').waitFor({ timeout: 15_000 });
    // The reconnect makes the view refetch its snapshot: the new process has a new start time.
    await expect.poll(() => page.getByTestId('status-started').textContent(), { timeout: 10_000 }).not.toBe(firstStart);
  });
});
