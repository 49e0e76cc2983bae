import { useState } from 'react';
import { askDesktopPermission, beep } from '../dashboard/alert-signal';
import { setAlertPreferences, useAlertPreferences } from '../dashboard/alert-preferences';

/**
 * Settings › Alerts: how this computer tells you a router went down. Kept on this machine (a
 * desk's preference, not the tenant's), so it is not in the audit log; see alert-preferences.ts
 * for the defaults and why.
 */
export function AlertsSection() {
  const { sound, desktop } = useAlertPreferences();
  const [notice, setNotice] = useState<string | null>(null);

  const chooseDesktop = async (on: boolean) => {
    if (!on) {
      setAlertPreferences({ desktop: false });
      setNotice(null);
      return;
    }
    const granted = await askDesktopPermission();
    setAlertPreferences({ desktop: granted });
    setNotice(granted ? null : 'Desktop notifications are not permitted here: in a browser, allow them in the site settings for the console (the desktop app: in the system’s notification settings) and turn this on again.');
  };

  return (
    <div className="form" data-testid="alerts-settings">
      <label className="form-check">
        <input type="checkbox" checked={sound} onChange={(e) => setAlertPreferences({ sound: e.target.checked })} data-testid="alerts-sound" />
        <span>Play a sound when a router goes down</span>
      </label>
      <label className="form-check">
        <input type="checkbox" checked={desktop} onChange={(e) => void chooseDesktop(e.target.checked)} data-testid="alerts-desktop" />
        <span>Show a desktop notification when a router goes down</span>
      </label>
      <p>
        <button type="button" className="small" onClick={beep} data-testid="alerts-sound-try">
          Play the alert sound
        </button>
      </p>
      {notice && (
        <p className="notice" role="status" data-testid="alerts-desktop-notice">
          {notice}
        </p>
      )}
      <p className="muted">These choices are kept on this computer only.</p>
    </div>
  );
}
