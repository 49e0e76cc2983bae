import { beforeEach, describe, expect, it } from 'vitest';
import type { DeliverySummary } from '../../../../main/notifications/contract';
import { ALL_DELIVERIES, deliveriesActions, deliveriesSelectors, DELIVERIES_SHOWN, filterDeliveries, resetDeliveriesStore, useDeliveriesStore } from './deliveries-store';

const at = (second: number) => new Date(Date.UTC(2026, 11, 2, 10, 0, second)).toISOString();
const delivery = (id: number, overrides: Partial<DeliverySummary> = {}): DeliverySummary => ({
  id, tenantId: 1, channel: 'sms', recipient: '0712***678', audience: 'customer', message: 'payment-received', key: `payment-received:p${id}`,
  status: 'queued', attempts: 0, lastError: null, createdAt: at(id % 60), updatedAt: at(id % 60), nextAttemptAt: null, sentAt: null, ...overrides,
});
const sorted = () => deliveriesSelectors.sorted(useDeliveriesStore.getState());

describe('delivery log store', () => {
  beforeEach(resetDeliveriesStore);

  it('lists newest first and follows each delivery through retries to sent', () => {
    deliveriesActions.snapshot([delivery(1), delivery(2)]);
    deliveriesActions.updated(delivery(1, { status: 'retrying', attempts: 1, lastError: 'the receiver answered 503', updatedAt: at(30) }));
    deliveriesActions.updated(delivery(3, { channel: 'email', recipient: 'j***@example.com' }));
    expect(sorted().map((d) => [d.id, d.status])).toEqual([
      [3, 'queued'],
      [2, 'queued'],
      [1, 'retrying'],
    ]);
    deliveriesActions.updated(delivery(1, { status: 'sent', attempts: 2, updatedAt: at(40), sentAt: at(40) }));
    expect(sorted().find((d) => d.id === 1)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('keeps the newer state when an older event is replayed after the snapshot', () => {
    deliveriesActions.snapshot([delivery(1, { status: 'failed', attempts: 5, updatedAt: at(50) })]);
    deliveriesActions.updated(delivery(1, { status: 'retrying', attempts: 4, updatedAt: at(45) }));
    expect(sorted()[0]).toMatchObject({ status: 'failed', attempts: 5 });
  });

  it('keeps only the newest deliveries on screen', () => {
    deliveriesActions.snapshot([]);
    for (let id = 1; id <= DELIVERIES_SHOWN + 5; id++) deliveriesActions.updated(delivery(id, { createdAt: new Date(Date.UTC(2026, 11, 2, 10) + id * 1000).toISOString() }));
    expect(sorted()).toHaveLength(DELIVERIES_SHOWN);
    expect(sorted().at(-1)!.id).toBe(6);
  });

  it('filters by status and channel', () => {
    const list = [delivery(1, { status: 'failed' }), delivery(2, { channel: 'email' }), delivery(3)];
    expect(filterDeliveries(list, ALL_DELIVERIES)).toBe(list);
    expect(filterDeliveries(list, { status: 'failed', channel: 'all' }).map((d) => d.id)).toEqual([1]);
    expect(filterDeliveries(list, { status: 'queued', channel: 'sms' }).map((d) => d.id)).toEqual([3]);
  });
});
