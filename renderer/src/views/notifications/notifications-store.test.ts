import { beforeEach, describe, expect, it } from 'vitest';
import { notificationsActions, notificationsSelectors, resetNotificationsStore, useNotificationsStore } from './notifications-store';
import { testNotification } from './test-notifications';

const state = () => useNotificationsStore.getState();
const ME = 7;

describe('notification centre store', () => {
  beforeEach(resetNotificationsStore);

  it('lists newest first and takes the unread count from the snapshot (it counts past the page)', () => {
    notificationsActions.snapshot(ME, { notifications: [testNotification(1), testNotification(3, { read: true }), testNotification(2)], unread: 12 });
    expect(notificationsSelectors.sorted(state()).map((n) => n.id)).toEqual([3, 2, 1]);
    expect(notificationsSelectors.sorted(state())).toBe(notificationsSelectors.sorted(state()));
    expect(notificationsSelectors.unread(state())).toBe(12);
  });

  it('counts a raised notification once, even when it was already in the snapshot it waited for', () => {
    notificationsActions.snapshot(ME, { notifications: [testNotification(1)], unread: 1 });
    expect(notificationsActions.raised(testNotification(1))).toBe(false);
    expect(notificationsActions.raised(testNotification(2))).toBe(true);
    expect(notificationsActions.raised(testNotification(2))).toBe(false);
    expect(notificationsSelectors.unread(state())).toBe(2);
    expect(notificationsSelectors.sorted(state()).map((n) => n.id)).toEqual([2, 1]);
  });

  it('follows this user’s reads from any desk and ignores other users’', () => {
    notificationsActions.snapshot(ME, { notifications: [testNotification(1), testNotification(2), testNotification(3)], unread: 3 });
    notificationsActions.read({ userId: 99, ids: 'all', unread: 0 });
    expect(notificationsSelectors.unread(state())).toBe(3);
    notificationsActions.read({ userId: ME, ids: [2], unread: 2 });
    expect(notificationsSelectors.sorted(state()).map((n) => [n.id, n.read])).toEqual([
      [3, false],
      [2, true],
      [1, false],
    ]);
    notificationsActions.read({ userId: ME, ids: 'all', unread: 0 });
    expect(notificationsSelectors.sorted(state()).every((n) => n.read)).toBe(true);
    expect(notificationsSelectors.unread(state())).toBe(0);
  });

  it('takes the count of this desk’s own markRead answer unless an event already brought a newer one', () => {
    notificationsActions.snapshot(ME, { notifications: [testNotification(1), testNotification(2)], unread: 2 });
    const since = state().version;
    notificationsActions.markedHere([1], 1, since);
    expect(notificationsSelectors.unread(state())).toBe(1);
    expect(state().notifications.get(1)?.read).toBe(true);
    // The read event came first, then a new notification: the answer's count (0) is older than both.
    const before = state().version;
    notificationsActions.read({ userId: ME, ids: [2], unread: 0 });
    notificationsActions.raised(testNotification(3));
    notificationsActions.markedHere([2], 0, before);
    expect(notificationsSelectors.unread(state())).toBe(1);
  });

  it('ignores reads until it knows whose desk it is', () => {
    notificationsActions.read({ userId: ME, ids: 'all', unread: 0 });
    expect(state()).toMatchObject({ unread: 0, loaded: false });
    const map = state().notifications;
    notificationsActions.snapshot(ME, { notifications: [testNotification(1, { read: true })], unread: 0 });
    const read = state().notifications;
    notificationsActions.read({ userId: ME, ids: [1], unread: 0 });
    expect(state().notifications).toBe(read);
    expect(map).not.toBe(read);
  });
});
