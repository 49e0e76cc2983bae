import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../main/auth/password';
import type { Session } from '../main/auth/session';
import type { Role } from '../main/contract';
import { dispatchInvoke } from '../main/core/dispatch';
import { launchChromium } from './fixtures/browser';
import { startLiveConsole, type LiveConsole } from './fixtures/live-console';
import { signIn } from './fixtures/sign-in';
import { addSystemAdmin, chooseTenant, SYSTEM_ADMIN } from './fixtures/system-admin';

const LIVE = ['nav-dashboard', 'nav-online-users', 'nav-pppoe-sessions', 'nav-routers'];
const BUSINESS = ['nav-subscribers', 'nav-plans', 'nav-vouchers', 'nav-payments', 'nav-reports', 'nav-jobs'];
const TAIL = ['nav-settings', 'nav-account', 'nav-status'];
/** The side bar each role gets, in order (what main/auth/permissions.ts lets it use): Discovery is for those who add routers. */
const EXPECTED_NAV: Record<Role, string[]> = {
  viewer: [...LIVE, 'nav-provisioning', ...BUSINESS, ...TAIL],
  operator: [...LIVE, 'nav-discovery', 'nav-provisioning', ...BUSINESS, ...TAIL],
  tenant_admin: [...LIVE, 'nav-discovery', 'nav-provisioning', ...BUSINESS, 'nav-users', ...TAIL],
  system_admin: [...LIVE, 'nav-discovery', 'nav-provisioning', ...BUSINESS, 'nav-tenants', 'nav-users', ...TAIL],
};
const ROLE_LABEL: Record<Role, string> = { system_admin: 'System admin', tenant_admin: 'Tenant admin', operator: 'Operator', viewer: 'Viewer' };

/** The same moment, written the way the renderer should write it for that tenant. */
const expectedDate = (iso: string, locale: string, timeZone: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone }).format(Date.parse(iso));

