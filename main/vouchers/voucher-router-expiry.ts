import type { BusinessTx } from '../business/business-tx';
import { routerMenu } from '../plans/plan-sync';
import { RouterRefusedError, RouterUnavailableError } from '../provisioning/router-unavailable';
import { endSessionsOf } from '../provisioning/session-kick';
import { parseBoolean } from '../routers/client/values';
import type { MenuOp } from '../routers/io/shard-protocol';
import { publishBatches } from './batch-updates';
import { HOTSPOT_USERS } from './voucher-push';
import type { RouterExpiryItem, RouterExpiryOutcome } from './voucher-repository';
import type { VoucherServices } from './voucher-services';

type Services = Pick<VoucherServices, 'business' | 'liveRouters' | 'bus' | 'log'>;

/** The unique key of a router's expiry job: one queued or running at a time. */
export const routerExpiryKey = (routerId: number): string => `vouchers.expire-on-router:${routerId}`;

/** A refused expiry is tried again this much later: the plan or the router may have been fixed meanwhile. */
export const REFUSED_RETRY_MS = 15 * 60_000;
/** Vouchers per round (one pipelined print, one pipelined set of changes, one sessions list), recorded after each. */
const CHUNK = 500;
/** Logins whose sessions are ended at once (each is a print and a remove on the router). */
const KICK_LANES = 16;
const HOTSPOT_ACTIVE = '/ip/hotspot/active';
/** The item went between the print and the change (removed by hand): nothing is left to do. */
const NO_SUCH_ITEM = /no such item/i;

/** What a router's expiry run did, in counts (a job result: no codes). */
export interface RouterExpiryResult {
  routerId: number;
  /** Users disabled, removed or moved now. */
  changed: number;
  /** Users that were so already (an earlier run got that far). */
  unchanged: number;
  /** Users the router does not have (removed by hand, never pushed): nothing to change. */
  absent: number;
  sessionsEnded: number;
  refused: number;
  /** The router could not be reached: the rest waits for it to come back online. */
  waiting: boolean;
}

/**
 * Queues the expiry job of each router that has spent vouchers due (only `routerId` when given)
 * and is online; the vouchers of the other routers say that they wait for it, and the router
 * coming online queues the job (voucher-listeners.ts). Resolves with how many jobs were queued.
 */
export async function queueRouterExpiries(tx: BusinessTx, services: Pick<VoucherServices, 'bus' | 'routerStatus'>, now: number, routerId?: number): Promise<number> {
  let queued = 0;
  const waiting: number[] = [];
  for (const due of await tx.vouchers.routersWithExpiryDue(now, routerId)) {
    const { state } = services.routerStatus.get(due.routerId);
    if (state === 'online' || state === 'degraded') {
      const { deduplicated } = await tx.jobs.enqueue('vouchers.expire-on-router', { routerId: due.routerId }, { tenantId: due.tenantId, uniqueKey: routerExpiryKey(due.routerId) });
      if (!deduplicated) queued += 1;
    } else {
      const name = (await tx.tenants.routerName(due.routerId)) ?? `#${due.routerId}`;
      waiting.push(...(await tx.vouchers.routerExpiryWaiting(due.routerId, new RouterUnavailableError(name, `it is ${state}`).message, now)));
    }
  }
  await publishBatches(tx, services.bus, waiting);
  return queued;
}

/** The change that gives the user its plan's expiry behaviour, null when it has it already. */
function expiryOp(item: RouterExpiryItem, user: Record<string, string>): MenuOp | null {
  const id = user['.id']!;
  switch (item.expiry) {
    case 'remove':
      return { verb: 'remove', path: HOTSPOT_USERS, id };
    case 'move':
      return user.profile === item.expiredProfile ? null : { verb: 'set', path: HOTSPOT_USERS, id, attrs: { profile: item.expiredProfile! } };
    case 'disable':
      return parseBoolean(user.disabled) === true ? null : { verb: 'set', path: HOTSPOT_USERS, id, attrs: { disabled: 'yes' } };
  }
}

const whatExpiryDoes = (item: RouterExpiryItem): string => (item.expiry === 'move' ? `move the voucher's user to profile '${item.expiredProfile}'` : `${item.expiry} the voucher's user`);

type Tally = Omit<RouterExpiryResult, 'routerId' | 'waiting'>;

/**
 * One round on a router: finds the vouchers' users by name, sends only the changes they lack, then
 * ends the live sessions of those done (after the change, so a quick re-login cannot slip in with
 * the old rights). Throws RouterUnavailableError when the router goes away mid-way: nothing of the
 * round is recorded, and the next run finds what it changed already (desired state).
 */
