import type { MessagePort } from 'node:worker_threads';
import type { ShardConnectionOptions } from '../main/routers/io/shard-protocol';
import { RouterShard } from './router-shard/router-shard';

/**
 * Piscina task: one shard of router connections, alive until the main thread sends `stop`.
 * See main/routers/io/router-io.ts for the other side.
 */
export default async function runRouterShard({ port, connection }: { port: MessagePort; connection: ShardConnectionOptions }): Promise<void> {
  await new RouterShard(port, connection).done;
}
