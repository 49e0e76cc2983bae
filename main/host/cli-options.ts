import { parseArgs } from 'node:util';
import { defaultDataDir } from './data-dir';

export interface HostCliOptions {
  port: number;
  host: string;
  dataDir: string;
  allowedOrigins: string[];
  /** Host names served besides the bound address and localhost (DNS-rebinding defence). */
  allowedHosts: string[];
  /** Start the in-process simulator fleet under demo tenants (see main/demo). */
  demo: boolean;
}

export const DEFAULT_PORT = 5780;

/** Parses `--port --host --data-dir --allow-origin --allow-host --demo`; throws a message fit to print on bad input. */
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
    },
    strict: true,
    allowPositionals: false,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a whole number from 0 to 65535, not "${values.port}"`);
  }
  return {
    port,
    host: values.host,
    dataDir: values['data-dir'] ?? defaultDataDir(),
    allowedOrigins: values['allow-origin'],
    allowedHosts: values['allow-host'],
    demo: values.demo,
  };
}
