import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { afterEach, describe, expect, it } from 'vitest';

interface Reply {
  type: 'fault' | 'pong';
  routerId?: number | null;
  kind?: string;
  message?: string;
}

let pool: Piscina | undefined;
afterEach(async () => {
  await pool?.destroy();
  pool = undefined;
});

describe('the router shard safety net (a real piscina worker thread)', () => {
  it('catches uncaught exceptions and unhandled rejections, names their router, and keeps the task running', async () => {
    pool = new Piscina({ filename: fileURLToPath(new URL('./fault-net.test-worker.ts', import.meta.url)), execArgv: ['--import', 'tsx'], maxThreads: 1 });
    const { port1, port2 } = new MessageChannel();
    const task = pool.run({ port: port2 }, { transferList: [port2] });
    const faults: Reply[] = [];
    const threeFaults = new Promise<void>((resolve) =>
      port1.on('message', (reply: Reply) => {
        if (reply.type === 'fault') faults.push(reply);
        if (faults.length === 3) resolve();
      }),
    );
    port1.postMessage('faults');
    await threeFaults;
    expect(faults.sort((a, b) => String(a.message).localeCompare(String(b.message)))).toEqual([
      { type: 'fault', routerId: 8, kind: 'unhandled-rejection', message: 'cancel rejected' },
      { type: 'fault', routerId: null, kind: 'uncaught-exception', message: 'outside any router' },
      { type: 'fault', routerId: 7, kind: 'uncaught-exception', message: 'socket handler threw' },
    ]);
    const pong = once(port1, 'message');
    port1.postMessage('ping');
    expect((await pong)[0]).toEqual({ type: 'pong' });
    port1.postMessage('stop');
    await expect(task).resolves.toBe('stopped');
    port1.close();
  });
});
