import { parseRanges } from './menus-ppp';

/** Hands out addresses from `/ip/pool` ranges so sessions get distinct addresses and pools show usage. */
interface PoolState {
  rangesText: string;
  ranges: Array<[number, number]>;
  total: number;
  used: Set<number>;
  cursor: number;
}

export class AddressPools {
  private pools = new Map<string, PoolState>();

  allocate(pool: string, rangesText: string): number | undefined {
    const state = this.state(pool, rangesText);
    if (!state) return undefined;
    for (let tries = 0; tries < state.total; tries++) {
      const ip = this.ipAt(state, state.cursor % state.total);
      state.cursor = (state.cursor + 1) % state.total;
      if (!state.used.has(ip)) {
        state.used.add(ip);
        return ip;
      }
    }
    return undefined;
  }

  release(pool: string | undefined, address: number | undefined): void {
    if (pool === undefined || address === undefined) return;
    this.pools.get(pool)?.used.delete(address);
  }

  usage(pool: string): number {
    return this.pools.get(pool)?.used.size ?? 0;
  }

  clear(): void {
    this.pools.clear();
  }

  private state(pool: string, rangesText: string): PoolState | undefined {
    let state = this.pools.get(pool);
    if (state && state.rangesText === rangesText) return state;
    const ranges = parseRanges(rangesText);
    if (!ranges) return undefined;
    const total = ranges.reduce((n, [a, b]) => n + (b - a + 1), 0);
    state = { rangesText, ranges, total, used: state?.used ?? new Set(), cursor: 0 };
    this.pools.set(pool, state);
    return state;
  }

  private ipAt(state: PoolState, offset: number): number {
    let rest = offset;
    for (const [a, b] of state.ranges) {
      const size = b - a + 1;
      if (rest < size) return a + rest;
      rest -= size;
    }
    return state.ranges[0]![0];
  }
}
