import type { MessagePort } from 'node:worker_threads';
import { RouterShard } from './router-shard/router-shard';

/**
 * Piscina task: one shard of router connections, alive until the main thread sends `stop`.
 * See main/routers/io/router-io.ts for the other side.
 */
export default async function runRouterShard({ port }: { port: MessagePort }): Promise<void> {
  await new RouterShard(port).done;
}
