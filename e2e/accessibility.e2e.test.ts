import { describe, expect, it } from 'vitest';
import { dispatchInvoke } from '../main/core/dispatch';
import { NAV_ITEMS } from '../renderer/src/app/navigation';
import { seriousViolations } from './fixtures/axe';
import { chooseTenant, liveConsoleAsSystemAdmin, openAsSystemAdmin, showView } from './fixtures/system-admin';

describe('accessibility in Chromium', () => {
  const t = liveConsoleAsSystemAdmin();

  it('has no serious or critical axe-core violations on the sign-in screen or any view, in both themes', async () => {
    // A failed job, so the Jobs view shows its failed table and its buttons too.
    const failed = await dispatchInvoke(t.live().services, t.session(), 'jobs.diagnose', { action: 'permanent', message: 'router said no' });
    if (!failed.ok) throw new Error(failed.error.message);
    const context = await t.browser().newContext({ viewport: { width: 1280, height: 720 } });
    const signedOut = await context.newPage();
    await signedOut.goto(`${t.live().url}/#/dashboard`);
    await signedOut.getByTestId('sign-in-form').waitFor();
    const problems = (await seriousViolations(signedOut)).map((v) => `sign-in: ${v}`);

    const page = await openAsSystemAdmin(t.browser(), t.live(), { width: 1280, height: 720 }, 'online-users');
    await chooseTenant(page, t.live().a.id);
    for (const theme of ['dark', 'light']) {
      if ((await page.locator('html').getAttribute('data-theme')) !== theme) await page.getByTestId('theme-toggle').click();
      for (const { id } of NAV_ITEMS) {
        if ((await page.getByTestId(`nav-${id}`).count()) === 0) continue;
        await showView(page, t.live(), id);
        if (id === 'jobs') await page.getByTestId(`jobs-failed-${(failed.data as { jobId: number }).jobId}`).waitFor({ timeout: 20_000 });
        problems.push(...(await seriousViolations(page)).map((v) => `${theme} ${id}: ${v}`));
      }
    }
    // A row detail open (it joins the page below the table).
    await showView(page, t.live(), 'online-users');
    await page.locator('[data-testid^="hotspot-details-"]').first().click();
    await page.getByTestId('hotspot-detail').waitFor();
    problems.push(...(await seriousViolations(page)).map((v) => `online-users detail: ${v}`));
    expect(problems).toEqual([]);
  });

  it('"/" focuses the view’s search box, and the first Tab offers a skip link past the navigation', async () => {
    const page = await openAsSystemAdmin(t.browser(), t.live(), { width: 1280, height: 720 }, 'online-users');
    await chooseTenant(page, t.live().a.id);
    await showView(page, t.live(), 'online-users');
    // Off the tenant picker: in a field "/" is a character.
    await page.locator('main h1').click();
    await page.keyboard.press('/');
    const search = page.getByTestId('hotspot-filter-text');
    expect(await search.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await search.inputValue()).toBe('');
    await page.keyboard.type('10.5/');
    expect(await search.inputValue()).toBe('10.5/');

    await page.getByTestId('nav-pppoe-sessions').click();
    await showView(page, t.live(), 'pppoe-sessions');
    await page.locator('main h1').click();
    await page.keyboard.press('/');
    expect(await page.getByTestId('pppoe-filter-text').evaluate((el) => el === document.activeElement)).toBe(true);

    // A fresh load (still signed in: the token lives in the tab) starts the tab order at the top.
    await page.reload();
    await page.getByTestId('nav-pppoe-sessions').waitFor();
    await page.keyboard.press('Tab');
    const skip = page.getByTestId('skip-link');
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await skip.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');
    expect(page.url()).toMatch(/#\/pppoe-sessions(\?|$)/);
    // The next Tab lands in the view, not in the top bar or the side bar.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
  });
});
