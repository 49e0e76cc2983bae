import { session, type WebContents } from 'electron';
import { isAppOrigin } from './app-protocol';

/**
 * Electron's security checklist for every web contents we create: no navigation away from the
 * app, no redirects, no new windows, no webviews.
 */
export function hardenWebContents(contents: WebContents, isAppUrl: (url: string) => boolean): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** The one web permission the console uses: desktop notifications for staff alerts (routers down). */
const ALLOWED_PERMISSION = 'notifications';

/**
 * The console needs one web permission, notifications, and only for its own app:// pages (its
 * alerts reach the desktop through the web Notification API, as in the browser console). Every
 * other request and check (camera, microphone, clipboard, geolocation, HID/USB/serial devices)
 * is denied, so neither a prompt nor a silent grant can happen. The CSP comes with each response.
 */
export function hardenSession(): void {
  const { defaultSession } = session;
  defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(permission === ALLOWED_PERMISSION && isAppOrigin(details.requestingUrl)),
  );
  defaultSession.setPermissionCheckHandler((_contents, permission, origin) => permission === ALLOWED_PERMISSION && isAppOrigin(origin));
  defaultSession.setDevicePermissionHandler(() => false);
}
