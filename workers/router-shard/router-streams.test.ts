import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../main/core/logger';
import { RouterConnection } from '../../main/routers/client/router-connection';
import type { RouterLogLine, ShardEvent } from '../../main/routers/io/shard-protocol';
import { startSimulatedRouter, type SimulatedRouter } from '../../main/routers/simulator';
import { RouterStreams } from './router-streams';

let sim: SimulatedRouter;
let conn: RouterConnection;
let streams: RouterStreams;
afterEach(async () => {
  streams.stop();
  await conn.stop();
  await sim.stop();
});

/** Resolves with the first log line that `emit` passes on matching `message`. */
function lineOut(message: string): { emit: (event: ShardEvent) => void; seen: Promise<RouterLogLine> } {
  let found!: (line: RouterLogLine) => void;
  const seen = new Promise<RouterLogLine>((resolve) => (found = resolve));
  const emit = (event: ShardEvent) => {
    const line = event.type === 'router-log' ? event.lines.find((l) => l.message === message) : undefined;
    if (line) found(line);
  };
  return { emit, seen };
}

describe('router page streams: the log', () => {
  it('loses no line the router writes while the stream opens (after its print, before a listen sent behind it)', async () => {
    sim = await startSimulatedRouter({ clock: 'manual', hotspotSessions: 0, pppoeSessions: 0 });
    const print = sim.model.print.bind(sim.model);
    sim.model.print = (path) => {
      const rows = print(path);
      if (path === '/log') sim.model.log('system,info', 'written as the log was printed');
      return rows;
    };
    conn = new RouterConnection({ name: 'page-1', host: sim.host, port: sim.port, username: sim.username, password: sim.password }, { callTimeoutMs: 2_000 });
    const { emit, seen } = lineOut('written as the log was printed');
    streams = new RouterStreams(conn, 1, emit, silentLogger);
    streams.set({ traffic: false, log: true });
    conn.start();
    expect(await seen).toMatchObject({ topics: 'system,info', id: expect.stringMatching(/^\*/) });
  });

  it('passes on what the listen hears when the router refuses the print (no backlog, no lines held back)', async () => {
    sim = await startSimulatedRouter({ clock: 'manual', hotspotSessions: 0, pppoeSessions: 0 });
    sim.faults.trapOn('/log/print', 'no such command prefix', 0, { times: 1 });
    conn = new RouterConnection({ name: 'page-2', host: sim.host, port: sim.port, username: sim.username, password: sim.password }, { callTimeoutMs: 2_000 });
    const { emit, seen } = lineOut('written after a refused print');
    const refused = new Promise<void>((resolve) => {
      streams = new RouterStreams(conn, 2, emit, { ...silentLogger, warn: () => resolve() });
    });
    streams.set({ traffic: false, log: true });
    conn.start();
    await refused;
    sim.model.log('system,info', 'written after a refused print');
    expect(await seen).toMatchObject({ topics: 'system,info' });
  });
});
