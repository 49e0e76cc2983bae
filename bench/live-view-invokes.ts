import { launchChromium } from '../e2e/fixtures/browser';
import { signIn } from '../e2e/fixtures/sign-in';
import { recordSentMessages } from '../e2e/fixtures/ws-frames';

const WATCH_MS = Number(process.env.BENCH_LIVE_VIEW_MS ?? 30_000);

/**
 * Opens the Online Users view in Chromium as the given user, waits until its rows are live,
 * then counts the invokes the page sends while it keeps updating. Returns invokes per minute.
 */
export async function countViewInvokes(url: string, username: string, password: string): Promise<number> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const sent = recordSentMessages(page);
    await page.goto(`${url}/#/online-users`);
    await signIn(page, username, password);
    await page.locator('[data-testid^="hotspot-row-"]').first().waitFor({ timeout: 60_000 });
    const before = sent.filter((m) => m.type === 'invoke').length;
    await new Promise((resolve) => setTimeout(resolve, WATCH_MS));
    const after = sent.filter((m) => m.type === 'invoke').length;
    return ((after - before) * 60_000) / WATCH_MS;
  } finally {
    await browser.close();
  }
}
