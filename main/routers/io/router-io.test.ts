import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../core/logger';
import { RouterIo } from './router-io';
import type { RouterEndpoint, ShardEvent } from './shard-protocol';

const endpoint: RouterEndpoint = { id: 1, name: 'hq-1', host: '127.0.0.1', port: 1, tls: { mode: 'off', ca: '', pinned: null }, username: 'api', password: 'pw', encoding: 'utf-8' };

let io: RouterIo | undefined;
afterEach(async () => {
  await io?.stop();
  io = undefined;
});

/** A RouterIo over real worker threads running the crashing test shard; events and logs recorded. */
function crashingIo() {
  const events: ShardEvent[] = [];
  const logs: Array<Record<string, unknown>> = [];
  const onlineWaiters: Array<() => void> = [];
  const instance = new RouterIo({
    shards: 1,
    memoryMb: 64,
    worker: { file: fileURLToPath(new URL('./crashing-shard.test-worker.ts', import.meta.url)), execArgv: ['--import', 'tsx'] },
    log: createLogger((line) => logs.push(JSON.parse(line) as Record<string, unknown>), 'debug'),
    onEvent: (event) => {
      events.push(event);
      // Every (re)started worker reports its router online: that is how a test waits for a restart.
      if (event.type === 'status' && event.state === 'online') onlineWaiters.splice(0).forEach((resolve) => resolve());
    },
    requestTimeoutMs: 120_000,
    restartBackoff: { initialMs: 50, maxMs: 1_000, factor: 2, jitter: 0 },
  });
  const onlineAgain = () => new Promise<void>((resolve) => onlineWaiters.push(resolve));
  return { instance, events, logs, onlineAgain };
}

describe('RouterIo: a shard whose worker dies', () => {
  it('fails the requests it held at once, refuses new ones while down, and starts again with growing delays', async () => {
    const { instance, events, logs, onlineAgain } = crashingIo();
    io = instance;
    let online = onlineAgain();
    io.watch(endpoint);
    await online;

    online = onlineAgain();
    // Answered by the crash itself, long before the two-minute request timeout.
    await expect(io.kick(1, 'hotspot', '*1')).rejects.toThrow(/stopped before it answered/);
    await expect(io.kick(1, 'hotspot', '*2')).rejects.toThrow(/restarting; try again/);
    expect(events).toContainEqual({ type: 'status', routerId: 1, state: 'connecting', error: 'the connection worker restarted; reconnecting in 1 s' });
    await online; // started again, and told to watch its router again
    expect(io.restarts).toBe(1);

    online = onlineAgain();
    await expect(io.kick(1, 'pppoe', '*3')).rejects.toThrow(/stopped before it answered/);
    await online;
    expect(io.restarts).toBe(2);
    const restarts = logs.filter((l) => l.msg === 'router shard stopped; starting it again');
    expect(restarts.map((l) => [l.crashesInARow, l.restartInMs])).toEqual([
      [1, 50],
      [2, 100],
    ]);
  });
});
