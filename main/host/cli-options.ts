import { parseArgs } from 'node:util';
import { defaultDataDir, defaultDemoDataDir } from './data-dir';

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
}

export const DEFAULT_PORT = 5780;

const RESTORE_WITH_DEMO = '--restore cannot be combined with --demo: restore into the console’s own data folder, without --demo';

/** Parses `--port --host --data-dir --allow-origin --allow-host --demo --restore`; throws a message fit to print on bad input. */
export function parseHostArgs(argv: string[]): HostCliOptions {
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
    },
    strict: true,
    allowPositionals: false,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a whole number from 0 to 65535, not "${values.port}"`);
  }
  if (values.demo && values.restore !== undefined) throw new Error(RESTORE_WITH_DEMO);
  return {
    port,
    host: values.host,
    dataDir: values['data-dir'] ?? (values.demo ? defaultDemoDataDir() : defaultDataDir()),
    allowedOrigins: values['allow-origin'],
    allowedHosts: values['allow-host'],
    demo: values.demo,
    restore: values.restore ?? null,
  };
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
