import { describe, expect, it } from 'vitest';
import { checkPlanForm, emptyPlanForm, planFormErrors, planFormFrom, planInputOf, planUpdateInput } from './plan-form';
import { testPlan } from './test-plans';

const KES = { locale: 'en-KE', currency: 'KES' };

describe('plan form', () => {
  it('builds a create input with exact minor units, seconds, bits and bytes', () => {
    const values = { ...emptyPlanForm('hotspot', [7]), name: '1 Day', price: '1,500.29', uptimeLimit: '5h', dataLimit: '1.5G', uploadRate: '1M', downloadRate: '2.5M' };
    const { input, errors } = planInputOf(values, KES, 3);
    expect(errors).toEqual({});
    expect(input).toEqual({
      kind: 'hotspot',
      name: '1 Day',
      priceMinor: 150029,
      validitySeconds: 86400,
      uptimeLimitSeconds: 18000,
      dataLimitBytes: 1_500_000_000,
      rateLimit: { uploadBps: 1_000_000, downloadBps: 2_500_000 },
      sharedUsers: 1,
      addressPool: null,
      localAddress: null,
      expiry: 'disable',
      expiredProfile: null,
      autoRenew: false,
      routerIds: [7],
      tenantId: 3,
    });
  });

  it('reports every field at once: text that does not parse and the contract’s own rules', () => {
    const values = { ...emptyPlanForm('pppoe', []), name: 'bad/name', price: '12.345', validity: '30', uploadRate: '2M', expiry: 'move' as const, burst: true, burstUpload: 'x' };
    const errors = checkPlanForm(values, KES);
    expect(Object.keys(errors).sort()).toEqual(['burstDownload', 'burstThresholdDownload', 'burstThresholdUpload', 'burstTime', 'burstUpload', 'downloadRate', 'expiredProfile', 'name', 'price', 'validity'].sort());
    expect(errors.price).toMatch(/at most 2 decimals/);
    expect(errors.expiredProfile).toMatch(/name the profile/);
    expect(errors.downloadRate).toMatch(/download rate too/);
    expect(checkPlanForm({ ...emptyPlanForm('hotspot', [1]), name: 'Day', price: '50' }, KES)).toEqual({});
    expect(checkPlanForm({ ...emptyPlanForm('hotspot', [1]), name: 'Day', price: '' }, KES).price).toMatch(/enter the price/);
  });

  it('round-trips a plan through the form and sends only what changed', () => {
    const plan = testPlan(4, 'Week', {
      priceMinor: 29,
      rateLimit: { uploadBps: 1_000_000, downloadBps: 2_000_000, burstUploadBps: 2_000_000, burstDownloadBps: 4_000_000, burstThresholdUploadBps: 750_000, burstThresholdDownloadBps: 1_500_000, burstTimeSeconds: 8 },
      routerIds: [9, 7],
    });
    const values = planFormFrom(plan, KES);
    expect(values.price).toBe('0.29');
    expect(values.burst).toBe(true);
    expect(planUpdateInput(values, plan, KES)).toEqual({ id: 4 });
    expect(planUpdateInput({ ...values, routerIds: [7, 9] }, plan, KES)).toEqual({ id: 4 });
    // Auto-renew from balance is a plan option: ticked, it is sent; a plan with it comes back ticked.
    expect(planUpdateInput({ ...values, autoRenew: true }, plan, KES)).toEqual({ id: 4, autoRenew: true });
    expect(planFormFrom({ ...plan, autoRenew: true }, KES).autoRenew).toBe(true);
    expect(planUpdateInput({ ...values, price: '0.30', downloadRate: '3M', routerIds: [7] }, plan, KES)).toEqual({
      id: 4,
      priceMinor: 30,
      rateLimit: { ...plan.rateLimit, downloadBps: 3_000_000 },
      routerIds: [7],
    });
  });

  it('puts backend field errors under their fields, nested rate paths included', () => {
    const invalid = planFormErrors({ code: 'invalid_input', message: 'invalid', details: [{ path: ['rateLimit', 'burstTimeSeconds'], message: 'too long' }, { path: ['name'], message: 'taken' }] });
    expect(invalid).toEqual({ fields: { burstTime: 'too long', name: 'taken' }, form: null });
    expect(planFormErrors({ code: 'conflict', message: 'exists', details: { fields: { name: 'a plan named Day exists' } } })).toEqual({ fields: { name: 'a plan named Day exists' }, form: null });
    expect(planFormErrors({ code: 'forbidden', message: 'your role (viewer) may not use plans.create' })).toEqual({ fields: {}, form: 'your role (viewer) may not use plans.create' });
  });
});
