import type { PaymentSummary } from '../../../../main/payments/contract';

/** A payment as the backend sends it, for store and filter tests. */
export function testPayment(id: number, overrides: Partial<PaymentSummary> = {}): PaymentSummary {
  return {
    id,
    tenantId: 1,
    provider: 'mpesa',
    reference: `QK${id}`,
    amountMinor: 5000,
    currency: 'KES',
    payerPhone: '2547****678',
    payerName: null,
    accountReference: 'jane',
    receivedAt: `2026-01-0${Math.min(id, 9)}T10:00:00.000Z`,
    subscriberId: 3,
    subscriberUsername: 'jane',
    state: 'matched',
    source: 'webhook',
    recordedBy: null,
    createdAt: '2026-01-01T10:00:00.000Z',
    ...overrides,
  };
}
