import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describeRestore, restoreStore } from '../backup/restore';
import { parseHostArgs, takeRestoreArg } from './cli-options';
import { checkDemoFolder } from '../demo/demo-folder';
import { defaultDataDir, defaultDemoDataDir } from './data-dir';
import { findElectronBinary } from './electron-binary';
import { runHeadless } from './run-headless';

// Entry of `npm start`: the desktop app where Electron can run, the browser console elsewhere.
const appDir = join(import.meta.dirname, '../..');

/** Whatever stops Electron, the console says why in one line (no stack) and serves the browser console instead. */
async function serveInBrowser(args: string[], why: string): Promise<void> {
  try {
    const options = parseHostArgs(args);
    process.stdout.write(`Electron cannot start: ${why}; serving the console in your browser instead.\n`);
    await runHeadless({ ...options, rendererDir: join(import.meta.dirname, '../renderer') });
  } catch (error) {
    process.stderr.write(`noc-console: ${(error as Error).message}\n`);
    process.exit(1);
  }
}

const args = process.argv.slice(2);
const electron = findElectronBinary({ packageDir: join(appDir, 'node_modules/electron') });
if ('path' in electron) {
  let rest = args;
  // For the browser console if the binary then fails to run: the restore is done by then.
  let hostArgs = args;
  try {
    // The desktop app opens its store as it starts, so a restore is done here, before it runs.
    const split = takeRestoreArg(args);
    rest = split.rest;
    hostArgs = split.rest;
    if (split.restore !== null) process.stdout.write(describeRestore(restoreStore(defaultDataDir(), split.restore)));
    if (rest.includes('--demo')) {
      // The desktop app keeps its store in Electron's userData folder; the demo gets one of its own
      // through Electron's --user-data-dir switch, refused here if it holds real users.
      const demoDir = defaultDemoDataDir();
      checkDemoFolder(demoDir);
      rest = [...rest, `--user-data-dir=${demoDir}`];
      process.stdout.write(`Demo data folder: ${demoDir} (not your real data)\n`);
    }
  } catch (error) {
    process.stderr.write(`noc-console: ${(error as Error).message}\n`);
    process.exit(1);
  }
  const child = spawn(electron.path, [appDir, ...rest], { stdio: 'inherit' });
  // The binary is there but cannot be run (wrong architecture, not executable).
  let failed = false;
  child.once('error', (error) => {
    failed = true;
    void serveInBrowser(hostArgs, `the Electron binary cannot be run (${error.message})`);
  });
  child.on('exit', (code, signal) => failed || process.exit(code ?? (signal ? 1 : 0)));
} else {
  await serveInBrowser(args, electron.why);
}
