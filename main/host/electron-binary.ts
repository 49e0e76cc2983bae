import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type ElectronBinary = { path: string } | { why: string };

export interface ElectronBinaryOptions {
  /** node_modules/electron of the app. */
  packageDir: string;
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  /** Runs the electron package's own downloader; its output is captured, never shown. */
  download?: (installScript: string) => { status: number | null; stderr: string; error?: Error };
}

const runInstaller = (installScript: string) => {
  const result = spawnSync(process.execPath, [installScript], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return { status: result.status, stderr: result.stderr ?? '', error: result.error };
};

/** The downloader's error without the stack and source excerpt: "TypeError: fetch failed" → "fetch failed". */
export function downloadFailure(stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.trim());
  const error = lines.find((l) => /^[A-Za-z]*Error: /.test(l));
  return error ? error.replace(/^[A-Za-z]*Error: /, '') : (lines.find((l) => l !== '') ?? 'no reason given');
}

/**
 * Where the Electron binary is, or in one line why it cannot run here. The electron package
 * itself downloads a missing binary on `require` with the downloader's output going straight to
 * the terminal (offline: a raw `TypeError: fetch failed` stack before our fallback line), so this
 * reads its path.txt and runs its downloader itself, output captured.
 */
export function findElectronBinary(options: ElectronBinaryOptions): ElectronBinary {
  const { packageDir, platform = process.platform, env = process.env, download = runInstaller } = options;
  // Checked first: without a display there is no point in fetching the binary.
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return { why: 'there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)' };
  if (!existsSync(join(packageDir, 'package.json'))) return { why: 'the electron package is not installed (run npm install)' };
  const pathFile = join(packageDir, 'path.txt');
  const located = () => (existsSync(pathFile) ? join(env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist'), readFileSync(pathFile, 'utf8').trim()) : null);
  let binary = located();
  if (binary === null || !existsSync(binary)) {
    const result = download(join(packageDir, 'install.js'));
    if (result.error || result.status !== 0) {
      return { why: `the Electron binary is not installed and could not be downloaded (${result.error ? result.error.message : downloadFailure(result.stderr)})` };
    }
    binary = located();
  }
  if (binary === null || !existsSync(binary)) return { why: `the Electron binary is missing${binary ? ` at ${binary}` : ''}` };
  return { path: binary };
}
