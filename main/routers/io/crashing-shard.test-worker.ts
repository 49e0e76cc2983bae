import type { MessagePort } from 'node:worker_threads';
import type { ShardCommand, ShardEvent } from './shard-protocol';

/**
 * Piscina task for router-io.test.ts: a shard whose worker dies on any kick (an uncaught
 * exception with no safety net), the way a defect or an out-of-memory kill ends a real shard.
 */
export default async function crashingShard({ port }: { port: MessagePort }): Promise<void> {
  const emit = (event: ShardEvent) => port.postMessage(event);
  emit({ type: 'ready' });
  await new Promise<void>((resolve) => {
    port.on('message', (command: ShardCommand) => {
      if (command.type === 'watch') emit({ type: 'status', routerId: command.router.id, state: 'online', error: null });
      if (command.type === 'kick') {
        setImmediate(() => {
          throw new Error('shard defect');
        });
      }
      if (command.type === 'stop') resolve();
    });
  });
}
