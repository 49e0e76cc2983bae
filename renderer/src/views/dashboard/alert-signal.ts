import type { DashboardAlert } from '../../../../main/dashboard/contract';
import { showDesktopNotice } from '../notifications/desktop-notice';

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
 * A desktop notification: Electron's own in the desktop shell, the browser's in front of the
 * headless host (views/notifications/desktop-notice.ts). Tagged by router, so the staff rule's
 * notice for the same router (NotificationRaised) replaces this one instead of adding a second.
 * Nothing when not permitted.
 */
export function notifyDesktop(alert: DashboardAlert, onClick: () => void): void {
  showDesktopNotice({ title: `Router down: ${alert.routerName}`, body: alertLine(alert), tag: `router-${alert.routerId}` }, onClick);
}
