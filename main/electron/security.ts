import { session, type WebContents } from 'electron';

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

/**
 * The console asks for no web permission: its desktop notices go through Electron's own
 * `Notification` in the main process (desktop-notices.ts), not the web Notification API. Every
 * request and check (notifications, camera, microphone, clipboard, geolocation, HID/USB/serial
 * devices) is denied, so neither a prompt nor a silent grant can happen. The CSP comes with each
 * response.
 */
export function hardenSession(): void {
  const { defaultSession } = session;
  defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  defaultSession.setPermissionCheckHandler(() => false);
  defaultSession.setDevicePermissionHandler(() => false);
}
