import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

// safeStorage stand-in: reversible but not plain, and a switchable backend.
const state = { available: true, backend: 'gnome_libsecret' };
vi.mock('electron', () => ({
  safeStorage: {
    isEncryptionAvailable: () => state.available,
    getSelectedStorageBackend: () => state.backend,
    encryptString: (plain: string) => Buffer.from(plain, 'utf8').reverse(),
    decryptString: (data: Buffer) => Buffer.from(data).reverse().toString('utf8'),
  },
}));

const { desktopSecretBox } = await import('./safe-storage-box');

describe('desktop secret box', () => {
  const dirs: string[] = [];
  const userData = () => {
    const dir = mkdtempSync(join(tmpdir(), 'noc-ud-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('uses the OS keychain when one is available', () => {
    state.available = true;
    state.backend = 'gnome_libsecret';
    const box = desktopSecretBox(userData());
    expect(box.kind).toBe('electron safeStorage');
    const sealed = box.seal('router-pass');
    expect(sealed).not.toContain('router-pass');
    expect(box.open(sealed)).toBe('router-pass');
  });

  it('falls back to the key file when Linux has no real keychain or encryption is unavailable', () => {
    state.backend = 'basic_text';
    expect(desktopSecretBox(userData()).kind).toBe('aes-256-gcm key file');
    state.backend = 'gnome_libsecret';
    state.available = false;
    expect(desktopSecretBox(userData()).kind).toBe('aes-256-gcm key file');
  });
});
