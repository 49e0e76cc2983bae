import type { NotificationSubject, NotificationSummary } from '../../../../main/notifications/contract';
import { routerHref } from '../../components/router-link';
import { hashWithParams } from '../../stores/hash-params';
import { hashWithTenant } from '../../stores/tenant-hash';

const VIEW: Record<NotificationSubject['type'], string> = { router: 'routers', payment: 'payments', subscriber: 'subscribers', job: 'jobs', webhook: 'settings' };

/**
 * Where a notification leads: its router highlighted, its subscriber's page, or the view of its
 * kind (payments, jobs, settings); null for a grouped one (many routers) without a subject.
 * `tenantId` goes into the link for a system admin, whose views need the tenant named.
 */
export function notificationHref(notification: Pick<NotificationSummary, 'subject'>, tenantId: number | null): string | null {
  const subject = notification.subject;
  if (!subject) return null;
  if (subject.type === 'router') return routerHref(subject.id, tenantId);
  const base = hashWithTenant(`#/${VIEW[subject.type]}`, tenantId);
  return subject.type === 'subscriber' ? hashWithParams(base, { subscriber: String(subject.id) }) : base;
}

/**
 * The desktop notice's tag: one per subject, so a router's newer notice replaces its older one
 * (the dashboard's router-down notice uses the same `router-{id}`); a grouped notice its own.
 */
export function noticeTag(notification: Pick<NotificationSummary, 'id' | 'subject'>): string {
  return notification.subject ? `${notification.subject.type}-${notification.subject.id}` : `notification-${notification.id}`;
}
