import { formatDate } from '../values';
import type { Menu } from './menu';
import type { ModelContext } from './model-context';

/** Lines RouterOS keeps in memory by default (`/system/logging/action` memory-lines). */
export const LOG_LINES = 1000;

/**
 * The router's memory log behind `/log`: the model writes a line on its own events (logins,
 * link up/down, changes made over the API) and the oldest lines fall off, as on a router.
 */
export class RouterLog {
  constructor(
    private readonly m: ModelContext,
    private readonly menu: () => Menu<unknown>,
  ) {}

  write(topics: string, message: string): void {
    const menu = this.menu();
    menu.insert({ time: formatDate(this.m.bootEpochMs + this.m.clockMs, this.m.version), topics, message }, undefined);
    // A line falling off the ring is not a removal a `listen` reports (see menu-commands).
    while (menu.size > LOG_LINES) menu.delete(menu.all().next().value!.id);
  }

  /** "ip address added by api": the menu path as the log words it. */
  change(path: string, verb: 'added' | 'changed' | 'removed'): void {
    this.write('system,info', `${path.slice(1).split('/').join(' ')} ${verb} by api`);
  }
}
