import { homedir } from 'node:os';
import { join } from 'node:path';

const APP_NAME = 'NOC Console';

/**
 * The folder Electron's `app.getPath('userData')` would give, so the desktop app and the
 * headless fallback of `npm start` share one store.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}

/** The demo's own folder, next to the real one: `--demo` never opens the real store. */
export function defaultDemoDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  return `${defaultDataDir(env, platform)} Demo`;
}
