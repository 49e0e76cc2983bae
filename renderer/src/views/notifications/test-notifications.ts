import type { NotificationSummary } from '../../../../main/notifications/contract';

/** A notification as the backend sends it, for store and link tests. */
export function testNotification(id: number, overrides: Partial<NotificationSummary> = {}): NotificationSummary {
  return {
    id,
    tenantId: 1,
    rule: 'payment-unmatched',
    severity: 'warning',
    title: `Payment QK${id} unmatched`,
    body: 'KES 500.00 for account "nobody" waits for staff to assign it.',
    subject: { type: 'payment', id, label: `QK${id}` },
    count: 1,
    desktop: false,
    createdAt: `2026-12-0${Math.min(id, 9)}T10:00:00.000Z`,
    read: false,
    ...overrides,
  };
}
