import type { HostCliOptions } from './cli-options';
import { startHeadlessHost } from './headless-host';

/** Starts the headless host for a person at a terminal; stops cleanly on SIGINT/SIGTERM. */
export async function runHeadless(options: HostCliOptions & { rendererDir: string }): Promise<void> {
  const host = await startHeadlessHost(options);
  process.stdout.write(`NOC Console serving at ${host.url} (data folder: ${options.dataDir})\n`);
  const stop = () => {
    host.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
