import { parseArgs } from 'node:util';
import { defaultDataDir, defaultDemoDataDir } from './data-dir';
import type { TlsChoice } from './server-tls';

export interface HostCliOptions {
  port: number;
  host: string;
  dataDir: string;
  allowedOrigins: string[];
  /** Host names served besides the bound address and localhost (DNS-rebinding defence). */
  allowedHosts: string[];
  /** Start the in-process simulator fleet under demo tenants (see main/demo); its own data folder unless --data-dir says otherwise. */
  demo: boolean;
  /** A backup to swap in as the store before it opens (main/backup/restore.ts). */
  restore: string | null;
  /** `--tls self-signed|off` or `--tls-cert FILE --tls-key FILE`; `auto` (no flag): self-signed off loopback, plain HTTP on it. */
  tls: TlsChoice;
  /** `--metrics-token` (or NOC_METRICS_TOKEN): Bearer token for /metrics from anywhere; without one, /metrics answers loopback only. */
  metricsToken: string | null;
}

export const DEFAULT_PORT = 5780;

const RESTORE_WITH_DEMO = '--restore cannot be combined with --demo: restore into the console’s own data folder, without --demo';

/** A shorter token could be guessed by a scraper that may try as often as it likes. */
export const MIN_METRICS_TOKEN_LENGTH = 16;

/**
 * Parses `--port --host --data-dir --allow-origin --allow-host --demo --restore --tls --tls-cert
 * --tls-key --metrics-token`; throws a message fit to print on bad input.
 */
export function parseHostArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): HostCliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: String(DEFAULT_PORT) },
      host: { type: 'string', default: '127.0.0.1' },
      'data-dir': { type: 'string' },
      'allow-origin': { type: 'string', multiple: true, default: [] },
      'allow-host': { type: 'string', multiple: true, default: [] },
      demo: { type: 'boolean', default: false },
      restore: { type: 'string' },
      tls: { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'metrics-token': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a whole number from 0 to 65535, not "${values.port}"`);
  }
  if (values.demo && values.restore !== undefined) throw new Error(RESTORE_WITH_DEMO);
  const metricsToken = values['metrics-token'] ?? env.NOC_METRICS_TOKEN ?? null;
  if (metricsToken !== null && metricsToken.length < MIN_METRICS_TOKEN_LENGTH) {
    throw new Error(`--metrics-token must have at least ${MIN_METRICS_TOKEN_LENGTH} characters; make one with: openssl rand -hex 24`);
  }
  return {
    port,
    host: values.host,
    dataDir: values['data-dir'] ?? (values.demo ? defaultDemoDataDir() : defaultDataDir()),
    allowedOrigins: values['allow-origin'],
    allowedHosts: values['allow-host'],
    demo: values.demo,
    restore: values.restore ?? null,
    tls: tlsChoice(values.tls, values['tls-cert'], values['tls-key']),
    metricsToken,
  };
}

function tlsChoice(mode: string | undefined, certFile: string | undefined, keyFile: string | undefined): TlsChoice {
  if (certFile !== undefined || keyFile !== undefined) {
    if (certFile === undefined || keyFile === undefined) throw new Error('--tls-cert and --tls-key go together: give the certificate (PEM) and its private key (PEM)');
    if (mode !== undefined) throw new Error('--tls cannot be combined with --tls-cert/--tls-key: the files already say which certificate to serve');
    return { certFile, keyFile };
  }
  if (mode === undefined) return 'auto';
  if (mode === 'self-signed' || mode === 'off') return mode;
  throw new Error(`--tls must be "self-signed" or "off", not "${mode}" (or give --tls-cert FILE --tls-key FILE)`);
}

/** Splits `--restore FILE` (or `--restore=FILE`) off arguments that go on to the desktop app, which does not know it. */
export function takeRestoreArg(argv: readonly string[]): { restore: string | null; rest: string[] } {
  const rest: string[] = [];
  let restore: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--restore') {
      restore = argv[++i] ?? null;
      if (restore === null) throw new Error('--restore needs the path of a backup file');
    } else if (arg.startsWith('--restore=')) restore = arg.slice('--restore='.length);
    else rest.push(arg);
  }
  if (restore !== null && rest.includes('--demo')) throw new Error(RESTORE_WITH_DEMO);
  return { restore, rest };
}
