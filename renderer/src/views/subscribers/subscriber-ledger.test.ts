import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../../../main/payments/contract';
import type { SubscriberRouterStatus } from '../../../../main/subscribers/contract';
import { testPayment } from '../payments/test-payments';
import { accessSteps } from './subscriber-access';
import { ledgerEventConcerns, signedAmount, subscriberLedgerOf } from './subscriber-ledger';
import { adjustInputOf, emptyAdjustForm } from './subscriber-ledger-form';

const KES = { locale: 'en-KE', currency: 'KES', timeZone: 'Africa/Nairobi' };
const kes = (major: number) => new Intl.NumberFormat('en-KE', { style: 'currency', currency: 'KES' }).format(major);

const entry = (id: number, kind: LedgerEntry['kind'], amountMinor: number, paymentId: number | null = null): LedgerEntry => ({
  id, subscriberId: 3, kind, amountMinor, currency: 'KES', paymentId, note: null, at: `2026-01-0${id}T10:00:00.000Z`, by: 'alpha-boss',
});

describe('subscriber ledger on the page', () => {
  it('lists entries newest first with the receipts of their payments', () => {
    const ledger = subscriberLedgerOf({ currency: 'KES', balanceMinor: 2_000, entries: [entry(1, 'payment', 5_000, 7), entry(2, 'charge', -5_000), entry(3, 'adjustment', 2_000)] }, [testPayment(7, { reference: 'QK77', provider: 'mpesa' })]);
    expect(ledger.entries.map((e) => e.id)).toEqual([3, 2, 1]);
    expect(ledger.receipts.get(7)).toEqual({ provider: 'mpesa', reference: 'QK77' });
    expect(ledger.receipts.has(8)).toBe(false);
  });

  it('refetches only for ledger events about this subscriber', () => {
    expect(ledgerEventConcerns('PaymentReceived', testPayment(1, { subscriberId: 3 }), 3)).toBe(true);
    expect(ledgerEventConcerns('PaymentReversed', testPayment(1, { subscriberId: 3 }), 3)).toBe(true);
    expect(ledgerEventConcerns('LedgerAdjusted', { subscriberId: 3, balanceMinor: 0 }, 3)).toBe(true);
    // An extension or renewal charged the plan.
    expect(ledgerEventConcerns('SubscriptionExtended', { subscriberId: 3, chargedMinor: 5_000 }, 3)).toBe(true);
    expect(ledgerEventConcerns('SubscriptionExtended', { subscriberId: 4, chargedMinor: 5_000 }, 3)).toBe(false);
    expect(ledgerEventConcerns('SubscriberUpdated', { id: 3 }, 3)).toBe(false);
    expect(ledgerEventConcerns('PaymentReceived', testPayment(1, { subscriberId: 4 }), 3)).toBe(false);
    // An unmatched payment names nobody; an unknown event is not the ledger's.
    expect(ledgerEventConcerns('PaymentUnmatched', testPayment(1, { subscriberId: null }), 3)).toBe(false);
    expect(ledgerEventConcerns('SomethingElse', { subscriberId: 3 }, 3)).toBe(false);
    expect(ledgerEventConcerns('LedgerAdjusted', null, 3)).toBe(false);
  });

  it('shows every amount with its sign in the ledger’s currency', () => {
    expect(signedAmount(150_050, 'KES', KES)).toBe(`+${kes(1500.5)}`);
    expect(signedAmount(-5_000, 'KES', KES)).toBe(kes(-50));
    expect(signedAmount(-5_000, 'KES', KES)).toMatch(/^-/);
  });
});

describe('adjust balance form', () => {
  it('reports the amount and the reason at once', () => {
    const result = adjustInputOf({ ...emptyAdjustForm(), amount: '0', note: 'x ' }, KES, 3, null);
    expect(result).toEqual({ ok: false, errors: { amount: expect.stringMatching(/more than nothing/), note: expect.stringMatching(/say why/) } });
    const bad = adjustInputOf({ ...emptyAdjustForm(), amount: '12.345', note: 'n'.repeat(501) }, KES, 3, null);
    expect(bad).toEqual({ ok: false, errors: { amount: expect.stringMatching(/at most 2 decimals/), note: 'at most 500 characters' } });
  });

  it('signs the exact minor units by the direction and names the tenant for system admins', () => {
    expect(adjustInputOf({ direction: 'credit', amount: '1,500.29', note: '  goodwill  ' }, KES, 3, null)).toEqual({ ok: true, input: { subscriberId: 3, amountMinor: 150_029, note: 'goodwill' } });
    expect(adjustInputOf({ direction: 'debit', amount: '0.29', note: 'refund' }, KES, 3, 2)).toEqual({ ok: true, input: { tenantId: 2, subscriberId: 3, amountMinor: -29, note: 'refund' } });
  });
});

describe('access change on the subscriber page', () => {
  const router = (routerId: number, state: SubscriberRouterStatus['state'], message: string | null = null): SubscriberRouterStatus => ({ routerId, state, message, updatedAt: '2026-01-01T00:00:00Z' });
  const names = (id: number) => ({ 1: 'hq-1', 2: 'branch-2', 3: 'mast-3' })[id] ?? `router ${id}`;

  it('waits for the routers not yet in line and gives a failed router’s own words', () => {
    const steps = accessSteps('reconnect', [router(1, 'pending'), router(2, 'applied'), router(3, 'failed', 'no such item (4)')], names);
    expect(steps).toEqual([
      { routerId: 1, text: 'waiting for router hq-1', failed: false },
      { routerId: 3, text: 'router mast-3: no such item (4)', failed: true },
    ]);
  });

  it('says an expiry is removing the account, and nothing when every router is in line', () => {
    expect(accessSteps('expire', [router(1, 'pending'), router(2, 'removing')], names).map((s) => s.text)).toEqual(['removing from router hq-1', 'removing from router branch-2']);
    expect(accessSteps('reconnect', [router(1, 'applied')], names)).toEqual([]);
  });
});
