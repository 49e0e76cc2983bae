import { flipFuses, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import afterPack, { FUSES } from './after-pack-fuses.mjs';

// The Electron binary cannot be downloaded here, so the real @electron/fuses flips a stand-in
// file that carries the fuse wire the way Electron's binary does: sentinel, version, length, states.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ENABLE = 49;
const DISABLE = 48;
// Electron's shipped defaults for the eight V1 fuses, in wire order.
const ELECTRON_DEFAULTS = [ENABLE, DISABLE, ENABLE, ENABLE, DISABLE, DISABLE, DISABLE, ENABLE];

describe('packaging fuses', () => {
  it('turns off node mode, NODE_OPTIONS, --inspect and file:// privileges; turns on asar-only, asar integrity and cookie encryption', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'noc-fuses-'));
    try {
      const binary = join(dir, 'noc-console');
      await writeFile(binary, Buffer.concat([Buffer.from('\x7fELF…'), Buffer.from(SENTINEL), Buffer.from([1, 8, ...ELECTRON_DEFAULTS])]));
      await flipFuses(binary, FUSES);
      const wire = (await getCurrentFuseWire(binary)) as unknown as Record<number, number>;
      const state = (fuse: FuseV1Options) => (wire[fuse] === ENABLE ? 'on' : wire[fuse] === DISABLE ? 'off' : 'unchanged');
      expect({
        runAsNode: state(FuseV1Options.RunAsNode),
        cookieEncryption: state(FuseV1Options.EnableCookieEncryption),
        nodeOptions: state(FuseV1Options.EnableNodeOptionsEnvironmentVariable),
        nodeCliInspect: state(FuseV1Options.EnableNodeCliInspectArguments),
        asarIntegrity: state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation),
        onlyLoadFromAsar: state(FuseV1Options.OnlyLoadAppFromAsar),
        browserV8Snapshot: state(FuseV1Options.LoadBrowserProcessSpecificV8Snapshot),
        fileProtocolPrivileges: state(FuseV1Options.GrantFileProtocolExtraPrivileges),
      }).toEqual({
        runAsNode: 'off',
        cookieEncryption: 'on',
        nodeOptions: 'off',
        nodeCliInspect: 'off',
        asarIntegrity: 'on',
        onlyLoadFromAsar: 'on',
        browserV8Snapshot: 'off',
        fileProtocolPrivileges: 'off',
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('is the afterPack hook of electron-builder.yml', async () => {
    const config = await readFile(join(import.meta.dirname, '../../electron-builder.yml'), 'utf8');
    expect(config).toMatch(/^afterPack: \.\/main\/electron\/after-pack-fuses\.mjs$/m);
    expect(typeof afterPack).toBe('function');
  });
});
