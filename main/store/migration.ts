import type { Db } from './database';

/** One schema change. `id` orders migrations across all domains and never changes once shipped. */
export interface Migration {
  id: number;
  name: string;
  up(db: Db): void;
}
