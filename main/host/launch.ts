import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describeRestore, restoreStore } from '../backup/restore';
import { parseHostArgs, takeRestoreArg } from './cli-options';
import { checkDemoFolder } from '../demo/demo-folder';
import { defaultDataDir, defaultDemoDataDir } from './data-dir';
import { runHeadless } from './run-headless';

// Entry of `npm start`: the desktop app where Electron can run, the browser console elsewhere.
const appDir = join(import.meta.dirname, '../..');

function electronBinary(): { path: string } | { why: string } {
  // Checked first: without a display there is no point in fetching the binary.
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { why: 'there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)' };
  }
  let path: string;
  try {
    // The electron package returns its binary's path, fetching the binary on first use; it
    // throws when that is impossible (offline, blocked).
    path = createRequire(import.meta.url)('electron') as string;
  } catch {
    return { why: 'the Electron binary is not installed and could not be downloaded' };
  }
  if (!existsSync(path)) return { why: `the Electron binary is missing at ${path}` };
  return { path };
}

const args = process.argv.slice(2);
const electron = electronBinary();
if ('path' in electron) {
  let rest = args;
  try {
    // The desktop app opens its store as it starts, so a restore is done here, before it runs.
    const split = takeRestoreArg(args);
    rest = split.rest;
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
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  try {
    const options = parseHostArgs(args);
    process.stdout.write(`Electron cannot start: ${electron.why}; serving the console in your browser instead.\n`);
    await runHeadless({ ...options, rendererDir: join(import.meta.dirname, '../renderer') });
  } catch (error) {
    process.stderr.write(`noc-console: ${(error as Error).message}\n`);
    process.exit(1);
  }
}
