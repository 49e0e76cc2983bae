import type { z } from 'zod';

/**
 * The console's settings as a unit of work hands them out (the storage seam): one validated value
 * per key, each domain under its own key (auth, backup, retention, a tenant's). A stored value that
 * no longer fits its schema (an older version, a hand edit) reads as absent, so the caller's
 * defaults apply instead of the feature stopping.
 */
export interface SettingsStore {
  read<S extends z.ZodType>(key: string, schema: S): Promise<z.output<S> | null>;
  /** Validates `value` with `schema` (a bad value throws and stores nothing) and stores it under `key`. */
  write<S extends z.ZodType>(key: string, schema: S, value: z.input<S>, now: number): Promise<z.output<S>>;
}
