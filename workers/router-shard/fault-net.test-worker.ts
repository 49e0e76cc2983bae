import type { MessagePort } from 'node:worker_threads';
import { asRouter, installFaultNet } from './fault-net';

/**
 * Piscina task for fault-net.test.ts, shaped like the router shard: a long-lived task on a real
 * worker thread that installs the net, lets faults escape from two routers' work and from outside
 * any router, and keeps answering pings until told to stop.
 */
export default async function faultyShard({ port }: { port: MessagePort }): Promise<string> {
  installFaultNet(({ routerId, kind, error }) => port.postMessage({ type: 'fault', routerId, kind, message: (error as Error).message }));
  return new Promise((resolve) => {
    port.on('message', (message: string) => {
      if (message === 'ping') port.postMessage({ type: 'pong' });
      if (message === 'stop') resolve('stopped');
      if (message !== 'faults') return;
      asRouter(7, () =>
        setTimeout(() => {
          throw new Error('socket handler threw');
        }, 1),
      );
      asRouter(8, () => void new Promise((_, reject) => setTimeout(() => reject(new Error('cancel rejected')), 2)));
      setTimeout(() => {
        throw new Error('outside any router');
      }, 3);
    });
  });
}
