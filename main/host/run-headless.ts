import { describeRestore, restoreStore } from '../backup/restore';
import { checkDemoFolder } from '../demo/demo-folder';
import { startDemo, type Demo } from '../demo/demo-fleet';
import { signInsOnceOnline } from '../demo/print-sign-ins';
import type { HostCliOptions } from './cli-options';
import { startHeadlessHost } from './headless-host';
import { plainHttpWarning } from './server-tls';


/** Starts the headless host for a person at a terminal; stops cleanly on SIGINT/SIGTERM. */
export async function runHeadless(options: HostCliOptions & { rendererDir: string }): Promise<void> {
  // Both before the store opens: a restore swaps the file nothing holds yet, and a refused demo folder is left untouched.
  if (options.restore !== null) process.stdout.write(describeRestore(restoreStore(options.dataDir, options.restore)));
  if (options.demo) checkDemoFolder(options.dataDir);
  // The demo makes its own system admin; an admin from the environment would be a real user in the demo's folder.
  const host = await startHeadlessHost(options.demo ? { ...options, env: {} } : options);
  let demo: Demo | null = null;
  try {
    demo = options.demo ? await startDemo(host.core.services, host.core.dispatch) : null;
  } catch (error) {
    await host.close();
    throw error;
  }
  process.stdout.write(`NOC Console serving at ${host.url} (data folder: ${options.dataDir})\n`);
  // Desktop apps and scripts read this line to pin the certificate: keep its wording.
  if (host.fingerprint) process.stdout.write(`TLS certificate SHA-256 fingerprint: ${host.fingerprint}\n`);
  for (const note of host.notes) process.stdout.write(`${note}\n`);
  const warning = plainHttpWarning(options.host, host.fingerprint !== null);
  if (warning) process.stderr.write(`${warning}\n`);
  if (demo) {
    process.stdout.write(await signInsOnceOnline(demo, options.dataDir));
  }
  const stop = () => {
    Promise.all([host.close(), demo?.stop()]).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
