import type { Fleet, FleetOptions } from './types';

export async function startFleet(_options: FleetOptions): Promise<Fleet> {
  throw new Error('simulator: startFleet is being written; retry after the next commit');
}
