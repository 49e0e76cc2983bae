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

  it('renders the frame, dark by default, light on request; signed out, the navigation offers only sign-in and About/Status', async () => {
    await page.goto(host.url);
    await page.getByRole('link', { name: 'Sign in', exact: true }).waitFor();
    await page.getByRole('link', { name: 'About / Status', exact: true }).waitFor();
    expect(await page.locator('nav.sidebar a').count()).toBe(2);
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    await page.getByTestId('theme-toggle').click();
    expect(await page.locator('html').getAttribute('data-theme')).toBe('light');
    await page.reload();
    expect(await page.locator('html').getAttribute('data-theme')).toBe('light');
    // Every view but About/Status sits behind sign-in; a console with no user yet asks for setup.
    await page.goto(`${host.url}/#/jobs`);
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
    const status = reply.data as { version: string; dataDir?: string; schemaVersion: number };
    await expect.poll(() => page.getByTestId('status-version').textContent()).toBe(status.version);
    // The data folder is for system admins (e2e/navigation.e2e.test.ts): not to a connection signed out.
    expect(status.dataDir).toBeUndefined();
    expect(await page.getByTestId('status-data-dir').count()).toBe(0);
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
    // One status snapshot (the frame's setup.status, asking who is signed in, is the other invoke), then events only.
    expect(sent.filter((m) => m.type === 'invoke').map((m) => m.name).sort()).toEqual(['setup.status', 'system.status']);
    expect(invokesBefore).toBe(2);
    expect(sent.filter((m) => m.type === 'invoke')).toHaveLength(invokesBefore);
  });

  it('shows reconnecting when the host stops and connected again when it returns', async () => {
    const sent = recordSentMessages(page);
    const statusFetches = () => sent.filter((m) => m.type === 'invoke' && m.name === 'system.status').length;
    await page.goto(`${host.url}/#/status`);
    const indicator = page.getByTestId('connection-indicator');
    await page.locator('[data-testid=connection-indicator][data-state=connected]').waitFor();
    await page.getByTestId('status-started').waitFor();
    expect(statusFetches()).toBe(1);

    await host.stop();
    await page.locator('[data-testid=connection-indicator][data-state=reconnecting]').waitFor();
    expect(await indicator.textContent()).toContain('Reconnecting');

    await host.launch();
    await page.locator('[data-testid=connection-indicator][data-state=connected]').waitFor({ timeout: 15_000 });
    // The reconnect makes the view refetch its snapshot (the new process's start time may read the
    // same to the second, so the refetch itself is what is checked).
    await expect.poll(statusFetches, { timeout: 10_000 }).toBe(2);
  });
});
