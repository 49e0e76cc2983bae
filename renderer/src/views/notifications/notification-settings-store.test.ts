import { beforeEach, describe, expect, it } from 'vitest';
import type { NotificationSettings } from '../../../../main/notifications/contract';
import { notificationSettingsActions, resetNotificationSettingsStore, useNotificationSettingsStore } from './notification-settings-store';

const settings = (tenantId: number, updatedAt: string) => ({ tenantId, updatedAt }) as NotificationSettings;
const state = () => useNotificationSettingsStore.getState();

describe('notification settings store', () => {
  beforeEach(resetNotificationSettingsStore);

  it('keeps the settings of the tenant on screen and drops a late answer for the one before', () => {
    notificationSettingsActions.switchedTo(1);
    notificationSettingsActions.loaded(settings(1, 'a'));
    notificationSettingsActions.switchedTo(2);
    expect(state()).toEqual({ tenantId: 2, settings: null, error: null });
    notificationSettingsActions.loaded(settings(1, 'b'));
    notificationSettingsActions.failed(1, 'tenant 1 is gone');
    expect(state()).toEqual({ tenantId: 2, settings: null, error: null });
    notificationSettingsActions.loaded(settings(2, 'c'));
    expect(state().settings?.updatedAt).toBe('c');
  });

  it('keeps what it shows when a refetch fails, with the reason', () => {
    notificationSettingsActions.switchedTo(1);
    notificationSettingsActions.loaded(settings(1, 'a'));
    notificationSettingsActions.failed(1, 'the console backend dropped');
    expect(state()).toMatchObject({ settings: { updatedAt: 'a' }, error: 'the console backend dropped' });
  });
});
