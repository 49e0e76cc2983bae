import { useState } from 'react';
import { beep } from '../dashboard/alert-signal';
import { setAlertPreferences, useAlertPreferences } from '../dashboard/alert-preferences';
import { askDesktopPermission, desktopHost } from '../notifications/desktop-notice';

const REFUSED: Record<'shell' | 'browser' | 'none', string> = {
  shell: '',
  browser: 'This browser does not permit notifications from the console: allow them in the site settings for the console (the padlock next to the address), then turn this on again.',
  none: 'This browser cannot show desktop notifications. The bell in the top bar still counts them.',
};

/**
 * Settings › Alerts: how this computer gets attention. Kept on this machine (a desk's preference,
 * not the tenant's), so it is not in the audit log; see alert-preferences.ts for the defaults.
 * The one "Desktop notifications" switch covers both kinds of notice: a router that goes down on
 * the dashboard, and the staff alerts whose rule has the Desktop channel (Staff alerts below).
 * Both tag a router's notice alike, so a router shows one notice, not two.
 */
export function AlertsSection() {
  const { sound, desktop } = useAlertPreferences();
  const [notice, setNotice] = useState<string | null>(null);
  const host = desktopHost();

  // The browser's permission prompt may only open from this click: the switch is the one place that asks.
  const chooseDesktop = async (on: boolean) => {
    if (!on) {
      setAlertPreferences({ desktop: false });
      setNotice(null);
      return;
    }
    const granted = await askDesktopPermission();
    setAlertPreferences({ desktop: granted });
    setNotice(granted ? null : REFUSED[host]);
  };

  return (
    <div className="form" data-testid="alerts-settings">
      <label className="form-check">
        <input type="checkbox" checked={sound} onChange={(e) => setAlertPreferences({ sound: e.target.checked })} data-testid="alerts-sound" />
        <span>Play a sound when a router goes down</span>
      </label>
      <label className="form-check">
        <input type="checkbox" role="switch" checked={desktop} onChange={(e) => void chooseDesktop(e.target.checked)} data-testid="alerts-desktop" aria-describedby="alerts-desktop-what" />
        <span>Desktop notifications</span>
      </label>
      <p className="muted" id="alerts-desktop-what">
        A notice from {host === 'shell' ? 'the system' : 'the browser'} when a router goes down, and for each staff alert whose rule includes Desktop.
      </p>
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
