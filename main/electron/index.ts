import { app, BrowserWindow } from 'electron';
import { startCore, type Core } from '../core/app-core';
import { createLogger } from '../core/logger';
import { isAppUrl, registerAppScheme, serveAppProtocol } from './app-protocol';
import { attachIpcBridge } from './ipc-bridge';
import { createMainWindow } from './main-window';
import { hardenSession } from './security';
import { desktopSecretBox } from './safe-storage-box';
import { startDemo } from '../demo/demo-fleet';
import { formatSignIns } from '../demo/print-sign-ins';

// The desktop shell: it only relays between windows and the core; everything else is in the core.
const log = createLogger();
let core: Core | null = null;

if (!app.requestSingleInstanceLock()) app.quit();
registerAppScheme();

app.on('second-instance', () => {
  const [window] = BrowserWindow.getAllWindows();
  if (window) {
    if (window.isMinimized()) window.restore();
    window.focus();
  }
});

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

// Whatever stops the start (data folder, secrets, demo fleet) ends the app with a logged reason
// instead of an unhandled rejection and a window that never comes.
app
  .whenReady()
  .then(async () => {
    hardenSession();
    serveAppProtocol();
    const dataDir = app.getPath('userData');
    core = await startCore({ dataDir, host: { kind: 'electron', secrets: desktopSecretBox(dataDir) }, log });
    if (process.argv.includes('--demo')) {
      const demo = await startDemo(core.services);
      process.stdout.write(formatSignIns(demo.signIns, demo.routers.length));
      app.once('will-quit', () => void demo.stop());
    }
    attachIpcBridge({ core, isAppUrl });
    createMainWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
    });
  })
  .catch((error: unknown) => {
    log.error('console could not start', { error: String(error) });
    app.exit(1);
  });

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', (event) => {
  if (!core) return;
  event.preventDefault();
  const closing = core;
  core = null;
  closing
    .close()
    .catch((error: unknown) => log.error('console did not close cleanly', { error: String(error) }))
    .finally(() => app.quit());
});
