import { create } from 'zustand';
import type { NotificationSummary } from '../../../../main/notifications/contract';

export interface NotificationsState {
  /** The user the read state belongs to: NotificationsRead of other users is ignored. */
  userId: number | null;
  notifications: ReadonlyMap<number, NotificationSummary>;
  /** The backend's unread count for this user (it counts past the loaded page too). */
  unread: number;
  loaded: boolean;
  error: string | null;
  /** Counts the snapshots and events applied: an invoke's answer knows whether one came meanwhile. */
  version: number;
}

export const initialNotificationsState: NotificationsState = { userId: null, notifications: new Map(), unread: 0, loaded: false, error: null, version: 0 };

/**
 * The signed-in user's notification centre for the tenant on screen: the newest notifications by
 * id and the unread count. Pure (no bridge): notifications-live.ts feeds it.
 */
export const useNotificationsStore = create<NotificationsState>(() => initialNotificationsState);

let sortedCache: { notifications: NotificationsState['notifications']; result: NotificationSummary[] } | null = null;

export const notificationsSelectors = {
  /** Newest first (ids grow with time, and break ties within one millisecond); memoized on the map. */
  sorted: (s: NotificationsState): NotificationSummary[] => {
    if (sortedCache?.notifications === s.notifications) return sortedCache.result;
    const result = [...s.notifications.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
    sortedCache = { notifications: s.notifications, result };
    return result;
  },
  unread: (s: NotificationsState) => s.unread,
  loaded: (s: NotificationsState) => s.loaded,
  error: (s: NotificationsState) => s.error,
};

const set = useNotificationsStore.setState;

/** Every notification in `ids` (or all) as read; the map keeps its identity when nothing changes. */
function markedRead(map: NotificationsState['notifications'], ids: readonly number[] | 'all'): NotificationsState['notifications'] {
  const targets = ids === 'all' ? [...map.keys()] : ids;
  let next: Map<number, NotificationSummary> | null = null;
  for (const id of targets) {
    const n = map.get(id);
    if (!n || n.read) continue;
    next ??= new Map(map);
    next.set(id, { ...n, read: true });
  }
  return next ?? map;
}

export interface ReadEvent {
  userId: number;
  ids: number[] | 'all';
  unread: number;
}

/**
 * The snapshot counts; events adjust it. A NotificationRaised the snapshot already holds (an
 * event that waited for it) changes nothing, so the count is never counted twice.
 */
export const notificationsActions = {
  snapshot(userId: number, data: { notifications: readonly NotificationSummary[]; unread: number }) {
    set((s) => ({ userId, notifications: new Map(data.notifications.map((n) => [n.id, n])), unread: data.unread, loaded: true, error: null, version: s.version + 1 }));
  },
  /** A new notification: true when it was new to this desk (the caller may then announce it). */
  raised(notification: NotificationSummary): boolean {
    const s = useNotificationsStore.getState();
    if (s.notifications.has(notification.id)) return false;
    set({ notifications: new Map(s.notifications).set(notification.id, notification), unread: s.unread + (notification.read ? 0 : 1), version: s.version + 1 });
    return true;
  },
  /** This user marked notifications read (here or on another desk): the backend's count wins. */
  read(event: ReadEvent) {
    const s = useNotificationsStore.getState();
    if (s.userId === null || event.userId !== s.userId) return;
    set({ notifications: markedRead(s.notifications, event.ids), unread: Math.max(0, event.unread), version: s.version + 1 });
  },
  /**
   * The answer to this desk's markRead, sent when the store was at `since`: the ids show read at
   * once. Its count applies only if no event came meanwhile; else the events, which arrive in
   * order (NotificationsRead before this answer), already hold the newer count.
   */
  markedHere(ids: readonly number[] | 'all', unread: number, since: number) {
    const s = useNotificationsStore.getState();
    set({ notifications: markedRead(s.notifications, ids), ...(s.version === since ? { unread: Math.max(0, unread) } : {}) });
  },
  failed(message: string) {
    set({ error: message });
  },
};

export function resetNotificationsStore(): void {
  sortedCache = null;
  set(initialNotificationsState, true);
}
