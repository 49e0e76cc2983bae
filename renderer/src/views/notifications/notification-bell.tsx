import { useCallback, useEffect, useId, useRef, useState, type FocusEvent } from 'react';
import type { NotificationSummary } from '../../../../main/notifications/contract';
import { BellIcon } from './bell-icon';
import { authSelectors, useAuthStore } from '../account/auth-store';
import { useViewTenant } from '../../stores/use-view-tenant';
import { attachNotifications } from './notifications-live';
import { notificationsSelectors, useNotificationsStore } from './notifications-store';
import { NotificationPanel } from './notification-panel';
import '../../styles/notifications.css';

/**
 * The notification centre in the top bar: a bell with the signed-in user's unread count for the
 * tenant on screen, live from the tenant's notifications channel (no polling; a reconnect
 * refetches), and the panel listing them. New ones are announced politely to screen readers.
 * Nothing for a system admin until a tenant is chosen.
 */
export function NotificationBell() {
  const phase = useAuthStore(authSelectors.phase);
  const { user, tenantId, isSystemAdmin } = useViewTenant();
  const unread = useNotificationsStore(notificationsSelectors.unread);
  const [open, setOpen] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const bellRef = useRef<HTMLButtonElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const userId = user?.id ?? null;
  const active = phase === 'signed-in' && userId !== null && tenantId !== null;

  useEffect(() => {
    if (!active || userId === null || tenantId === null) return undefined;
    // The same words twice would not be read again: a trailing no-break space alternates.
    const onNew = (n: NotificationSummary) => setAnnouncement((said) => `New notification: ${n.title}${said.endsWith('\u00a0') ? '' : '\u00a0'}`);
    return attachNotifications({ tenantId, userId, asSystemAdmin: isSystemAdmin, onNew });
  }, [active, tenantId, userId, isSystemAdmin]);

  /** Closes the panel; `refocus` puts the keyboard back on the bell (Escape, the close button). */
  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    if (refocus) bellRef.current?.focus();
  }, []);

  // A click anywhere else closes the panel, as a menu does; focus stays where the click put it.
  useEffect(() => {
    if (!open) return undefined;
    const onPointer = (event: PointerEvent) => {
      if (!boxRef.current?.contains(event.target as Node)) close(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open, close]);

  // Tabbing past the panel closes it, as it would a menu (a click on its text moves focus nowhere, so only a move elsewhere counts).
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    const next = event.relatedTarget;
    if (open && next instanceof Node && !event.currentTarget.contains(next)) close(false);
  };

  if (!active || tenantId === null) return null;
  const label = unread === 0 ? 'Notifications, none unread' : `Notifications, ${unread} unread`;
  return (
    <div className="notification-centre" ref={boxRef} onBlur={onBlur}>
      <button
        type="button"
        ref={bellRef}
        className="ghost bell"
        aria-label={label}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-haspopup="dialog"
        data-testid="notifications-bell"
        data-unread={unread}
        onClick={() => setOpen((o) => !o)}
      >
        <BellIcon />
        {unread > 0 && (
          <span className="bell-count" aria-hidden="true" data-testid="notifications-unread">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      <span className="visually-hidden" aria-live="polite" data-testid="notifications-announce">
        {announcement}
      </span>
      {open && <NotificationPanel id={panelId} tenantId={tenantId} asSystemAdmin={isSystemAdmin} onClose={close} />}
    </div>
  );
}
