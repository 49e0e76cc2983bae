import { app, BrowserWindow } from 'electron';
import { startCore } from '../core/app-core';
import { createLogger } from '../core/logger';
import { isAppUrl, registerAppScheme, serveAppProtocol } from './app-protocol';
import { attachDesktopNoticeRelay, attachIpcBridge } from './ipc-bridge';
import { DesktopNotices } from './desktop-notices';
import { createMainWindow } from './main-window';
import { hardenSession } from './security';
import { desktopSecretBox } from './safe-storage-box';
import { join } from 'node:path';
import { checkDemoFolder } from '../demo/demo-folder';
import { startDemo } from '../demo/demo-fleet';
import { signInsOnceOnline } from '../demo/print-sign-ins';
import { ConsoleBackends } from './console-backends';
import { ServerPins } from './server-pins';

// The desktop shell: it only relays between windows and the core; everything else is in the core.
const log = createLogger();
let backends: ConsoleBackends | null = null;

const demoMode = process.argv.includes('--demo');
// The demo never opens the real store: its own folder next to it, unless the launcher chose one.
if (demoMode && !process.argv.some((a) => a.startsWith('--user-data-dir'))) app.setPath('userData', join(app.getPath('appData'), `${app.getName()} Demo`));

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
    // Before the store opens: a folder with real users is refused untouched.
    if (demoMode) checkDemoFolder(dataDir);
    // The embedded core starts only when the sign-in screen's "This computer" is chosen: a desk
    // signed in to a console server opens no store and no router connection of its own.
    const startEmbedded = async () => {
      const core = await startCore({ dataDir, host: { kind: 'electron', secrets: desktopSecretBox(dataDir) }, log });
      if (demoMode) {
        const demo = await startDemo(core.services, core.dispatch);
        app.once('will-quit', () => void demo.stop());
        void signInsOnceOnline(demo, dataDir).then((text) => process.stdout.write(text));
      }
      return core;
    };
    backends = new ConsoleBackends({ pins: new ServerPins(join(dataDir, 'servers.json')), startEmbedded, log });
    // The demo is this computer's fleet: no question to ask, and its sign-ins print once it is up.
    if (demoMode) {
      const chosen = await backends.useThisComputer();
      if (!chosen.ok) throw new Error(chosen.error.message);
    }
    attachIpcBridge({ backends, isAppUrl, log });
    attachDesktopNoticeRelay({ notices: new DesktopNotices(), isAppUrl, log });
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
  if (!backends?.embeddedStarted) return;
  event.preventDefault();
  const closing = backends;
  backends = null;
  closing
    .close()
    .catch((error: unknown) => log.error('console did not close cleanly', { error: String(error) }))
    .finally(() => app.quit());
});
