import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startCore } from '../core/app-core';
import { createLogger, silentLogger } from '../core/logger';
import { KeyFileSecretBox } from '../secrets/key-file-box';
import type { SecretBox } from '../secrets/secret-box';
import { storeRouter } from '../routers/testing/store-router';

// safeStorage stand-in: reversible but not plain, a switchable backend, and a keychain that can
// belong to someone else (then it cannot decrypt).
const state = { available: true, backend: 'gnome_libsecret', foreign: false };
vi.mock('electron', () => ({
  safeStorage: {
    isEncryptionAvailable: () => state.available,
    getSelectedStorageBackend: () => state.backend,
    encryptString: (plain: string) => Buffer.from(plain, 'utf8').reverse(),
    decryptString: (data: Buffer) => {
      if (state.foreign) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(data).reverse().toString('utf8');
    },
  },
}));

const { desktopSecretBox } = await import('./safe-storage-box');

/** What the desktop stored before the data key: safeStorage output, base64, behind 'ss1.'. */
const oldDesktopValue = (plain: string) => 'ss1.' + Buffer.from(plain, 'utf8').reverse().toString('base64');

describe('desktop secret box: the data key sealed by the OS keychain', () => {
  const dirs: string[] = [];
  const userData = () => {
    const dir = mkdtempSync(join(tmpdir(), 'noc-ud-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    Object.assign(state, { available: true, backend: 'gnome_libsecret', foreign: false });
    dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
  });

  it('keeps the data key only sealed by the keychain, in a 0600 file', () => {
    const dir = userData();
    const box = desktopSecretBox(dir);
    expect(box.kind).toMatch(/sealed by the OS keychain/);
    const sealed = box.seal('router-pass');
    expect(sealed).not.toContain('router-pass');
    expect(box.isCurrent(sealed)).toBe(true);
    expect(desktopSecretBox(dir).open(sealed)).toBe('router-pass');
    expect(existsSync(join(dir, 'secret.key'))).toBe(false);
    expect(statSync(join(dir, 'secret.key.keychain')).mode & 0o777).toBe(0o600);
  });

  it('moves a key file the headless host made into the keychain, and its values stay readable', () => {
    const dir = userData();
    const sealed = new KeyFileSecretBox(join(dir, 'secret.key')).seal('from-headless');
    expect(desktopSecretBox(dir).open(sealed)).toBe('from-headless');
    expect(existsSync(join(dir, 'secret.key'))).toBe(false);
    // From now on the folder's secrets are the desktop's: the headless host says so instead of guessing.
    expect(() => new KeyFileSecretBox(join(dir, 'secret.key')).open(sealed)).toThrow(/sealed by the desktop app’s OS keychain/);
  });

  it('says why when this account’s keychain cannot open the data key', () => {
    const dir = userData();
    const sealed = desktopSecretBox(dir).seal('x');
    state.foreign = true;
    expect(() => desktopSecretBox(dir).open(sealed)).toThrow(/cannot be opened by this user account’s OS keychain.*enter the router passwords again/);
  });

  it('falls back to the key file when Linux has no real keychain or encryption is unavailable', () => {
    state.backend = 'basic_text';
    expect(desktopSecretBox(userData()).kind).toMatch(/0600 key file/);
    state.backend = 'gnome_libsecret';
    state.available = false;
    expect(desktopSecretBox(userData()).kind).toMatch(/0600 key file/);
  });

  it('migrates at start the passwords sealed by both old schemes (desktop keychain, headless key file)', async () => {
    const dir = userData();
    const open = async (secrets: SecretBox) => startCore({ dataDir: dir, host: { kind: 'electron', secrets }, log: silentLogger });
    // Before the data key: the headless host sealed with its key file, the desktop with safeStorage directly.
    const before = await open(new KeyFileSecretBox(join(dir, 'secret.key')));
    const headless = await storeRouter(before.services, 1, { name: 'from-headless' }, 'pw-headless');
    const desktop = await storeRouter(before.services, 1, { name: 'from-desktop' }, 'placeholder');
    before.db.prepare('UPDATE routers SET password_sealed = ? WHERE id = ?').run(oldDesktopValue('pw-desktop'), desktop.id);
    await before.close();

    const lines: string[] = [];
    const core = await startCore({ dataDir: dir, host: { kind: 'electron', secrets: desktopSecretBox(dir) }, log: createLogger((l) => lines.push(l)) });
    try {
      const stored = core.db.prepare('SELECT name, password_sealed AS sealed FROM routers ORDER BY name').all() as Array<{ name: string; sealed: string }>;
      expect(stored.map((r) => [r.name, r.sealed.startsWith('v1.')])).toEqual([
        ['from-desktop', true],
        ['from-headless', true],
      ]);
      const password = (id: number) => core.services.accounts.read((tx) => tx.routers.password(id));
      expect(await password(desktop.id)).toBe('pw-desktop');
      expect(await password(headless.id)).toBe('pw-headless');
      expect(existsSync(join(dir, 'secret.key'))).toBe(false);
      expect(lines.some((l) => l.includes('sealed again under the data key') && l.includes('"count":1'))).toBe(true);
      expect(lines.join('\n')).not.toMatch(/pw-desktop|pw-headless/);
    } finally {
      await core.close();
    }
  });
});
