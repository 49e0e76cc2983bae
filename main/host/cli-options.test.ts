import { describe, expect, it } from 'vitest';
import { parseHostArgs, takeRestoreArg } from './cli-options';
import { defaultDataDir, defaultDemoDataDir } from './data-dir';

describe('host command line: the demo and restore', () => {
  it('gives --demo a data folder of its own, next to the real one, unless --data-dir names one', () => {
    const env = { XDG_CONFIG_HOME: '/home/ops/.config' };
    expect(defaultDataDir(env, 'linux')).toBe('/home/ops/.config/NOC Console');
    expect(defaultDemoDataDir(env, 'linux')).toBe('/home/ops/.config/NOC Console Demo');
    expect(parseHostArgs(['--demo']).dataDir).toBe(defaultDemoDataDir());
    expect(parseHostArgs([]).dataDir).toBe(defaultDataDir());
    expect(parseHostArgs(['--demo', '--data-dir', '/tmp/try'])).toMatchObject({ demo: true, dataDir: '/tmp/try' });
  });

  it('takes a backup to restore, and not together with --demo', () => {
    expect(parseHostArgs([]).restore).toBeNull();
    expect(parseHostArgs(['--restore', '/backups/noc.db'])).toMatchObject({ restore: '/backups/noc.db', demo: false });
    expect(() => parseHostArgs(['--demo', '--restore', '/backups/noc.db'])).toThrow(/--restore cannot be combined with --demo/);
  });
});

describe('arguments passed on to the desktop app', () => {
  it('lose --restore FILE, which the launcher handles before the app opens its store', () => {
    expect(takeRestoreArg(['--restore', 'b.db', '--port', '1'])).toEqual({ restore: 'b.db', rest: ['--port', '1'] });
    expect(takeRestoreArg(['--restore=b.db'])).toEqual({ restore: 'b.db', rest: [] });
    expect(takeRestoreArg(['--inspect'])).toEqual({ restore: null, rest: ['--inspect'] });
    expect(() => takeRestoreArg(['--restore'])).toThrow(/--restore needs the path of a backup file/);
    expect(() => takeRestoreArg(['--demo', '--restore', 'b.db'])).toThrow(/--restore cannot be combined with --demo/);
  });
});

describe('host command line: TLS and metrics', () => {
  it('takes --tls self-signed|off or a certificate and key file pair, and neither half alone', () => {
    expect(parseHostArgs([]).tls).toBe('auto');
    expect(parseHostArgs(['--tls', 'self-signed']).tls).toBe('self-signed');
    expect(parseHostArgs(['--tls', 'off']).tls).toBe('off');
    expect(parseHostArgs(['--tls-cert', '/etc/noc/cert.pem', '--tls-key', '/etc/noc/key.pem']).tls).toEqual({ certFile: '/etc/noc/cert.pem', keyFile: '/etc/noc/key.pem' });
    expect(() => parseHostArgs(['--tls-cert', '/etc/noc/cert.pem'])).toThrow(/--tls-cert and --tls-key go together/);
    expect(() => parseHostArgs(['--tls', 'on'])).toThrow(/--tls must be "self-signed" or "off"/);
    expect(() => parseHostArgs(['--tls', 'off', '--tls-cert', 'c', '--tls-key', 'k'])).toThrow(/cannot be combined/);
  });

  it('takes a metrics token from the flag or NOC_METRICS_TOKEN, and refuses a short one', () => {
    expect(parseHostArgs([], {}).metricsToken).toBeNull();
    expect(parseHostArgs([], { NOC_METRICS_TOKEN: 'from-the-environment-1234' }).metricsToken).toBe('from-the-environment-1234');
    expect(parseHostArgs(['--metrics-token', 'from-the-flag-123456'], { NOC_METRICS_TOKEN: 'from-the-environment-1234' }).metricsToken).toBe('from-the-flag-123456');
    expect(() => parseHostArgs(['--metrics-token', 'short'])).toThrow(/at least 16 characters/);
  });
});
