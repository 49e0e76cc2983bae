import { startDemo } from '../demo/demo-fleet';
import { formatSignIns } from '../demo/print-sign-ins';
import type { HostCliOptions } from './cli-options';
import { startHeadlessHost } from './headless-host';

/** Starts the headless host for a person at a terminal; stops cleanly on SIGINT/SIGTERM. */
export async function runHeadless(options: HostCliOptions & { rendererDir: string }): Promise<void> {
  const host = await startHeadlessHost(options);
  const demo = options.demo ? await startDemo(host.core.services) : null;
  process.stdout.write(`NOC Console serving at ${host.url} (data folder: ${options.dataDir})\n`);
  if (demo) process.stdout.write(formatSignIns(demo.signIns, demo.routers.length));
  const stop = () => {
    Promise.all([host.close(), demo?.stop()]).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
