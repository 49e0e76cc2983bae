import { describe, expect, it } from 'vitest';
import { notificationHref, noticeTag } from './notification-links';
import { testNotification } from './test-notifications';

describe('notification links and desktop tags', () => {
  it('leads to the router, the subscriber’s page or the view of its kind, naming the tenant for system admins', () => {
    expect(notificationHref(testNotification(1, { subject: { type: 'router', id: 7, label: 'hq-1' } }), null)).toBe('#/routers?router=7');
    expect(notificationHref(testNotification(1, { subject: { type: 'router', id: 7, label: 'hq-1' } }), 3)).toBe('#/routers?tenant=3&router=7');
    expect(notificationHref(testNotification(1, { subject: { type: 'subscriber', id: 9, label: 'jane' } }), 3)).toBe('#/subscribers?tenant=3&subscriber=9');
    expect(notificationHref(testNotification(1), null)).toBe('#/payments');
    expect(notificationHref(testNotification(1, { subject: { type: 'job', id: 4, label: 'provision' } }), null)).toBe('#/jobs');
    expect(notificationHref(testNotification(1, { subject: null, count: 10 }), null)).toBeNull();
  });

  it('tags a router’s notice like the dashboard’s router-down notice, and a grouped one by itself', () => {
    expect(noticeTag(testNotification(1, { subject: { type: 'router', id: 7, label: 'hq-1' } }))).toBe('router-7');
    expect(noticeTag(testNotification(5, { subject: null, count: 10 }))).toBe('notification-5');
  });
});
