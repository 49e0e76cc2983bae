import type { MenuOpResult } from '../routers/io/shard-protocol';
import type { PlanKind } from '../plans/contract';
import type { PlanServices } from '../plans/plan-services';
import { routerMenu } from '../plans/plan-sync';
import { RouterRefusedError } from './router-unavailable';

type Services = Pick<PlanServices, 'business' | 'liveRouters'>;

/** Where a login's live sessions are, and the field that names the login there. */
const ACTIVE = { hotspot: { path: '/ip/hotspot/active', field: 'user' }, pppoe: { path: '/ppp/active', field: 'name' } } as const;

/**
 * Ends every live session of a login on one router (RouterOS applies a changed profile, a disable
 * or a removal only to new sessions). A session already gone counts as ended; none at all is
 * fine. Returns how many were ended. Throws RouterUnavailableError when the router is down.
 */
export async function endSessionsOf(services: Services, routerId: number, kind: PlanKind, login: string): Promise<number> {
  const { path, field } = ACTIVE[kind];
  const [found] = (await routerMenu(services, routerId, [{ verb: 'print', path, proplist: ['.id'], query: [`?${field}=${login}`] }])) as [MenuOpResult];
  if (!found.ok) throw new RouterRefusedError(found.message);
  if (found.rows.length === 0) return 0;
  const results = await routerMenu(
    services,
    routerId,
    found.rows.map((row) => ({ verb: 'remove' as const, path, id: row['.id']! })),
  );
  // "no such item": the session ended on its own between the print and the remove.
  const refused = results.find((r): r is Extract<MenuOpResult, { ok: false }> => !r.ok && !/no such item/i.test(r.message));
  if (refused) throw new RouterRefusedError(refused.message);
  return results.filter((r) => r.ok).length;
}
