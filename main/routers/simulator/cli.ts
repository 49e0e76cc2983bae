import { CliUsageError, parseCliArgs, USAGE } from './cli-args';
import { startFleet } from './fleet';
import type { FleetOptions } from './types';

/**
 * The fleet CLI: starts N simulated routers, prints one JSON line per router on stdout, serves
 * until SIGINT/SIGTERM. When forked with an IPC channel (the bench), answers `{type:'stats'}`
 * with this process's memory and CPU use.
 */
async function main(): Promise<void> {
  let options: FleetOptions | 'help';
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof CliUsageError)) throw err;
    process.stderr.write(`sim: ${err.message} (npm run sim -- --help for usage)\n`);
    process.exit(2);
  }
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }

  let fleet;
  try {
    fleet = await startFleet(options);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why = e.code === 'EADDRINUSE' ? `port ${(e as { port?: number }).port ?? ''} is already in use; pick another --base-port` : e.message;
    process.stderr.write(`sim: could not start the fleet: ${why}\n`);
    process.exit(1);
  }
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await fleet!.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  process.on('disconnect', shutdown);
  for (const r of fleet.routers) {
    process.stdout.write(`${JSON.stringify({ name: r.name, host: r.host, port: r.port, username: r.username, password: r.password, version: r.version })}\n`);
  }
  process.stderr.write(
    `sim: ${fleet.routers.length} router(s) on ${options.host}:${options.basePort}-${options.basePort + fleet.routers.length - 1}` +
      ` (RouterOS ${options.version}${options.tls ? ', api-ssl anonymous DH' : ''}); Ctrl+C to stop\n`,
  );

  if (process.send) {
    process.on('message', (msg: { type?: string }) => {
      if (msg?.type === 'stats') process.send!({ type: 'stats', rss: process.memoryUsage().rss, cpu: process.cpuUsage() });
    });
    process.send({ type: 'ready' });
  }
}

await main();
