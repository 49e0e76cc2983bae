/** Seeded random source (mulberry32): the same seed gives the same fleet, sessions and churn. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }

  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(minInclusive: number, maxInclusive: number): number {
    return minInclusive + Math.floor(this.next() * (maxInclusive - minInclusive + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  mac(prefix = 'AA'): string {
    const bytes = [prefix];
    for (let i = 0; i < 5; i++) bytes.push(this.int(0, 255).toString(16).toUpperCase().padStart(2, '0'));
    return bytes.join(':');
  }
}
