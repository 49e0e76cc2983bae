import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/**
 * In-page measurements of the Online Users view for the render bench. Each runs inside
 * Chromium (page.evaluate) and times from the input event's own timestamp to just after the
 * next frame that shows the result: a requestAnimationFrame after the DOM changed, then a
 * message-channel task, which runs once that frame has been painted.
 */

/**
 * Before the page loads: tsx (esbuild, keepNames) wraps the named functions of these measures
 * in `__name(...)`, which exists in this process but not in the page.
 */
export async function allowMeasures(page: Page): Promise<void> {
  await page.addInitScript({ content: 'window.__name = (fn) => fn;' });
}

/** requestAnimationFrame gaps (ms) over `ms` of the page doing whatever it does. */
export function frameGaps(page: Page, ms: number): Promise<number[]> {
  return page.evaluate(
    (windowMs) =>
      new Promise<number[]>((resolve) => {
        const gaps: number[] = [];
        let last = -1;
        let end = Infinity;
        const frame = (t: number) => {
          if (last >= 0) gaps.push(t - last);
          else end = t + windowMs;
          last = t;
          if (t < end) requestAnimationFrame(frame);
          else resolve(gaps);
        };
        requestAnimationFrame(frame);
      }),
    ms,
  );
}

/** An element's attribute (or its text, without one) whose change marks the result on screen. */
export interface Watched {
  selector: string;
  attribute?: string;
}

/**
 * Arms a one-shot timer in the page: starts at the next `eventType` event (its own timestamp),
 * stops after the frame painted once the watched value differs from what it is now. Returns
 * the wait for the result: milliseconds, or null if nothing changed within 3 s.
 */
export async function armTimer(page: Page, eventType: 'keydown' | 'click', watched: Watched): Promise<() => Promise<number | null>> {
  await page.evaluate(
    ({ eventType, watched }) => {
      const read = () => {
        const el = document.querySelector(watched.selector);
        return el ? (watched.attribute ? el.getAttribute(watched.attribute) : el.textContent) : null;
      };
      const before = read();
      const w = window as unknown as { __benchTimer?: Promise<number | null> };
      w.__benchTimer = new Promise((resolve) => {
        let t0 = -1;
        document.addEventListener(eventType, (e) => (t0 = e.timeStamp), { capture: true, once: true });
        const observer = new MutationObserver(() => {
          if (t0 < 0 || read() === before) return;
          observer.disconnect();
          clearTimeout(giveUp);
          // The frame that shows the change, then a task that runs after it was painted.
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve(performance.now() - t0);
            channel.port2.postMessage(null);
          });
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        const giveUp = setTimeout(() => {
          observer.disconnect();
          resolve(null);
        }, 3_000);
      });
    },
    { eventType, watched },
  );
  return () => page.evaluate(() => (window as unknown as { __benchTimer: Promise<number | null> }).__benchTimer);
}

/** Scrolls the table to its top or end and times until the first or last row is painted. */
export function scrollTable(page: Page, testId: string, to: 'top' | 'end'): Promise<number> {
  return page.evaluate(
    ({ testId, to }) =>
      new Promise<number>((resolve, reject) => {
        const table = document.querySelector(`[data-testid="${testId}"]`)!;
        const scroller = table.querySelector('.vt-scroll')!;
        const wanted = to === 'top' ? 2 : Number(table.getAttribute('aria-rowcount'));
        const present = () => table.querySelector(`.vt-body [aria-rowindex="${wanted}"]`) !== null;
        const t0 = performance.now();
        const painted = () =>
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve(performance.now() - t0);
            channel.port2.postMessage(null);
          });
        const observer = new MutationObserver(() => {
          if (!present()) return;
          observer.disconnect();
          painted();
        });
        observer.observe(table, { subtree: true, childList: true });
        scroller.scrollTop = to === 'top' ? 0 : scroller.scrollHeight;
        setTimeout(() => {
          observer.disconnect();
          reject(new Error(`row ${wanted} did not show within 3 s of scrolling to the ${to}`));
        }, 3_000);
      }),
    { testId, to },
  );
}

/** Used JS heap of the page after a full garbage collection, in bytes (CDP). */
export async function jsHeapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await cdp.detach();
  }
}

/** A CPU profile of the page while `during` runs (CDP), for `--profile=file.cpuprofile`. */
export async function profiled<T>(page: Page, file: string | undefined, during: () => Promise<T>): Promise<T> {
  if (!file) return during();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.start');
  try {
    return await during();
  } finally {
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    await cdp.detach();
  }
}
