import type { DashboardAlert } from '../../../../main/dashboard/contract';

let audio: AudioContext | null = null;

/**
 * Two short tones (Web Audio, no sound file to ship or load). The context is made on first use;
 * a page that has not been clicked yet may refuse to play, and then the alert stays visual.
 */
export function beep(): void {
  try {
    audio ??= new AudioContext();
    if (audio.state === 'suspended') void audio.resume();
    const start = audio.currentTime;
    for (const [offset, frequency] of [
      [0, 880],
      [0.22, 660],
    ] as const) {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.25, start + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.18);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(start + offset);
      oscillator.stop(start + offset + 0.2);
    }
  } catch {
    // No audio device or no Web Audio: the alert is still on screen and in the notification.
  }
}

/** The one line of an alert, as a notification or a toast says it. */
export function alertLine(alert: DashboardAlert): string {
  return `${alert.routerName}${alert.tenantName ? ` (${alert.tenantName})` : ''} ${alert.message}`;
}

/**
 * A desktop notification through the web Notification API: the browser's own in front of the
 * headless host. The desktop shell denies every web permission (main/electron/security.ts), so
 * there this does nothing until the host offers a notification capability through NocApi.
 * Nothing when not permitted.
 */
export function notifyDesktop(alert: DashboardAlert, onClick: () => void): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  const notification = new Notification(`Router down: ${alert.routerName}`, { body: alertLine(alert), tag: `router-${alert.routerId}` });
  notification.onclick = () => {
    window.focus();
    onClick();
  };
}

/** Asks the browser for permission to notify (must run in a click); true when granted. */
export async function askDesktopPermission(): Promise<boolean> {
  if (typeof Notification === 'undefined') return false;
  if (Notification.permission === 'granted') return true;
  return (await Notification.requestPermission()) === 'granted';
}
