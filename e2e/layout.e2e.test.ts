import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Session } from '../main/auth/session';
import { dispatchInvoke } from '../main/core/dispatch';
import { startSimulatedRouter } from '../main/routers/simulator';
import { NAV_ITEMS } from '../renderer/src/app/navigation';
import { findClipped } from './fixtures/layout-check';
import { chooseTenant, liveConsoleAsSystemAdmin, openAsSystemAdmin, showView } from './fixtures/system-admin';

const LAPTOP = { width: 1280, height: 720 };
const DESKTOP = { width: 1440, height: 900 };
const SMALL_LAPTOP = { width: 1024, height: 768 };

/** The rows a virtual table shows, top to bottom, as their data-testid. */
const rowOrder = (page: Page, prefix: string) =>
  page.$$eval(`[data-testid^="${prefix}-row-"]`, (rows) =>
    rows.sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex'))).map((r) => r.getAttribute('data-testid')!),
  );

/** Header texts and each row's full values (the cells' titles) as the table shows them, by column id. */
const tableContents = (page: Page, table: string) =>
  page.evaluate((testId) => {
    const grid = document.querySelector(`[data-testid="${testId}"]`)!;
    const headers = [...grid.querySelectorAll('[role="columnheader"]')].map((h) => ({ id: h.getAttribute('data-column')!, text: h.textContent!.replace(/[▲▼⏸]/g, '').trim() }));
    const rows = [...grid.querySelectorAll('.vt-body [role="row"]')]
      .sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))
      .map((row) => Object.fromEntries([...row.querySelectorAll('[role="gridcell"][title]')].map((c) => [c.getAttribute('data-column')!, c.getAttribute('title')!])));
    return { headers, rows };
  }, table);

