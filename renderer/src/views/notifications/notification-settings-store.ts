import { create } from 'zustand';
import type { NotificationSettings } from '../../../../main/notifications/contract';

export interface NotificationSettingsState {
  /** The tenant the settings below are of; null: none loaded. */
  tenantId: number | null;
  settings: NotificationSettings | null;
  error: string | null;
}

export const initialNotificationSettingsState: NotificationSettingsState = { tenantId: null, settings: null, error: null };

/**
 * The tenant's notification settings, shared by the Settings sections that show parts of them
 * (channels, staff alerts, customer messages), so they load once. Pure; see notification-settings-live.ts.
 */
export const useNotificationSettingsStore = create<NotificationSettingsState>(() => initialNotificationSettingsState);

export const notificationSettingsActions = {
  /** A fresh read or a save's answer; one of another tenant (a late answer after a switch) is dropped. */
  loaded(settings: NotificationSettings) {
    useNotificationSettingsStore.setState((s) => (s.tenantId === settings.tenantId ? { settings, error: null } : s));
  },
  failed(tenantId: number, message: string) {
    useNotificationSettingsStore.setState((s) => (s.tenantId === tenantId ? { error: message } : s));
  },
  switchedTo(tenantId: number | null) {
    useNotificationSettingsStore.setState({ tenantId, settings: null, error: null });
  },
};

export function resetNotificationSettingsStore(): void {
  useNotificationSettingsStore.setState(initialNotificationSettingsState, true);
}
