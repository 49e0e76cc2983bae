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
 * The console needs no web permission (camera, microphone, notifications through the web API,
 * clipboard, geolocation, HID/USB/serial devices): every request and every check is denied, so
 * neither a prompt nor a silent grant can happen. The CSP comes with each app:// response.
 */
export function hardenSession(): void {
  const { defaultSession } = session;
  defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  defaultSession.setPermissionCheckHandler(() => false);
  defaultSession.setDevicePermissionHandler(() => false);
}
