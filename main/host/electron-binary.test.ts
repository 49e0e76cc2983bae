import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { downloadFailure, findElectronBinary } from './electron-binary';

const OFFLINE_STDERR = `node:internal/deps/undici/undici:13502
      Error.captureStackTrace(err);
            ^

TypeError: fetch failed
    at node:internal/deps/undici/undici:13502:13
    at async downloadArtifact (/app/node_modules/@electron/get/dist/cjs/index.js:142:5) {
  [cause]: Error: getaddrinfo ENOTFOUND github.com
}

Node.js v20.19.0
`;

describe('finding the Electron binary', () => {
  let dir: string;
  const display = { DISPLAY: ':0' };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'noc-electron-'));
    writeFileSync(join(dir, 'package.json'), '{}');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('says in one line, without the stack, that the download failed', () => {
    const found = findElectronBinary({ packageDir: dir, platform: 'linux', env: display, download: () => ({ status: 1, stderr: OFFLINE_STDERR }) });
    expect(found).toEqual({ why: 'the Electron binary is not installed and could not be downloaded (fetch failed)' });
    expect(downloadFailure('Error: read ECONNRESET\n    at x')).toBe('read ECONNRESET');
  });

  it('needs a display on Linux before trying anything', () => {
    let asked = false;
    const found = findElectronBinary({ packageDir: dir, platform: 'linux', env: {}, download: () => ((asked = true), { status: 0, stderr: '' }) });
    expect(found).toEqual({ why: expect.stringMatching(/no display/) });
    expect(asked).toBe(false);
  });

  it('uses an installed binary, and one the downloader just put there', () => {
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'path.txt'), 'electron');
    const install = () => {
      writeFileSync(join(dir, 'dist', 'electron'), '');
      chmodSync(join(dir, 'dist', 'electron'), 0o755);
      return { status: 0, stderr: '' };
    };
    expect(findElectronBinary({ packageDir: dir, platform: 'linux', env: display, download: install })).toEqual({ path: join(dir, 'dist', 'electron') });
    expect(findElectronBinary({ packageDir: dir, platform: 'linux', env: display, download: () => ({ status: 1, stderr: 'unused' }) })).toEqual({ path: join(dir, 'dist', 'electron') });
  });
});
