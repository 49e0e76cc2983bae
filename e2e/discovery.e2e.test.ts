import type { BrowserContext } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configureDiscovery, discoveryOf } from '../main/discovery/discovery-registry';
import { startMndpAnnouncer, type MndpAnnouncer } from '../main/routers/simulator/mndp-announcer';
import { chromiumForBlock } from './fixtures/browser';
import { startLiveConsole, type LiveConsole } from './fixtures/live-console';
import { signIn } from './fixtures/sign-in';

describe('discovery in Chromium, against a simulated router announcing itself over MNDP on loopback', () => {
  const browser = chromiumForBlock();
  let live: LiveConsole;
  let context: BrowserContext;
  let announcer: MndpAnnouncer | null = null;

  beforeEach(async () => {
    live = await startLiveConsole();
    // Loopback and a free port: the test machine's LAN and port 5678 stay out of it.
    configureDiscovery(live.services, { port: 0, address: '127.0.0.1' });
    context = await browser().newContext();
  });
  afterEach(async () => {
    await announcer?.stop();
    announcer = null;
    await context.close();
    await live.dispose();
  });

  it('lists the simulator’s announcement, opens Add router prefilled with it, and stops listening when the view closes', async () => {
    const { a } = live;
    const page = await context.newPage();
    await page.goto(`${live.url}/#/discovery`);
    await signIn(page, a.admin.username, a.admin.password);
    await page.getByTestId('discovery-status').filter({ hasText: 'Listening on UDP' }).waitFor({ timeout: 20_000 });
    await page.getByTestId('discovery-empty').waitFor();

    const { port } = discoveryOf(live.services).listening();
    // Announces once at start; a request from "Ask neighbours now" is not needed on loopback.
    announcer = await startMndpAnnouncer(a.sim, { address: '127.0.0.1', port, intervalMs: 3_600_000 });
    const iface = a.sim.model.print('/interface')[0]!;
    const resource = a.sim.model.print('/system/resource')[0]!;
    const mac = iface['mac-address']!;
    const row = page.getByTestId(`discovery-row-${mac}`);
    await row.waitFor({ timeout: 20_000 });
    const text = (await row.textContent()) ?? '';
    for (const part of [a.sim.name, '127.0.0.1', mac, resource.version!, resource['board-name']!, iface.name!]) expect(text).toContain(part);
    await page.getByTestId('discovery-count').filter({ hasText: /^1$/ }).waitFor();

    await page.getByTestId(`discovery-add-${mac}`).click();
    await page.getByTestId('router-form').waitFor();
    expect(await page.getByTestId('router-field-name').inputValue()).toBe(a.sim.name);
    expect(await page.getByTestId('router-field-host').inputValue()).toBe('127.0.0.1');
    expect(await page.getByTestId('router-field-notes').inputValue()).toContain(mac);
    await page.getByTestId('router-form-cancel').click();

    // Leaving the view unwatches: the last watcher gone, the port closes.
    await page.getByTestId('nav-routers').click();
    await expect.poll(() => discoveryOf(live.services).listening().listening, { timeout: 10_000 }).toBe(false);
  });
});
