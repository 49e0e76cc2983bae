import type { SimulatedRouter, SimulatedRouterOptions } from './types';

export async function startSimulatedRouter(_options: SimulatedRouterOptions = {}): Promise<SimulatedRouter> {
  throw new Error('simulator: startSimulatedRouter is being written; retry after the next commit');
}
