import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KeyFileSecretBox } from './key-file-box';

describe('key file secret box (the data key in a 0600 file)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'noc-secrets-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates a 0600 key file and round-trips secrets without storing them in plain text', () => {
    const keyFile = join(dir, 'keys', 'secret.key');
    const box = new KeyFileSecretBox(keyFile);
    const sealed = box.seal('päss wörd 🔑');
    expect(sealed).not.toContain('päss');
    expect(box.seal('päss wörd 🔑')).not.toBe(sealed);
    expect(box.open(sealed)).toBe('päss wörd 🔑');
    expect(box.isCurrent(sealed)).toBe(true);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(new KeyFileSecretBox(keyFile).open(sealed)).toBe('päss wörd 🔑');
    expect(box.unavailable).toBeNull();
  });

  it('refuses tampered values and values sealed with another key', () => {
    const box = new KeyFileSecretBox(join(dir, 'a.key'));
    const sealed = box.seal('secret');
    const parts = sealed.split('.');
    const flipped = Buffer.from(parts[3]!, 'base64');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => box.open([...parts.slice(0, 3), flipped.toString('base64')].join('.'))).toThrow(/was changed/);
    expect(() => new KeyFileSecretBox(join(dir, 'b.key')).open(sealed)).toThrow(/cannot be decrypted/);
    expect(() => box.open('plain text')).toThrow(/not in a format/);
    // A truncated tag (GCM would check only its first 4 bytes) is refused, not accepted.
    const shortTag = Buffer.from(parts[2]!, 'base64').subarray(0, 4).toString('base64');
    expect(() => box.open([parts[0], parts[1], shortTag, parts[3]].join('.'))).toThrow(/cannot be decrypted|was changed/);
  });

  it('says why when the key file is loose or damaged, on every use, and leaves it as it is', () => {
    const loose = join(dir, 'loose.key');
    const sealed = new KeyFileSecretBox(loose).seal('x');
    chmodSync(loose, 0o644);
    const looseBox = new KeyFileSecretBox(loose);
    expect(looseBox.unavailable).toMatch(/readable by other users: run chmod 600/);
    expect(() => looseBox.open(sealed)).toThrow(/chmod 600/);
    expect(() => looseBox.seal('y')).toThrow(/chmod 600/);
    const damaged = join(dir, 'damaged.key');
    writeFileSync(damaged, 'short', { mode: 0o600 });
    expect(() => new KeyFileSecretBox(damaged).seal('y')).toThrow(/damaged/);
    expect(readFileSync(damaged, 'utf8')).toBe('short');
  });

  it('never makes a new key for a folder whose key the desktop sealed in its keychain', () => {
    const keyFile = join(dir, 'secret.key');
    writeFileSync(`${keyFile}.keychain`, 'c2VhbGVk', { mode: 0o600 });
    const box = new KeyFileSecretBox(keyFile);
    expect(box.unavailable).toMatch(/sealed by the desktop app’s OS keychain.*open the folder with the desktop app/);
    expect(() => box.seal('x')).toThrow(/desktop app/);
    expect(existsSync(keyFile)).toBe(false);
  });

  it('says which values only the desktop can open: those it sealed with its keychain before the data key', () => {
    const box = new KeyFileSecretBox(join(dir, 'secret.key'));
    const legacy = 'ss1.' + Buffer.from('whatever').toString('base64');
    expect(box.isCurrent(legacy)).toBe(false);
    expect(() => box.open(legacy)).toThrow(/desktop app’s OS keychain.*start the desktop app once on this folder/);
  });
});
