import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import type { NotificationSeverity, NotificationSummary } from '../../../../main/notifications/contract';
import { useFormat } from '../../format/use-format';
import { useStale } from '../../stores/connection-store';
import { notificationHref } from './notification-links';
import { markRead } from './notifications-live';
import { notificationsSelectors, useNotificationsStore } from './notifications-store';

const SEVERITY_LABEL: Record<NotificationSeverity, string> = { info: 'Info', warning: 'Warning', critical: 'Critical' };

export interface NotificationPanelProps {
  id: string;
  tenantId: number;
  asSystemAdmin: boolean;
  /** `refocus`: give the keyboard back to the bell (Escape, Close); a followed link keeps its own. */
  onClose: (refocus: boolean) => void;
}

/**
 * The centre's list under the bell, newest first, times in the tenant's zone; mark one or all
 * read. A non-modal dialog: focus moves to its heading on open, Escape closes it and returns to
 * the bell, and a marked item hands focus to the next unread one (not lost to the page).
 */
export function NotificationPanel({ id, tenantId, asSystemAdmin, onClose }: NotificationPanelProps) {
  const notifications = useNotificationsStore(notificationsSelectors.sorted);
  const unread = useNotificationsStore(notificationsSelectors.unread);
  const loaded = useNotificationsStore(notificationsSelectors.loaded);
  const error = useNotificationsStore(notificationsSelectors.error);
  const stale = useStale();
  const titleId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => headingRef.current?.focus(), []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onClose(true);
  };

  /** After a mark the pressed button is gone: the next unread item's button, else the heading. */
  const refocus = () => requestAnimationFrame(() => (listRef.current?.querySelector<HTMLElement>('button[data-mark-read]') ?? headingRef.current)?.focus());
  const markOne = async (n: NotificationSummary) => {
    await markRead(tenantId, asSystemAdmin, { ids: [n.id] });
    refocus();
  };
  const markAll = async () => {
    await markRead(tenantId, asSystemAdmin, { all: true });
    headingRef.current?.focus();
  };

  return (
    <div id={id} className="notification-panel" role="dialog" aria-labelledby={titleId} data-testid="notifications-panel" onKeyDown={onKeyDown}>
      <div className="notification-panel-head">
        <h2 id={titleId} ref={headingRef} tabIndex={-1}>
          Notifications
        </h2>
        <span className="muted" data-testid="notifications-panel-unread">
          {unread} unread
        </span>
        <span className="spacer" />
        <button type="button" className="small" disabled={unread === 0 || stale} onClick={() => void markAll()} data-testid="notifications-mark-all">
          Mark all read
        </button>
        <button type="button" className="ghost small" aria-label="Close notifications" onClick={() => onClose(true)} data-testid="notifications-close">
          Close
        </button>
      </div>
      {error && (
        <p className="error" role="alert" data-testid="notifications-error">
          {error}
        </p>
      )}
      {!loaded ? (
        <p className="muted">Loading notifications…</p>
      ) : notifications.length === 0 ? (
        <p className="muted" data-testid="notifications-empty">
          No notifications yet. Staff alerts (Settings › Staff alerts) with the In-app channel appear here.
        </p>
      ) : (
        // Focusable so the keyboard can scroll a long list that holds no unread buttons.
        <ul className="notification-list" ref={listRef} tabIndex={0} aria-label="Notifications, newest first" data-testid="notifications-list">
          {notifications.map((n) => (
            <NotificationItem key={n.id} notification={n} href={notificationHref(n, asSystemAdmin ? tenantId : null)} stale={stale} onMark={() => void markOne(n)} onFollow={() => onClose(false)} />
          ))}
        </ul>
      )}
    </div>
  );
}

interface ItemProps {
  notification: NotificationSummary;
  href: string | null;
  stale: boolean;
  onMark: () => void;
  onFollow: () => void;
}

function NotificationItem({ notification: n, href, stale, onMark, onFollow }: ItemProps) {
  const format = useFormat();
  return (
    <li className={`notification-item${n.read ? '' : ' unread'}`} data-testid={`notification-${n.id}`} data-read={n.read} data-rule={n.rule}>
      <div className="notification-line">
        <span className={`notification-severity severity-${n.severity}`}>{SEVERITY_LABEL[n.severity]}</span>
        <strong className="notification-title" data-testid={`notification-title-${n.id}`}>
          {n.title}
        </strong>
        {n.count > 1 && <span className="muted">×{n.count}</span>}
        {!n.read && <span className="visually-hidden">(unread)</span>}
      </div>
      {n.body && <p className="notification-body">{n.body}</p>}
      <div className="notification-meta">
        <time dateTime={n.createdAt} data-testid={`notification-time-${n.id}`}>
          {format.dateTime(n.createdAt)}
        </time>
        <span className="spacer" />
        {href && n.subject && (
          <a href={href} onClick={onFollow}>
            Open {n.subject.label}
          </a>
        )}
        {!n.read && (
          <button type="button" className="small" data-mark-read disabled={stale} onClick={onMark} data-testid={`notification-read-${n.id}`}>
            Mark read<span className="visually-hidden">: {n.title}</span>
          </button>
        )}
      </div>
    </li>
  );
}
