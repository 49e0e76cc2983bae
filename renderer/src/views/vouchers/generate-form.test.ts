import { describe, expect, it } from 'vitest';
import { testPlan } from '../plans/test-plans';
import { checkGenerateForm, emptyGenerateForm, generateFormErrors, generateInputOf } from './generate-form';

const plan = testPlan(3, '1 Day', { routerIds: [7, 8] });

describe('generate form', () => {
  it('builds the input, sending routers only when narrower than the plan’s', () => {
    const values = { ...emptyGenerateForm(plan), count: '20', prefix: 'HQ' };
    expect(generateInputOf(values, plan, null)).toEqual({ planId: 3, count: 20, codeLength: 6, prefix: 'HQ', charset: 'mixed', separatePassword: false, comment: '' });
    expect(generateInputOf({ ...values, routerIds: [8] }, plan, 2)).toMatchObject({ routerIds: [8], tenantId: 2 });
    expect(checkGenerateForm(values, plan)).toEqual({});
  });

  it('reports every problem at once', () => {
    const errors = checkGenerateForm({ ...emptyGenerateForm(plan), count: '10001', codeLength: 'six', prefix: 'HQ-1', comment: 'say "hi"', routerIds: [] }, plan);
    expect(Object.keys(errors).sort()).toEqual(['codeLength', 'comment', 'count', 'prefix', 'routerIds']);
    expect(errors.count).toBe('at most 10,000 vouchers in a batch');
    expect(checkGenerateForm(emptyGenerateForm(null), null).planId).toBe('choose a hotspot plan');
    expect(checkGenerateForm(emptyGenerateForm(testPlan(4, 'Home', { kind: 'pppoe' })), testPlan(4, 'Home', { kind: 'pppoe' })).planId).toBe('choose a hotspot plan');
  });

  it('puts backend errors under their fields', () => {
    expect(generateFormErrors({ code: 'invalid_input', message: 'bad', details: [{ path: ['codeLength'], message: 'too short for 10,000 unique codes' }] })).toEqual({
      fields: { codeLength: 'too short for 10,000 unique codes' },
      form: null,
    });
  });
});
