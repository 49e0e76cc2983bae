import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './fixtures/browser';
import { HostProcess } from './fixtures/host-process';

const ROOT = { username: 'root', password: 'Console-admin-pw-1' };
const ADMIN = { username: 'tina', password: 'Tenant-admin-pw-1' };

describe('accounts and tenancy in Chromium', () => {
  let browser: Browser;
  let host: HostProcess | null = null;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
    await host?.dispose();
    host = null;
  });

  /** A separate browser profile: its own sessionStorage, so its own session. */
  const openPage = async (hash: string): Promise<Page> => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${host!.url}/#/${hash}`);
    return page;
  };
  const signIn = async (page: Page, who: { username: string; password: string }) => {
    await page.getByTestId('sign-in-username').fill(who.username);
    await page.getByTestId('sign-in-password').fill(who.password);
    await page.getByTestId('sign-in-submit').click();
  };

  it('sets up the first admin on the setup screen when no account exists', async () => {
    host = await HostProcess.start();
    const page = await openPage('account');
    await page.getByTestId('setup-form').waitFor();
    await page.getByTestId('setup-name').fill('Root Admin');
    await page.getByTestId('setup-username').fill(ROOT.username);
    await page.getByTestId('setup-email').fill('root@noc.example');
    await page.getByTestId('setup-password').fill(ROOT.password);
    await page.getByTestId('setup-password-confirmation').fill('something else 1');
    await page.getByTestId('setup-submit').click();
    expect(await page.getByTestId('setup-password-confirmation-error').textContent()).toBe('The passwords do not match.');
    await page.getByTestId('setup-password-confirmation').fill(ROOT.password);
    await page.getByTestId('setup-submit').click();
    await page.getByTestId('account-role').and(page.getByText('System admin')).waitFor();
    // A reload resumes the session kept in this tab.
    await page.reload();
    await page.getByTestId('account-username').and(page.getByText(ROOT.username)).waitFor();
  });

  it('registers a tenant that appears live; its admin creates a user that a second browser sees appear', async () => {
    host = await HostProcess.start([], { NOC_ADMIN_USERNAME: ROOT.username, NOC_ADMIN_PASSWORD: ROOT.password });
    const root = await openPage('tenants');
    await signIn(root, { username: 'nobody', password: 'wrong-password-1' });
    expect(await root.getByTestId('sign-in-error').textContent()).toMatch(/username or password is wrong/);
    await signIn(root, ROOT);
    await root.getByTestId('tenants-empty').waitFor();

    await root.getByTestId('reg-tenant-name').fill('Acme Net');
    await root.getByTestId('reg-submit').click();
    await root.getByTestId('reg-admin-username-error').waitFor();
    expect(await root.getByTestId('reg-accept-terms-error').textContent()).toBe('Accept the terms of service to register.');
    await root.getByTestId('reg-admin-name').fill('Tina Admin');
    await root.getByTestId('reg-admin-username').fill(ADMIN.username);
    await root.getByTestId('reg-admin-email').fill('tina@acme.example');
    await root.getByTestId('reg-admin-password').fill(ADMIN.password);
    await root.getByTestId('reg-admin-password-confirmation').fill(ADMIN.password);
    await root.getByTestId('reg-accept-terms').check();
    await root.getByTestId('reg-submit').click();
    await root.getByTestId('registration-accepted').waitFor();
    await root.getByTestId('tenants-table').getByText('Acme Net').waitFor();
    await root.getByTestId('audit-tenant.created').waitFor();

    const first = await openPage('users');
    await signIn(first, ADMIN);
    const second = await openPage('users');
    await signIn(second, ADMIN);
    await second.getByTestId(`user-row-${ADMIN.username}`).waitFor();
    await first.getByTestId('user-create-form-name').fill('Otto Operator');
    await first.getByTestId('user-create-form-username').fill('otto');
    await first.getByTestId('user-create-form-email').fill('otto@acme.example');
    await first.getByTestId('user-create-form-password').fill('Field-tech-2026');
    await first.getByTestId('user-create-form-submit').click();
    await second.getByTestId('user-row-otto').waitFor();
    expect(await second.getByTestId('user-row-otto').textContent()).toContain('o***@acme.example');
    await first.getByTestId('user-row-otto').waitFor();
    // The tenant's audit log, live too: who created whom.
    expect(await second.getByTestId('audit-user.created').first().textContent()).toContain(`${ADMIN.username}: user created — otto`);
    // The tenant's user count on the system admin's Tenants view follows, without reload.
    await root.getByTestId('tenants-table').getByRole('row').filter({ hasText: 'Acme Net' }).getByText('2', { exact: true }).waitFor();

    // Otto locks himself out; the admin sees it live and lets him in again.
    const otto = await openPage('account');
    for (let i = 0; i < 5; i++) {
      await signIn(otto, { username: 'otto', password: `wrong-password-${i}` });
      // The form clears the password once the attempt is answered; the next one starts after.
      await otto.waitForFunction(() => (document.querySelector('[data-testid="sign-in-password"]') as HTMLInputElement | null)?.value === '');
    }
    await otto.getByTestId('sign-in-error').filter({ hasText: /locked until/ }).waitFor();
    await first.getByTestId('user-locked-otto').waitFor();
    await first.getByTestId('user-unlock-otto').click();
    await first.getByTestId('user-locked-otto').waitFor({ state: 'detached' });
    await signIn(otto, { username: 'otto', password: 'Field-tech-2026' });
    await otto.getByTestId('account-username').and(otto.getByText('otto')).waitFor();
  });
});
