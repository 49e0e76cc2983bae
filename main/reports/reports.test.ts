import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../core/test-core';
import { invoker } from '../core/test-invoke';
import { readPdfText } from '../../workers/voucher-sheet/read-pdf-text';
import type { RevenueSeries } from './contract';
import { as, seedReportTenants, type ReportSeed } from './report-fixture';

const RANGE = { from: '2026-11-30', to: '2026-12-02' } as const;
const totalsOf = (s: RevenueSeries) => [s.total.receivedMinor, s.total.reversedMinor, s.total.voucherMinor, s.total.totalMinor];

describe('reports: revenue and activity by invoke, per tenant zone and currency', () => {
  let core: TestCore;
  let seed: ReportSeed;
  let call: ReturnType<typeof invoker>;

  beforeAll(async () => {
    core = await startTestCore();
    seed = await seedReportTenants(core.services);
    call = invoker(core.services, as('operator'));
  });
  afterAll(() => core.dispose());

  it('reports a tenant’s revenue per Nairobi day: received, reversed on the reversal’s day, vouchers, totals', async () => {
    const report = await call('reports.revenue', { ...RANGE, granularity: 'day' });
    expect(report.buckets.map((b) => b.key)).toEqual(['2026-11-30', '2026-12-01', '2026-12-02']);
    expect(report.tenants).toEqual([{ tenantId: 1, name: 'Alpha Net', timeZone: 'Africa/Nairobi', locale: 'en-KE', currency: 'KES' }]);
    const [total] = report.totals;
    expect(report.totals).toHaveLength(1);
    expect(total!.currency).toBe('KES');
    expect(total!.cells.map((c) => [c.receivedMinor, c.reversedMinor, c.netMinor, c.voucherMinor, c.totalMinor, c.payments, c.vouchers])).toEqual([
      [150_000, 0, 150_000, 0, 150_000, 1, 0],
      [177_000, 0, 177_000, 5_000, 182_000, 3, 1],
      [3_000, 153_000, -150_000, 5_000, -145_000, 1, 1],
    ]);
    expect(totalsOf(total!)).toEqual([330_000, 153_000, 10_000, 187_000]);
    expect(report.series).toEqual([{ ...total, key: 'total', label: 'Total' }]);
  });

  it('groups by plan, router and operator, biggest first, the groups adding up to the total', async () => {
    const byPlan = await call('reports.revenue', { ...RANGE, groupBy: 'plan' });
    expect(byPlan.series.map((s) => [s.label, ...totalsOf(s)])).toEqual([
      ['Fibre 10M', 300_000, 150_000, 0, 150_000],
      ['Fibre 5M', 20_000, 0, 0, 20_000],
      ['Daily', 0, 0, 10_000, 10_000],
      ['No plan (unmatched payments)', 10_000, 3_000, 0, 7_000],
    ]);
    const sum = byPlan.series.reduce((n, s) => n + s.total.totalMinor, 0);
    expect(sum).toBe(byPlan.totals[0]!.total.totalMinor);

    const byRouter = await call('reports.revenue', { ...RANGE, groupBy: 'router' });
    expect(byRouter.series.map((s) => [s.key, s.label, s.total.totalMinor])).toEqual([
      [`router:${seed.routers.r1}`, 'hq-1', 175_000],
      ['router:none:payment', 'No router', 7_000],
      [`router:${seed.routers.r2}`, 'hq-2', 5_000],
    ]);

    const byOperator = await call('reports.revenue', { ...RANGE, groupBy: 'operator' });
    expect(byOperator.series.map((s) => [s.label, s.total.totalMinor])).toEqual([
      ['kamau', 150_000],
      ['Provider webhooks', 27_000],
      ['seller', 10_000],
      ['mary@alpha.example', 0],
    ]);
  });

  it('shows viewers the figures with staff logins that are emails or phones masked', async () => {
    const report = await call('reports.revenue', { ...RANGE, groupBy: 'operator' }, as('viewer'));
    expect(report.series.map((s) => s.label)).toContain('m***@alpha.example');
    expect(JSON.stringify(report)).not.toContain('mary@alpha.example');
    expect(report.totals[0]!.total.totalMinor).toBe(187_000);
  });

  it('keeps tenants apart: a tenant’s user gets its own figures whatever tenantId says', async () => {
    const own = await call('reports.revenue', { ...RANGE, tenantId: 1 }, as('operator', 2));
    expect(own.tenants.map((t) => t.tenantId)).toEqual([2]);
    expect(own.totals.map((t) => [t.currency, t.total.receivedMinor])).toEqual([['EUR', 2_000]]);
    // 1 Dec 23:30 in Berlin: Bravo's own day, though it is 2 Dec in Nairobi.
    expect(own.totals[0]!.cells.map((c) => c.receivedMinor)).toEqual([0, 2_000, 0]);
    const activity = await call('reports.activity', RANGE, as('viewer', 2));
    expect(activity.series).toEqual([expect.objectContaining({ tenantId: 2, activeSubscribers: 1, total: { vouchersIssued: 0, vouchersActivated: 0, expiries: 0, renewals: 0, reconnections: 0 } })]);
  });

  it('gives system admins every tenant in its own zone and the sum per currency, never KES plus EUR', async () => {
    const report = await call('reports.revenue', RANGE, as('system_admin', null));
    expect(report.tenants.map((t) => t.tenantId)).toEqual([1, 2]);
    expect(report.totals.map((t) => [t.tenantId, t.currency, t.label, t.total.totalMinor])).toEqual([
      [1, 'KES', 'Total', 187_000],
      [2, 'EUR', 'Total', 2_000],
      [null, 'EUR', 'All tenants (EUR)', 2_000],
      [null, 'KES', 'All tenants (KES)', 187_000],
    ]);
    const one = await call('reports.revenue', { ...RANGE, tenantId: 2 }, as('system_admin', null));
    expect(one.totals.map((t) => [t.tenantId, t.currency])).toEqual([[2, 'EUR']]);
    await expect(call('reports.revenue', { ...RANGE, tenantId: 99 }, as('system_admin', null))).rejects.toMatchObject({ error: { code: 'not_found' } });

    const activity = await call('reports.activity', RANGE, as('system_admin', null));
    expect(activity.series.map((s) => [s.tenantId, s.label, s.activeSubscribers, s.total.renewals])).toEqual([
      [1, 'Alpha Net', 1, 2],
      [2, 'Bravo Net', 1, 0],
      [null, 'All tenants', 2, 2],
    ]);
  });

  it('refuses a range past its bound with what to choose instead, and anyone not signed in', async () => {
    await expect(call('reports.revenue', { from: '2025-01-01', to: '2026-12-31' })).rejects.toMatchObject({ error: { code: 'invalid_input', message: expect.stringMatching(/at most 400 days: choose weeks or months/) } });
    await expect(call('reports.activity', { from: '2026-12-02', to: '2026-12-01' })).rejects.toMatchObject({ error: { code: 'invalid_input' } });
    await expect(call('reports.pdf', RANGE, { id: 'anon', user: null })).rejects.toMatchObject({ error: { code: 'unauthenticated' } });
  });

  it('renders the same report as a PDF off the main thread, readable text and the same figures', async () => {
    const pdf = await call('reports.pdf', { ...RANGE, groupBy: 'plan' }, as('viewer'));
    expect(pdf.fileName).toBe('report-alpha-net-2026-11-30-to-2026-12-02.pdf');
    const bytes = Buffer.from(pdf.base64, 'base64');
    expect(bytes.byteLength).toBe(pdf.bytes);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = (await readPdfText(bytes)).join('\n');
    expect(pdf.pages).toBe(1);
    expect(text).toContain('Alpha Net: revenue and activity');
    expect(text).toContain('Revenue by day (KES)');
    expect(text).toContain('1 Dec 2026');
    expect(text).toContain('KES 1,870.00'); // the range's total
    expect(text).toContain('-KES 1,450.00'); // 2 Dec: a reversal bigger than the day's money
    expect(text).toContain('Revenue by plan');
    expect(text).toContain('Fibre 10M');
    expect(text).toContain('Activity by day');
    expect(text).toContain('Subscribers active now: 1.');
  });

  it('lays a system admin’s year of days over several pages, tables and page numbers whole', async () => {
    const pdf = await call('reports.pdf', { from: '2026-01-01', to: '2026-12-31', groupBy: 'operator' }, as('system_admin', null));
    expect(pdf.fileName).toBe('report-all-tenants-2026-01-01-to-2026-12-31.pdf');
    const pages = await readPdfText(Buffer.from(pdf.base64, 'base64'));
    expect(pages).toHaveLength(pdf.pages);
    expect(pdf.pages).toBeGreaterThan(10);
    expect(pages[pages.length - 1]).toContain(`Page ${pdf.pages} of ${pdf.pages}`);
    const text = pages.join('\n');
    for (const caption of ['Revenue by day (EUR), all tenants', 'Revenue by day (KES), all tenants', 'Revenue by tenant', 'Revenue by operator', 'Activity by tenant']) expect(text).toContain(caption);
    // The header row is repeated on each page a table runs onto.
    expect(pages.filter((p) => p.includes('Voucher value')).length).toBeGreaterThan(5);
    expect(text).toContain('EUR 25.00');
  });
});
