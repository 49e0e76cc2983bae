import type { RosVersion } from '../types';
import type { Menu, MenuRow } from './menu';
import type { Random } from './random';

/** What menu definitions read from the model: time, version and the other menus. */
export interface ModelContext {
  readonly version: RosVersion;
  readonly clockMs: number;
  /** Wall-clock time of boot, for dates. */
  readonly bootEpochMs: number;
  readonly rand: Random;
  readonly cpuLoad: number;
  readonly freeMemory: number;
  menu(path: string): Menu<any>;
  /**
   * Side effects of a session ending (kick or logout) before its row goes: counters into the
   * user, address released, the dynamic interface removed, the secret's last-* fields set.
   */
  finishSession(path: '/ip/hotspot/active' | '/ppp/active', row: MenuRow<any>, reason: string): void;
  /** Addresses in use from a pool (for `used`/`available`). */
  poolUsage(pool: string): number;
}
