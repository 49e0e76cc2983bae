import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { certificateFingerprint } from './certificate-fingerprint';
import { certificatePaths, loadOrCreateCertificate } from './self-signed-certificate';
import { certificateNames, isLoopbackHost, plainHttpWarning, resolveServerTls } from './server-tls';

const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'noc-tls-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the console server’s self-signed certificate', () => {
  it('is made on first start with the names asked for, its key readable by the owner only, and reused after', async () => {
    const dataDir = freshDir();
    const first = await loadOrCreateCertificate(dataDir, ['localhost', '127.0.0.1', '::1', '192.0.2.10', 'noc.lan']);
    expect(first.created).toBe('first start');
    const x509 = new X509Certificate(first.cert);
    expect(x509.subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1, IP Address:192.0.2.10, DNS:noc.lan');
    expect(x509.checkPrivateKey(await import('node:crypto').then((c) => c.createPrivateKey(first.key)))).toBe(true);
    expect(statSync(certificatePaths(dataDir).key).mode & 0o777).toBe(0o600);
    expect(statSync(certificatePaths(dataDir).dir).mode & 0o777).toBe(0o700);

    const again = await loadOrCreateCertificate(dataDir, ['localhost', 'noc.lan', 'wall.lan']);
    expect(again.created).toBeNull();
    expect(certificateFingerprint(again.cert)).toBe(certificateFingerprint(first.cert));
    // A name it lacks is reported, not fixed with a new certificate that would break every pin.
    expect(again.uncovered).toEqual(['wall.lan']);
  });

  it('is replaced when it is about to expire or cannot be read', async () => {
    const dataDir = freshDir();
    const first = await loadOrCreateCertificate(dataDir, ['localhost']);
    const nearEnd = new Date(new X509Certificate(first.cert).validTo).getTime() - 86_400_000;
    const renewed = await loadOrCreateCertificate(dataDir, ['localhost'], new Date(nearEnd));
    expect(renewed.created).toBe('expiring');
    expect(certificateFingerprint(renewed.cert)).not.toBe(certificateFingerprint(first.cert));
    writeFileSync(certificatePaths(dataDir).cert, 'garbage');
    expect((await loadOrCreateCertificate(dataDir, ['localhost'])).created).toBe('unreadable');
  });

  it('has a fingerprint in the form browsers show: 32 upper-case hex pairs joined by colons', async () => {
    const { cert } = await loadOrCreateCertificate(freshDir(), ['localhost']);
    expect(certificateFingerprint(cert)).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });
});

describe('which TLS a console serves', () => {
  it('is plain HTTP on loopback unless asked, and a self-signed certificate off loopback', async () => {
    const dataDir = freshDir();
    expect(isLoopbackHost('127.0.0.1') && isLoopbackHost('127.8.0.1') && isLoopbackHost('::1') && isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('0.0.0.0') || isLoopbackHost('192.168.1.5') || isLoopbackHost('::')).toBe(false);
    expect(await resolveServerTls({ tls: 'auto', host: '127.0.0.1', dataDir, allowedHosts: [] })).toBeNull();
    expect(await resolveServerTls({ tls: 'off', host: '0.0.0.0', dataDir, allowedHosts: [] })).toBeNull();
    const lan = await resolveServerTls({ tls: 'auto', host: '0.0.0.0', dataDir, allowedHosts: ['noc.lan:8443'] });
    expect(new X509Certificate(lan!.cert).checkHost('noc.lan')).toBe('noc.lan');
  });

  it('warns on every start that serves plain HTTP beyond this machine', () => {
    expect(plainHttpWarning('0.0.0.0', false)).toMatch(/^WARNING: serving plain HTTP on 0\.0\.0\.0: passwords and session tokens .* drop --tls off/);
    expect(plainHttpWarning('192.0.2.10', true)).toBeNull();
    expect(plainHttpWarning('127.0.0.1', false)).toBeNull();
  });

  it('names the bound address, or every address of this machine when bound to all of them, and the --allow-host names', () => {
    expect(certificateNames('192.0.2.7', ['noc.lan', '[2001:db8::1]:8443'])).toEqual(['localhost', '127.0.0.1', '::1', '192.0.2.7', 'noc.lan', '2001:db8::1']);
    expect(certificateNames('0.0.0.0', [])).toContain('127.0.0.1');
  });

  it('serves given certificate files, and says what is wrong with bad ones', async () => {
    const dir = freshDir();
    const made = await loadOrCreateCertificate(dir, ['localhost']);
    const other = await loadOrCreateCertificate(freshDir(), ['localhost']);
    const { cert, key } = certificatePaths(dir);
    const otherKey = join(dir, 'other-key.pem');
    writeFileSync(otherKey, other.key);
    const served = await resolveServerTls({ tls: { certFile: cert, keyFile: key }, host: '0.0.0.0', dataDir: freshDir(), allowedHosts: [] });
    expect(served!.fingerprint).toBe(certificateFingerprint(made.cert));
    await expect(resolveServerTls({ tls: { certFile: cert, keyFile: otherKey }, host: '0.0.0.0', dataDir: dir, allowedHosts: [] })).rejects.toThrow(/is not the private key of/);
    await expect(resolveServerTls({ tls: { certFile: key, keyFile: key }, host: '0.0.0.0', dataDir: dir, allowedHosts: [] })).rejects.toThrow(/is not a PEM certificate/);
    await expect(resolveServerTls({ tls: { certFile: join(dir, 'missing.pem'), keyFile: key }, host: '0.0.0.0', dataDir: dir, allowedHosts: [] })).rejects.toThrow(/cannot read the TLS certificate .*ENOENT/);
  });
});