/** RFC 4180, as the export writes it: quoted fields may hold commas, doubled quotes and line breaks; records end in CRLF. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  const field = /("(?:[^"]|"")*"|[^",\r\n]*)(,|\r\n)/y;
  let record: string[] = [];
  let match: RegExpExecArray | null;
  while (field.lastIndex < text.length && (match = field.exec(text))) {
    const raw = match[1]!;
    record.push(raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw);
    if (match[2] === '\r\n') {
      records.push(record);
      record = [];
    }
  }
  return records;
}

async function exportCsv(page: Page, prefix: string): Promise<string[][]> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`${prefix}-export`).click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  return parseCsv(readFileSync((await download.path())!, 'utf8'));
}

describe('tables and layouts that fit a laptop, in Chromium', () => {
  const t = liveConsoleAsSystemAdmin();
  /** A job that failed for good with this error, system-wide; its id. */
  const failJob = async (message: string): Promise<number> => {
    const failed = await dispatchInvoke(t.live().services, t.session(), 'jobs.diagnose', { action: 'permanent', message });
    if (!failed.ok) throw new Error(failed.error.message);
    return (failed.data as { jobId: number }).jobId;
  };

  it.each([LAPTOP, DESKTOP])('clips and covers nothing on any view at $width × $height', async (viewport) => {
    // A failed job with a long error, so the Jobs view has its failed table to lay out too.
    const failed = await failJob('router north-02 refused the API login after 3 attempts: check that the API user has the api policy and that the address list allows this console');
    const page = await openAsSystemAdmin(t.browser(), t.live(), viewport, 'online-users');
    await chooseTenant(page, t.live().a.id);
    const problems: string[] = [];
    for (const { id } of NAV_ITEMS) {
      if ((await page.getByTestId(`nav-${id}`).count()) === 0) continue;
      await showView(page, t.live(), id);
      if (id === 'jobs') await page.getByTestId(`jobs-failed-${failed}`).waitFor({ timeout: 20_000 });
      problems.push(...(await findClipped(page)).map((p) => `${id}: ${p}`));
    }
    expect(problems).toEqual([]);
  });

  it('folds the Routers and Jobs tables at 1024 × 768 so nothing is clipped, the folded values in the details', async () => {
    const failed = await failJob('router north-02 refused the API login after 3 attempts: check that the API user has the api policy and that the address list allows this console');
    const { a } = t.live();
    const page = await openAsSystemAdmin(t.browser(), t.live(), SMALL_LAPTOP, 'routers');
    await chooseTenant(page, a.id);
    await showView(page, t.live(), 'routers');
    expect(await findClipped(page)).toEqual([]);
    const folded = (await page.getByTestId('routers-table').getAttribute('data-folded'))!.split(' ').filter(Boolean);
    expect(folded.length).toBeGreaterThan(0);
    expect(folded).not.toContain('name');
    expect(folded).not.toContain('status');
    // Whatever folded away is in the router's details, in full.
    await page.getByTestId(`router-details-${a.router.id}`).click();
    await page.getByTestId('router-detail').waitFor();
    for (const id of folded) expect(await page.getByTestId(`router-detail-${id}`).textContent(), id).toMatch(/\S/);
    if (folded.includes('system')) expect(await page.getByTestId('router-detail-system').textContent()).toContain(a.sim.name);
    expect(await findClipped(page)).toEqual([]);

    await showView(page, t.live(), 'jobs');
    await page.getByTestId(`jobs-failed-${failed}`).waitFor({ timeout: 20_000 });
    expect(await findClipped(page)).toEqual([]);
    expect(await page.getByTestId(`jobs-failed-${failed}-error`).count()).toBe(1);
  });

  it('exports the Jobs tables as CSV exactly as they show, after the filter', async () => {
    const first = await failJob('first failure: router north-02 refused the login');
    const second = await failJob('second failure: the disk is full, "really"');
    const page = await openAsSystemAdmin(t.browser(), t.live(), DESKTOP, 'jobs');
    await page.getByTestId(`jobs-failed-${second}`).waitFor({ timeout: 20_000 });
    await page.getByTestId(`jobs-failed-${first}`).waitFor();

    /** Header texts and each row's cells (their full value: the title where a cell has one) as the plain table shows them. */
    const plainTable = (testId: string) =>
      page.evaluate((id) => {
        const table = document.querySelector(`[data-testid="${id}"]`)!;
        const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent!.trim()).filter((h) => h !== 'Actions');
        const rows = [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td[data-column]')].map((td) => td.getAttribute('title') ?? td.textContent!));
        return { headers, rows };
      }, testId);
    const expectCsvEqualsTable = async (prefix: string) => {
      const shown = await plainTable(prefix);
      const [header, ...records] = await exportCsv(page, prefix);
      const index = shown.headers.map((h) => header!.indexOf(h));
      for (const [i, h] of shown.headers.entries()) expect(index[i], h).toBeGreaterThanOrEqual(0);
      expect(records).toHaveLength(shown.rows.length);
      shown.rows.forEach((row, r) => row.forEach((value, c) => expect(records[r]![index[c]!], `row ${r} ${shown.headers[c]}`).toBe(value)));
      return { header: header!, records };
    };

    const queues = await expectCsvEqualsTable('jobs-queues');
    expect(queues.header).toEqual(['Queue', 'Priority', 'Workers', 'Queued', 'Running', 'Failed', 'Done/min', 'p95']);
    const all = await expectCsvEqualsTable('jobs-failed');
    expect(all.records.map((r) => r[all.header.indexOf('Id')])).toEqual(expect.arrayContaining([String(first), String(second)]));

    // Filtered: the export holds the one row the table shows.
    await page.getByTestId('jobs-filter-text').fill('disk is full');
    await page.getByTestId(`jobs-failed-${first}`).waitFor({ state: 'detached' });
    const filtered = await expectCsvEqualsTable('jobs-failed');
    expect(filtered.records).toHaveLength(1);
    expect(filtered.records[0]![filtered.header.indexOf('Error')]).toBe('second failure: the disk is full, "really"');
  });

  it('keeps the live rates beside the pinned actions at 1280 px and folds the rest into the row detail with full values', async () => {
    const page = await openAsSystemAdmin(t.browser(), t.live(), LAPTOP, 'online-users');
    await chooseTenant(page, t.live().a.id);
    await showView(page, t.live(), 'online-users');
    const { headers, rows } = await tableContents(page, 'hotspot-table');
    const shown = headers.map((h) => h.id);
    expect(shown).toEqual(expect.arrayContaining(['user', 'address', 'rateOut', 'rateIn', 'actions']));
    expect(headers.find((h) => h.id === 'rateOut')!.text).toBe('Download');
    expect(headers.find((h) => h.id === 'rateIn')!.text).toBe('Upload');
    expect(shown).not.toContain('loginBy');
    expect(await page.locator('[data-testid="hotspot-table"] [role="columnheader"][data-column="actions"]').getAttribute('title')).toMatch(/details: .*Login/);

    const [first] = await rowOrder(page, 'hotspot');
    const key = first!.replace('hotspot-row-', '');
    await page.getByRole('button', { name: new RegExp(`^Details of ${rows[0]!.user}`) }).click();
    const detail = page.getByTestId('hotspot-detail');
    await detail.waitFor();
    // The folded login method and the full MAC (the table shows its last three octets).
    expect(await page.getByTestId('hotspot-detail-loginBy').textContent()).toMatch(/\S/);
    const mac = await page.getByTestId('hotspot-detail-mac').textContent();
    expect(mac).toMatch(/^([0-9A-F]{2}:){5}[0-9A-F]{2}$/i);
    expect(rows[0]!.mac).toBe(mac);
    expect(await page.locator(`[data-testid="hotspot-row-${key}"] [data-column="mac"]`).textContent()).toBe(`…${mac!.slice(9)}`);
    expect(await page.getByRole('button', { name: new RegExp(`^Disconnect ${rows[0]!.user}`) }).count()).toBe(1);
    await page.getByTestId('hotspot-detail-close').click();
    await detail.waitFor({ state: 'detached' });

    // PPPoE keeps its caller id in view at 1280 px too (upload and service fold first).
    await showView(page, t.live(), 'pppoe-sessions');
    const pppoe = await tableContents(page, 'pppoe-table');
    expect(pppoe.headers.map((h) => h.id)).toEqual(expect.arrayContaining(['name', 'callerId', 'address', 'rateOut', 'rateIn']));
    expect(pppoe.rows[0]!.callerId).toMatch(/\S/);
  });

  it('exports as CSV exactly the rows the table shows, after filter and sort, with every column', async () => {
    const page = await openAsSystemAdmin(t.browser(), t.live(), DESKTOP, 'online-users');
    await chooseTenant(page, t.live().a.id);
    await showView(page, t.live(), 'online-users');
    await page.getByTestId('hotspot-table-sort-address').click();

    // Uptimes tick: compare with a table that read the same before and after the export.
    let compared = false;
    for (let attempt = 0; attempt < 5 && !compared; attempt++) {
      const before = await tableContents(page, 'hotspot-table');
      const csv = await exportCsv(page, 'hotspot');
      const after = await tableContents(page, 'hotspot-table');
      if (JSON.stringify(before) !== JSON.stringify(after)) continue;
      const [header, ...records] = csv;
      const index = new Map(before.headers.map((h) => [h.id, header!.indexOf(h.text)]));
      for (const h of before.headers) if (h.id !== 'actions') expect(index.get(h.id), h.text).toBeGreaterThanOrEqual(0);
      // Folded columns are exported too.
      expect(header).toEqual(expect.arrayContaining(['User', 'Router', 'Address', 'MAC', 'Login', 'Uptime', 'Time left', 'Downloaded', 'Uploaded', 'Download', 'Upload']));
      expect(records).toHaveLength(before.rows.length);
      before.rows.forEach((row, i) => {
        for (const [id, value] of Object.entries(row)) expect(records[i]![index.get(id)!], `row ${i} ${id}`).toBe(value);
      });
      compared = true;
    }
    expect(compared).toBe(true);

    await showView(page, t.live(), 'pppoe-sessions');
    const [firstRow] = (await tableContents(page, 'pppoe-table')).rows;
    await page.getByTestId('pppoe-filter-text').fill(firstRow!.address!);
    await page.locator('[data-testid="pppoe-shown"]', { hasText: /^1$/ }).waitFor();
    const [header, ...records] = await exportCsv(page, 'pppoe');
    expect(header).toEqual(expect.arrayContaining(['Name', 'Caller ID', 'Downloaded', 'Uploaded', 'Download', 'Upload']));
    expect(records).toHaveLength(1);
    expect(records[0]![header!.indexOf('Address')]).toBe(firstRow!.address);

    await showView(page, t.live(), 'routers');
    const [routerHeader, ...routerRecords] = await exportCsv(page, 'routers');
    const cell = (name: string) => routerRecords[0]![routerHeader!.indexOf(name)];
    expect(routerRecords).toHaveLength(1);
    expect(cell('Name')).toBe(await page.getByTestId(`router-name-${t.live().a.router.id}`).textContent());
    expect(cell('Identity')).toBe(await page.getByTestId(`router-identity-${t.live().a.router.id}`).textContent());
    expect(cell('Status')).toBe('online');
    expect(cell('Address')).toBe(`${t.live().a.sim.host}:${t.live().a.sim.port}`);

    // The plain tables export what they list, in the same order.
    await showView(page, t.live(), 'tenants');
    const [tenantHeader, ...tenantRecords] = await exportCsv(page, 'tenants');
    const tenantRows = await page.$$eval('[data-testid^="tenant-row-"]', (rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)));
    expect(tenantHeader).toEqual(['Name', 'Status', 'Users', 'Registered']);
    expect(tenantRecords).toEqual(tenantRows);
    await showView(page, t.live(), 'users');
    const [userHeader, ...userRecords] = await exportCsv(page, 'users');
    const usernames = await page.$$eval('[data-testid^="user-row-"]', (rows) => rows.map((r) => r.getAttribute('data-testid')!.replace('user-row-', '')));
    expect(usernames.length).toBeGreaterThan(0);
    expect(userRecords.map((r) => r[userHeader!.indexOf('Username')])).toEqual(usernames);
  });

  it('freezes the row order while the pointer or keyboard focus is on a sorted live table and applies the new order when it leaves', async () => {
    const page = await openAsSystemAdmin(t.browser(), t.live(), DESKTOP, 'online-users');
    await chooseTenant(page, t.live().a.id);
    await showView(page, t.live(), 'online-users');
    await page.locator('[data-testid^="hotspot-row-"]').nth(2).waitFor();
    const before = await rowOrder(page, 'hotspot');
    const table = page.getByTestId('hotspot-table');

    await page.getByTestId(before[1]!).hover();
    await table.and(page.locator('[data-order-held="true"]')).waitFor();
    // Sorted by user, ascending: this one belongs first, but the rows under the pointer stay put.
    const id = t.live().a.sim.model.addHotspotSession({ user: '0000-first' });
    const added = `hotspot-row-${t.live().a.router.id}:${id}`;
    await page.getByTestId(added).waitFor();
    expect(await rowOrder(page, 'hotspot')).toEqual([...before, added]);

    await page.mouse.move(2, 2);
    await table.and(page.locator('[data-order-held="false"]')).waitFor();
    expect(await rowOrder(page, 'hotspot')).toEqual([added, ...before]);

    // Keyboard focus on a row's button holds the order the same way.
    await page.getByTestId(before[1]!.replace('hotspot-row-', 'hotspot-details-')).focus();
    await table.and(page.locator('[data-order-held="true"]')).waitFor();
    const second = `hotspot-row-${t.live().a.router.id}:${t.live().a.sim.model.addHotspotSession({ user: '0000-second' })}`;
    await page.getByTestId(second).waitFor();
    expect(await rowOrder(page, 'hotspot')).toEqual([added, ...before, second]);
    await page.getByTestId('hotspot-filter-text').focus();
    await table.and(page.locator('[data-order-held="false"]')).waitFor();
    expect(await rowOrder(page, 'hotspot')).toEqual([added, second, ...before]);
  });

  it('freezes the Routers table too: a router that goes down moves first only once the pointer leaves', async () => {
    const { a } = t.live();
    const edge = await startSimulatedRouter({ name: 'aa-edge', password: 'edge-api-pw' });
    try {
      const session: Session = { id: 'e2e-layout', user: { id: 1, username: a.admin.username, role: 'tenant_admin', tenantId: a.id } };
      const added = await dispatchInvoke(t.live().services, session, 'routers.add', {
        name: edge.name, host: edge.host, port: edge.port, tls: 'off', username: edge.username, password: edge.password, site: 'E2E', notes: '', encoding: 'utf-8',
      });
      if (!added.ok) throw new Error(added.error.message);
      const edgeRow = `router-row-${(added.data as { id: number }).id}`;
      const alphaRow = `router-row-${a.router.id}`;
      const page = await openAsSystemAdmin(t.browser(), t.live(), DESKTOP, 'routers');
      await chooseTenant(page, a.id);
      await page.locator(`[data-testid="${edgeRow}"][data-state="online"]`).waitFor({ timeout: 20_000 });
      const order = () => page.$$eval('[data-testid^="router-row-"]', (rows) => rows.map((r) => r.getAttribute('data-testid')));
      expect(await order()).toEqual([edgeRow, alphaRow]);

      await page.getByTestId(`router-name-${a.router.id}`).hover();
      await page.locator('tbody[data-order-held="true"]').waitFor();
      await a.sim.stop();
      await page.locator(`[data-testid="${alphaRow}"][data-state="offline"]`).waitFor({ timeout: 20_000 });
      expect(await order()).toEqual([edgeRow, alphaRow]);
      await page.mouse.move(2, 2);
      await page.locator('tbody[data-order-held="false"]').waitFor();
      expect(await order()).toEqual([alphaRow, edgeRow]);
    } finally {
      await edge.stop();
    }
  });
});