async function expireChunk(services: Services, routerId: number, routerName: string, due: RouterExpiryItem[], tally: Tally): Promise<RouterExpiryOutcome[]> {
  const refusals = new Map<number, string>();
  const refuse = (item: RouterExpiryItem, what: string, words: string) =>
    refusals.set(item.voucherId, `router '${routerName}' ${what}: ${words}; fix the plan or the router (tried again in ${REFUSED_RETRY_MS / 60_000} minutes)`);
  const listed = await routerMenu(
    services,
    routerId,
    due.map((item) => ({ verb: 'print', path: HOTSPOT_USERS, proplist: ['.id', 'name', 'disabled', 'profile'], query: [`?name=${item.code}`] })),
  );
  const changes: Array<{ item: RouterExpiryItem; op: MenuOp }> = [];
  due.forEach((item, i) => {
    const found = listed[i]!;
    const user = found.ok ? found.rows.find((row) => row.name === item.code) : undefined;
    if (!found.ok) refuse(item, 'would not list its hotspot users', found.message);
    else if (item.expiry === 'move' && !item.expiredProfile) refusals.set(item.voucherId, `the voucher's plan moves expired users but names no expired profile: name one in the plan`);
    else if (!user) tally.absent += 1;
    else {
      const op = expiryOp(item, user);
      if (op) changes.push({ item, op });
      else tally.unchanged += 1;
    }
  });
  if (changes.length > 0) {
    const results = await routerMenu(services, routerId, changes.map((c) => c.op));
    results.forEach((result, i) => {
      const { item } = changes[i]!;
      if (result.ok) tally.changed += 1;
      else if (NO_SUCH_ITEM.test(result.message)) tally.absent += 1;
      else refuse(item, `refused to ${whatExpiryDoes(item)}`, result.message);
    });
  }
  tally.sessionsEnded += await endSessions(services, routerId, due.filter((item) => !refusals.has(item.voucherId)), refuse);
  return due.map((item) => {
    const message = refusals.get(item.voucherId);
    return message === undefined ? { voucherId: item.voucherId, done: true } : { voucherId: item.voucherId, done: false, message };
  });
}

/** Ends the sessions of those of `items` that are online (one list of the router's sessions finds them). */
async function endSessions(services: Services, routerId: number, items: RouterExpiryItem[], refuse: (item: RouterExpiryItem, what: string, words: string) => void): Promise<number> {
  if (items.length === 0) return 0;
  const [active] = await routerMenu(services, routerId, [{ verb: 'print', path: HOTSPOT_ACTIVE, proplist: ['user'] }]);
  if (!active!.ok) {
    for (const item of items) refuse(item, 'would not list its hotspot sessions', active!.message);
    return 0;
  }
  const online = new Set(active!.rows.map((row) => row.user));
  const queue = items.filter((item) => online.has(item.code));
  let ended = 0;
  let stopped = false;
  const lane = async () => {
    for (let item = queue.shift(); item && !stopped; item = queue.shift()) {
      try {
        ended += await endSessionsOf(services, routerId, 'hotspot', item.code);
      } catch (error) {
        if (!(error instanceof RouterRefusedError)) {
          stopped = true;
          throw error;
        }
        refuse(item, "would not end the voucher's session", error.message);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(KICK_LANES, queue.length) }, lane));
  return ended;
}

/**
 * Applies their plan's expiry behaviour (disable, remove, or move to the expired profile) to the
 * hotspot users of a router's spent vouchers and ends their sessions, in rounds of `chunk`, each
 * recorded when done: a crash or a drop resumes after the last recorded round. What the router
 * refuses keeps its words and is tried again after REFUSED_RETRY_MS; a router that goes offline
 * leaves the rest waiting (the router coming online queues this again). Callers hold the
 * router's lock (withRouterLock): a push must not interleave.
 */
export async function expireOnRouter(services: Services, routerId: number, options: { signal?: AbortSignal; chunk?: number } = {}): Promise<RouterExpiryResult> {
  const result: RouterExpiryResult = { routerId, changed: 0, unchanged: 0, absent: 0, sessionsEnded: 0, refused: 0, waiting: false };
  const routerName = (await services.business.read((tx) => tx.tenants.routerName(routerId))) ?? `#${routerId}`;
  // Due as of the start: a refusal recorded by this run is not tried again by it.
  const now = Date.now();
  let after = 0;
  for (;;) {
    options.signal?.throwIfAborted();
    const due = await services.business.read((tx) => tx.vouchers.routerExpiryDue(routerId, now, after, options.chunk ?? CHUNK));
    if (due.length === 0) return result;
    after = due.at(-1)!.voucherId;
    const tally: Tally = { changed: 0, unchanged: 0, absent: 0, sessionsEnded: 0, refused: 0 };
    let outcomes: RouterExpiryOutcome[];
    try {
      outcomes = await expireChunk(services, routerId, routerName, due, tally);
    } catch (error) {
      if (!(error instanceof RouterUnavailableError)) throw error;
      await services.business.run(async (tx) => publishBatches(tx, services.bus, await tx.vouchers.routerExpiryWaiting(routerId, error.message, Date.now())));
      return { ...result, waiting: true };
    }
    const refused = outcomes.filter((o): o is Extract<RouterExpiryOutcome, { done: false }> => !o.done);
    tally.refused = refused.length;
    await services.business.run(async (tx) => {
      const at = Date.now();
      await publishBatches(tx, services.bus, await tx.vouchers.settleRouterExpiry(routerId, outcomes, at + REFUSED_RETRY_MS, at));
    });
    for (const key of Object.keys(tally) as Array<keyof Tally>) result[key] += tally[key];
    if (refused.length > 0) services.log.warn('a router refused the expiry of spent vouchers', { routerId, tenantId: due[0]!.tenantId, refused: refused.length, message: refused[0]!.message });
  }
}