describe('navigation by role, the top bar, the tenant in the URL and the tenant locale, in Chromium', () => {
  let browser: Browser;
  let live: LiveConsole;
  let systemAdmin: Session;
  const contexts: BrowserContext[] = [];
  const accounts: Record<Role, { username: string; password: string }> = {
    viewer: { username: 'alpha-viewer', password: 'Alpha-viewer-pw-1' },
    operator: { username: 'alpha-operator', password: 'Alpha-operator-pw-1' },
    tenant_admin: { username: '', password: '' },
    system_admin: SYSTEM_ADMIN,
  };

  beforeAll(async () => {
    browser = await launchChromium();
    live = await startLiveConsole();
    systemAdmin = await addSystemAdmin(live);
    accounts.tenant_admin = live.a.admin;
    for (const role of ['viewer', 'operator'] as const) {
      const { username, password } = accounts[role];
      const passwordHash = await hashPassword(password);
      await live.services.accounts.run((tx) => tx.users.insert({ tenantId: live.a.id, name: `Alpha ${role}`, username, email: `${role}@alpha.example`, role, passwordHash }, Date.now()));
    }
  });
  // Each browser context holds a connection: closed after each test, so the host's per-address cap never refuses the next page.
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    await live?.dispose();
    await browser?.close();
  });

  const openPage = async (hash: string): Promise<Page> => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${live.url}/#/${hash}`);
    return page;
  };
  const navIds = (page: Page) => page.locator('nav.sidebar a').evaluateAll((links) => links.map((a) => a.getAttribute('data-testid')));

  it('shows only sign-in and About/Status before sign-in, and the data folder to nobody', async () => {
    const page = await openPage('tenants');
    await page.getByTestId('sign-in-form').waitFor();
    expect(await navIds(page)).toEqual(['nav-sign-in', 'nav-status']);
    await page.getByTestId('nav-status').click();
    await page.getByTestId('status-version').waitFor();
    expect(await page.getByTestId('status-data-dir').count()).toBe(0);
    expect(await page.getByTestId('user-menu').count()).toBe(0);
  });

  it.each(['viewer', 'operator', 'tenant_admin', 'system_admin'] as const)('gives a %s only the entries it can use, and the top bar names it and signs it out', async (role) => {
    const page = await openPage('dashboard');
    await signIn(page, accounts[role].username, accounts[role].password);
    await page.getByTestId('topbar-user').waitFor();
    expect(await navIds(page)).toEqual(EXPECTED_NAV[role]);
    expect(await page.getByTestId('topbar-user').textContent()).toBe(accounts[role].username);
    expect(await page.getByTestId('topbar-role').textContent()).toBe(role === 'system_admin' ? ROLE_LABEL[role] : `${ROLE_LABEL[role]} · Alpha Net`);

    // A typed link to a view the role may not use says so instead of showing it.
    if (role !== 'system_admin') {
      await page.goto(`${live.url}/#/tenants`);
      await page.getByTestId('view-not-allowed').waitFor();
    }
    // The data folder is a system admin's to see.
    await page.goto(`${live.url}/#/status`);
    await page.getByTestId('status-version').waitFor();
    if (role === 'system_admin') await page.getByTestId('status-data-dir').waitFor();
    else expect(await page.getByTestId('status-data-dir').count()).toBe(0);

    await page.getByTestId('topbar-sign-out').click();
    await page.getByTestId('user-menu').waitFor({ state: 'detached' });
    expect(await navIds(page)).toEqual(['nav-sign-in', 'nav-status']);
    await page.getByTestId('nav-sign-in').click();
    await page.getByTestId('sign-in-form').waitFor();
  });

  it("keeps a system admin's chosen tenant across a reload and between views, in the URL", async () => {
    const { a, b } = live;
    const page = await openPage('routers');
    await signIn(page, SYSTEM_ADMIN.username, SYSTEM_ADMIN.password);
    await chooseTenant(page, b.id);
    await page.locator(`[data-testid="router-row-${b.router.id}"]`).waitFor();
    expect(page.url()).toMatch(new RegExp(`#/routers\\?tenant=${b.id}$`));

    await page.reload();
    await page.locator(`[data-testid="router-row-${b.router.id}"]`).waitFor();
    expect(await page.getByTestId('tenant-picker').inputValue()).toBe(String(b.id));

    await page.getByTestId('nav-pppoe-sessions').click();
    await page.locator(`[data-testid^="pppoe-row-${b.router.id}:"]`).first().waitFor({ timeout: 20_000 });
    expect(page.url()).toMatch(new RegExp(`#/pppoe-sessions\\?tenant=${b.id}(&|$)`));
    expect(await page.locator(`[data-testid^="pppoe-row-${a.router.id}:"]`).count()).toBe(0);

    // The table's filter and sort are in the URL too: a reload shows the same rows, sorted the same way.
    const first = page.locator(`[data-testid^="pppoe-row-${b.router.id}:"]`).first();
    const firstKey = (await first.getAttribute('data-testid'))!.slice('pppoe-row-'.length);
    const session = live.services.sessions.pppoeSession(b.id, firstKey)!;
    await page.getByTestId('pppoe-filter-text').fill(session.address);
    await page.waitForFunction((q) => new URLSearchParams(location.hash.split('?')[1]).get('q') === q, session.address);
    await page.reload();
    await page.locator(`[data-testid="pppoe-row-${firstKey}"]`).waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('pppoe-filter-text').inputValue()).toBe(session.address);
    expect(await page.getByTestId('tenant-picker').inputValue()).toBe(String(b.id));
  });

  /** The value of a parameter of the page's hash, once the view has written it there. */
  const waitForHashParam = (page: Page, name: string, value: string) =>
    page.waitForFunction(([n, v]) => new URLSearchParams(location.hash.split('?')[1]).get(n!) === v, [name, value] as const);

  it("keeps the Users view's filters across a reload, in the URL", async () => {
    const page = await openPage('users');
    await signIn(page, live.a.admin.username, live.a.admin.password);
    await page.getByTestId('user-row-alpha-viewer').waitFor();
    await page.getByTestId('users-filter-role').selectOption('operator');
    await page.getByTestId('users-filter-text').fill('alpha-');
    await page.getByTestId('user-row-alpha-viewer').waitFor({ state: 'detached' });
    await waitForHashParam(page, 'q', 'alpha-');
    await waitForHashParam(page, 'role', 'operator');
    const listed = () => page.$$eval('[data-testid^="user-row-"]', (rows) => rows.map((r) => r.getAttribute('data-testid')));
    const before = await listed();
    expect(before).toEqual(['user-row-alpha-operator']);

    await page.reload();
    await page.getByTestId('user-row-alpha-operator').waitFor();
    expect(await listed()).toEqual(before);
    expect(await page.getByTestId('users-filter-text').inputValue()).toBe('alpha-');
    expect(await page.getByTestId('users-filter-role').inputValue()).toBe('operator');
  });

  it("keeps the Jobs view's filters across a reload, in the URL", async () => {
    const fail = async (message: string) => {
      const result = await dispatchInvoke(live.services, systemAdmin, 'jobs.diagnose', { action: 'permanent', message });
      if (!result.ok) throw new Error(result.error.message);
      return (result.data as { jobId: number }).jobId;
    };
    const kept = await fail('the reload-test router refused the login');
    const other = await fail('an unrelated failure');
    const page = await openPage('jobs');
    await signIn(page, SYSTEM_ADMIN.username, SYSTEM_ADMIN.password);
    await page.getByTestId(`jobs-failed-${other}`).waitFor({ timeout: 20_000 });
    const detail = await dispatchInvoke(live.services, systemAdmin, 'jobs.detail', { id: kept });
    if (!detail.ok) throw new Error(detail.error.message);
    const { queue } = detail.data as { queue: string };
    await page.getByTestId('jobs-filter-queue').selectOption(queue);
    await page.getByTestId('jobs-filter-text').fill('reload-test');
    await page.getByTestId(`jobs-failed-${other}`).waitFor({ state: 'detached' });
    await waitForHashParam(page, 'q', 'reload-test');
    await waitForHashParam(page, 'queue', queue);

    await page.reload();
    await page.getByTestId(`jobs-failed-${kept}`).waitFor({ timeout: 20_000 });
    expect(await page.getByTestId(`jobs-failed-${other}`).count()).toBe(0);
    expect(await page.getByTestId('jobs-filter-text').inputValue()).toBe('reload-test');
    expect(await page.getByTestId('jobs-filter-queue').inputValue()).toBe(queue);
    expect(await page.getByTestId('jobs-failed-shown').textContent()).toBe('1');
  });

  it('tests a new router before adding it: every field at once, one result line, an unreachable one only knowingly', async () => {
    const { a } = live;
    const page = await openPage('routers');
    await signIn(page, a.admin.username, a.admin.password);
    await page.getByTestId('routers-add').click();
    await page.getByTestId('router-form-submit').click();
    // Every missing field at once, the password too.
    for (const field of ['name', 'host', 'username', 'password']) await page.getByTestId(`router-error-${field}`).waitFor();

    await page.getByTestId('router-field-name').fill('alpha-edge-2');
    await page.getByTestId('router-field-host').fill(a.sim.host);
    await page.getByTestId('router-field-tls').selectOption('off');
    await page.getByTestId('router-field-port').fill('1');
    await page.getByTestId('router-field-username').fill(a.sim.username);
    await page.getByTestId('router-field-password').fill(a.sim.password);
    expect(await page.getByTestId('router-form-submit').textContent()).toBe('Test and add');
    await page.getByTestId('router-form-submit').click();
    const result = page.getByTestId('router-form-test-result');
    await result.and(page.locator('[data-ok="false"]')).waitFor({ timeout: 20_000 });
    expect(await result.textContent()).toMatch(/^Connection test failed: /);
    expect(await page.getByTestId('router-form-submit').textContent()).toBe('Save anyway');
    expect(await page.getByTestId('router-form').count()).toBe(1);

    await page.getByTestId('router-field-port').fill(String(a.sim.port));
    await page.getByTestId('router-form-test').click();
    await result.and(page.locator('[data-ok="true"]')).waitFor({ timeout: 20_000 });
    const line = (await result.textContent())!;
    expect(line).toMatch(/^Connection test passed in \d+ ms: logged in to /);
    expect(line.split(a.sim.name).length - 1).toBeLessThanOrEqual(1);
    await page.getByTestId('router-form-submit').click();
    await page.getByTestId('router-form').waitFor({ state: 'detached' });
    await page.locator('[data-testid^="router-name-"]', { hasText: 'alpha-edge-2' }).waitFor();
  });

  it("writes dates in the tenant's time zone and locale, and rewrites them when the tenant admin changes them", async () => {
    const startedAt = live.services.status.current().startedAt;
    const admin = await openPage('settings');
    await signIn(admin, live.a.admin.username, live.a.admin.password);
    const viewer = await openPage('status');
    await viewer.getByTestId('nav-sign-in').click();
    await signIn(viewer, accounts.viewer.username, accounts.viewer.password);
    await viewer.getByTestId('nav-status').click();

    const set = async (locale: string, timeZone: string) => {
      await admin.getByTestId('company-locale').fill(locale);
      await admin.getByTestId('company-time-zone').fill(timeZone);
      await admin.getByTestId('company-save').click();
      await admin.getByTestId('company-saved').waitFor();
    };
    await admin.getByTestId('company-form').waitFor();
    await set('de-DE', 'Pacific/Auckland');
    // The viewer's open page follows the change as it happens (TenantSettingsChanged), no reload.
    const german = expectedDate(startedAt, 'de-DE', 'Pacific/Auckland');
    await viewer.locator('[data-testid="status-started"]', { hasText: german }).waitFor();
    expect(german).toMatch(/^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}:\d{2}$/);

    await set('en-US', 'America/New_York');
    const american = expectedDate(startedAt, 'en-US', 'America/New_York');
    await viewer.locator('[data-testid="status-started"]', { hasText: american }).waitFor();
    expect(american).toMatch(/[AP]M$/);

    // Every field at once: all three wrong, three messages, nothing saved.
    await admin.getByTestId('company-locale').fill('not a locale!');
    await admin.getByTestId('company-time-zone').fill('Mars/Olympus');
    await admin.getByTestId('company-currency').fill('XYZW');
    await admin.getByTestId('company-save').click();
    for (const field of ['company-locale', 'company-time-zone', 'company-currency']) await admin.getByTestId(`${field}-error`).waitFor();
  });
});
