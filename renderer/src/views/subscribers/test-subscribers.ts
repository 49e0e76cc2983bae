import type { SubscriberSummary } from '../../../../main/subscribers/contract';

/** A subscriber as lists and events carry it (contact masked), for the store tests. */
export function testSubscriber(id: number, name: string, overrides: Partial<SubscriberSummary> = {}): SubscriberSummary {
  return {
    id,
    tenantId: 1,
    kind: 'hotspot',
    name,
    phone: '0712***678',
    email: null,
    username: name.toLowerCase().replace(/\s+/g, '.'),
    planId: 3,
    status: 'active',
    validUntil: null,
    macLock: null,
    accessChange: null,
    routerIds: [7],
    routers: [{ routerId: 7, state: 'applied', message: null, updatedAt: '2026-01-01T00:00:00Z' }],
    lastSeenAt: null,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}
