import { startMndpAnnouncer, type MndpAnnouncer } from './mndp-announcer';
import { startSimulatedRouter } from './simulated-router';
import type { Fleet, FleetOptions, SimulatedRouter } from './types';

/** N routers on consecutive ports, all on the one shared ticker. */
export async function startFleet(options: FleetOptions): Promise<Fleet> {
  const routers: SimulatedRouter[] = [];
  const announcers: MndpAnnouncer[] = [];
  const stop = async () => {
    await Promise.all([...announcers.map((a) => a.stop()), ...routers.map((r) => r.stop())]);
  };
  try {
    for (let i = 0; i < options.routers; i++) {
      routers.push(
        await startSimulatedRouter({
          name: `${options.namePrefix ?? 'sim'}-${i + 1}`,
          host: options.host,
          // basePort 0: every router on its own ephemeral port (in-process demo fleets, tests).
          port: options.basePort === 0 ? 0 : options.basePort + i,
          username: options.username,
          password: options.password,
          version: options.version,
          tls: options.tls,
          hotspotSessions: options.hotspot,
          pppoeSessions: options.pppoe,
          churnPerMinute: options.churnPerMinute,
          seed: (options.seed ?? 1) * 100_003 + i,
          replyLatencyMs: options.replyLatencyMs,
          preset: options.preset,
        }),
      );
      if (options.mndp) announcers.push(await startMndpAnnouncer(routers.at(-1)!, options.mndp));
    }
  } catch (err) {
    await stop();
    throw err;
  }
  return { routers, stop };
}
