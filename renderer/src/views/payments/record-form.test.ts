import { describe, expect, it } from 'vitest';
import { emptyRecordForm, recordInputOf } from './record-form';

const KES = { locale: 'en-KE', currency: 'KES', timeZone: 'Africa/Nairobi' };

describe('record payment form', () => {
  it('reports every missing field at once', () => {
    const result = recordInputOf({ ...emptyRecordForm(), method: 'mobile' }, KES, null);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['amount', 'receipt', 'subscriber']);
  });

  it('reads the amount exactly into minor units and leaves a cash receipt to the backend', () => {
    const result = recordInputOf({ subscriberId: 4, amount: '0.29', method: 'cash', receipt: '' }, KES, 2);
    expect(result).toEqual({ ok: true, input: { tenantId: 2, subscriberId: 4, provider: 'cash', amountMinor: 29 } });
  });

  it('refuses more decimals than the currency has and a receipt that is not a code', () => {
    const result = recordInputOf({ subscriberId: 4, amount: '1.005', method: 'mobile', receipt: 'two words' }, KES, null);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['amount', 'receipt']);
  });
});
