import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WsTestClient } from '../main/host/ws-test-client';
import { launchChromium } from './fixtures/browser';
import { HostProcess } from './fixtures/host-process';
import { signIn } from './fixtures/sign-in';
import { recordSentMessages } from './fixtures/ws-frames';

const ROOT = { username: 'root', password: 'Console-admin-pw-1' };

describe('Jobs view in Chromium', () => {
  let browser: Browser;
  let host: HostProcess;
  let page: Page;
  let raw: WsTestClient;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });
  beforeEach(async () => {
    host = await HostProcess.start([], { NOC_ADMIN_USERNAME: ROOT.username, NOC_ADMIN_PASSWORD: ROOT.password });
    raw = await WsTestClient.connect(host.url);
    expect(await raw.invoke('auth.signIn', ROOT)).toMatchObject({ ok: true });
    page = await browser.newPage();
  });
  afterEach(async () => {
    await page.close();
    await raw.close();
    await host.dispose();
  });

  const diagnose = async (input: Record<string, unknown>): Promise<number> => {
    const reply = await raw.invoke('jobs.diagnose', input);
    if (reply.type !== 'result' || !reply.ok) throw new Error(`jobs.diagnose failed: ${JSON.stringify(reply)}`);
    return (reply.data as { jobId: number }).jobId;
  };

  it('shows jobs running and failing live, and a Retry from the UI succeeds', async () => {
    const sent = recordSentMessages(page);
    await page.goto(`${host.url}/#/jobs`);
    await signIn(page, ROOT.username, ROOT.password);
    await page.getByTestId('jobs-queue-default').waitFor();
    await page.getByTestId('jobs-failed-empty').waitFor();
    const invokesAfterMount = sent.filter((m) => m.type === 'invoke').length;

    // A slow job shows as running on its queue, then leaves it.
    await diagnose({ action: 'sleep', ms: 2000 });
    await page.locator('[data-testid="jobs-queue-default-running"]', { hasText: /^1$/ }).waitFor();
    await page.locator('[data-testid="jobs-queue-default-running"]', { hasText: /^0$/ }).waitFor({ timeout: 15_000 });

    // A job that fails all of its attempts lands in the failed list with its error.
    const failing = await diagnose({ action: 'fail', untilAttempt: 3, message: 'router said no' });
    const row = page.getByTestId(`jobs-failed-${failing}`);
    await row.waitFor({ timeout: 30_000 });
    expect(await page.getByTestId(`jobs-failed-${failing}-error`).textContent()).toContain('router said no');
    await page.locator('[data-testid="jobs-queue-default-failed"]', { hasText: /^1$/ }).waitFor();
    // Everything so far arrived as events: the view sent no invoke after its first fetch.
    expect(sent.filter((m) => m.type === 'invoke')).toHaveLength(invokesAfterMount);

    // Retry gives one more attempt, which the diagnostic job passes.
    await page.getByTestId(`jobs-retry-${failing}`).click();
    await row.waitFor({ state: 'detached', timeout: 30_000 });
    await page.locator('[data-testid="jobs-queue-default-failed"]', { hasText: /^0$/ }).waitFor();
    const detail = await raw.invoke('jobs.detail', { id: failing });
    expect(detail).toMatchObject({ ok: true, data: { status: 'succeeded', attempts: 4 } });
  });
});
