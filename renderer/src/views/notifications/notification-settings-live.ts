import { useEffect } from 'react';
import type { Result } from '../../../../main/contract/errors';
import type { InvokeInput } from '../../../../main/contract';
import type { NotificationSettings } from '../../../../main/notifications/contract';
import { api } from '../../bridge/api';
import { attachLiveChannel } from '../../bridge/live-channel';
import { sessionSelectors, useSessionStore } from '../../stores/session-store';
import { useViewTenant } from '../../stores/use-view-tenant';
import { notificationSettingsActions, useNotificationSettingsStore } from './notification-settings-store';

/** Sections showing the settings now, and the detach of the one subscription they share. */
let users = 0;
let attached: { tenantId: number; detach: () => void } | null = null;

const scopeOf = (tenantId: number, asSystemAdmin: boolean) => (asSystemAdmin ? { tenantId } : {});

/**
 * One `notifications.settings` per tenant, again when NotificationSettingsChanged says another
 * desk saved (the event names no values: secrets never travel) and after a gap or reconnect.
 */
function attach(tenantId: number, asSystemAdmin: boolean): () => void {
  notificationSettingsActions.switchedTo(tenantId);
  const fetch = () => api.invoke('notifications.settings', scopeOf(tenantId, asSystemAdmin));
  return attachLiveChannel<NotificationSettings>({
    channel: `tenant.${tenantId}.notifications`,
    fetchSnapshot: fetch,
    onSnapshot: notificationSettingsActions.loaded,
    onEvent: (name) => {
      if (name !== 'NotificationSettingsChanged') return;
      void fetch().then((result) => (result.ok ? notificationSettingsActions.loaded(result.data) : notificationSettingsActions.failed(tenantId, result.error.message)));
    },
    onError: (message) => notificationSettingsActions.failed(tenantId, message),
  });
}

export interface NotificationSettingsView {
  tenantId: number | null;
  isSystemAdmin: boolean;
  /** Tenant admins (and system admins) change them; everyone else reads what the backend shows them. */
  canEdit: boolean;
  settings: NotificationSettings | null;
  error: string | null;
}

/** The settings of the tenant on screen for a section; every section mounted shares one subscription. */
export function useNotificationSettings(): NotificationSettingsView {
  const { tenantId, isSystemAdmin } = useViewTenant();
  const canEdit = useSessionStore(sessionSelectors.canAdminister);
  const state = useNotificationSettingsStore();

  useEffect(() => {
    if (tenantId === null) return undefined;
    users += 1;
    if (attached?.tenantId !== tenantId) {
      attached?.detach();
      attached = { tenantId, detach: attach(tenantId, isSystemAdmin) };
    }
    return () => {
      users -= 1;
      if (users > 0 || !attached) return;
      attached.detach();
      attached = null;
    };
  }, [tenantId, isSystemAdmin]);

  const current = tenantId !== null && state.tenantId === tenantId;
  return { tenantId, isSystemAdmin, canEdit, settings: current ? state.settings : null, error: current ? state.error : null };
}

/**
 * Saves some sections of the settings (each given replaces that section); the answer is the whole
 * settings, which every section then shows (secrets as "set", never their values).
 */
export async function saveNotificationSettings(tenantId: number, asSystemAdmin: boolean, change: Omit<InvokeInput<'notifications.updateSettings'>, 'tenantId'>): Promise<Result<NotificationSettings>> {
  const result = await api.invoke('notifications.updateSettings', { ...scopeOf(tenantId, asSystemAdmin), ...change });
  if (result.ok) notificationSettingsActions.loaded(result.data);
  return result;
}
