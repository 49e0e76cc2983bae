import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KeyFileSecretBox } from './key-file-box';

describe('key file secret box', () => {
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
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(new KeyFileSecretBox(keyFile).open(sealed)).toBe('päss wörd 🔑');
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
  });

  it('refuses a key file other users can read, and a damaged one', () => {
    const loose = join(dir, 'loose.key');
    new KeyFileSecretBox(loose);
    chmodSync(loose, 0o644);
    expect(() => new KeyFileSecretBox(loose)).toThrow(/chmod 600/);
    const damaged = join(dir, 'damaged.key');
    writeFileSync(damaged, 'short', { mode: 0o600 });
    expect(() => new KeyFileSecretBox(damaged)).toThrow(/damaged/);
    expect(readFileSync(damaged, 'utf8')).toBe('short');
  });
});
