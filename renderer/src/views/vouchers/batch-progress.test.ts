import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../format/number';
import { expiryClass, expiryLine, pushLine } from './batch-progress';

const progress = { routerId: 7, state: 'pushing' as const, pushed: 640, total: 1000, failures: [], failedCount: 0, message: null, updatedAt: '2026-01-01T00:00:00Z' };
const number = (n: number) => formatNumber(n, { locale: 'en-KE' });

describe('push progress line', () => {
  it('says how far each router is, in the tenant’s number format', () => {
    expect(pushLine(progress, 'north-01', number)).toBe('north-01: 640 of 1,000 · pushing');
    expect(pushLine({ ...progress, state: 'done', pushed: 1000 }, 'north-01', number)).toBe('north-01: 1,000 of 1,000');
    expect(pushLine({ ...progress, state: 'pending', pushed: 0 }, 'north-01', number)).toBe('north-01: 0 of 1,000 · waiting for the router');
    expect(pushLine({ ...progress, state: 'failed', failedCount: 3 }, 'north-01', (n) => formatNumber(n, { locale: 'de-DE' }))).toBe('north-01: 640 of 1.000 · 3 refused · failed');
  });

  it('says where the spent vouchers’ expiry stands on a router, naming only what waits or was refused', () => {
    const expiry = { done: 12, waiting: 0, refused: 0, message: null };
    expect(expiryLine(expiry, number)).toBe('expired on router: 12 done');
    expect(expiryClass(expiry)).toBe('push-done');
    expect(expiryLine({ ...expiry, waiting: 3, message: 'north-01 is offline' }, number)).toBe('expired on router: 12 done, 3 waiting for the router');
    expect(expiryClass({ ...expiry, waiting: 3 })).toBeUndefined();
    expect(expiryLine({ done: 1200, waiting: 0, refused: 2, message: 'no such user' }, number)).toBe('expired on router: 1,200 done, 2 refused');
    expect(expiryClass({ ...expiry, waiting: 3, refused: 2 })).toBe('push-failed');
  });
});
