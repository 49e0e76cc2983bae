import { create } from 'zustand';

const KEY = 'noc.alerts';

/**
 * How a new staff alert (a router down) gets attention on this machine. A preference of the desk,
 * not of the tenant: one laptop in a quiet room mutes, the NOC wall keeps the sound.
 *
 * Sound is on by default: an alert that only changes colour is the one nobody sees (issue 14), and
 * it sounds only when a router goes down while the console is open, never for what was already
 * down at sign-in. Desktop notifications are off until asked for, because turning them on needs
 * the browser's permission prompt, which only a click may open.
 */
export interface AlertPreferences {
  sound: boolean;
  desktop: boolean;
}

export const DEFAULT_ALERT_PREFERENCES: AlertPreferences = { sound: true, desktop: false };

function stored(): AlertPreferences {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<AlertPreferences> | null;
    return {
      sound: typeof value?.sound === 'boolean' ? value.sound : DEFAULT_ALERT_PREFERENCES.sound,
      desktop: typeof value?.desktop === 'boolean' ? value.desktop : DEFAULT_ALERT_PREFERENCES.desktop,
    };
  } catch {
    return DEFAULT_ALERT_PREFERENCES;
  }
}

export const useAlertPreferences = create<AlertPreferences>(() => (typeof localStorage === 'undefined' ? DEFAULT_ALERT_PREFERENCES : stored()));

export function setAlertPreferences(change: Partial<AlertPreferences>): void {
  useAlertPreferences.setState(change);
  try {
    localStorage.setItem(KEY, JSON.stringify(useAlertPreferences.getState()));
  } catch {
    // Storage can be unavailable (private mode); the choice holds for this session.
  }
}
