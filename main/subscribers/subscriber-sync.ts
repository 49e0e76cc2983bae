import type { MenuOp, MenuOpResult } from '../routers/io/shard-protocol';
import { ensurePlanOnRouter, routerMenu } from '../plans/plan-sync';
import { RouterRefusedError } from '../provisioning/router-unavailable';
import type { ProvisioningState } from '../plans/contract';
import type { PlanServices } from '../plans/plan-services';
import { accountAttributes, accountChanges, accountMenu, subscriberComment } from './subscriber-account';
import { subscriberSummary } from './subscriber-summary';
import type { SubscriberRecord } from './subscriber-repository';

/** What writing a plan's profile uses: a subscriber's account follows its plan onto the router. */
type Services = Pick<PlanServices, 'business' | 'liveRouters' | 'bus'>;

async function record(services: Services, subscriber: SubscriberRecord, routerId: number, state: ProvisioningState, message: string | null): Promise<void> {
  await services.business.run(async (tx) => {
    const current = await tx.subscribers.get(null, subscriber.id);
    if (!current) return;
    const now = Date.now();
    await tx.provisioning.set(current.tenantId, 'subscriber', current.id, routerId, { state, message, drift: [] }, now);
    const routerName = (await tx.tenants.routerName(routerId)) ?? `#${routerId}`;
    if (state === 'applied' || state === 'failed') {
      await tx.subscribers.addHistory(current.tenantId, current.id, state === 'applied' ? 'provisioned' : 'refused', state === 'applied' ? `written to ${routerName}` : `${routerName} refused: ${message}`, routerId, now);
    }
    // The first time its account is on every router, a new subscriber is active.
    let latest = current;
    if (current.status === 'pending') {
      const states = (await tx.provisioning.statesOf('subscriber', [current.id])).get(current.id) ?? [];
      if (current.routerIds.every((r) => states.some((s) => s.routerId === r && s.state === 'applied'))) latest = await tx.subscribers.update(current.id, { status: 'active' }, now);
    }
    const summary = await subscriberSummary(tx, latest);
    tx.afterCommit(() => services.bus.publish('SubscriberUpdated', summary, current.tenantId));
  });
}

/**
 * Makes the subscriber's hotspot user or PPP secret on one router what the console says it is
 * (desired state: found by its comment, then added, changed or removed; nothing sent when it
 * matches). Its plan's profile goes first. Throws RouterUnavailableError (recorded as pending)
 * or RouterRefusedError (recorded as failed, with the router's words).
 */
export async function syncSubscriberOnRouter(services: Services, subscriberId: number, routerId: number): Promise<ProvisioningState | null> {
  const loaded = await services.business.read(async (tx) => {
    const subscriber = await tx.subscribers.get(null, subscriberId);
    if (!subscriber || !subscriber.routerIds.includes(routerId)) return null;
    return { subscriber, plan: await tx.plans.get(subscriber.tenantId, subscriber.planId), password: await tx.subscribers.password(subscriberId) };
  });
  if (!loaded?.plan) return null;
  const { subscriber, plan, password } = loaded;
  try {
    await ensurePlanOnRouter(services, plan.id, routerId);
    const path = accountMenu(subscriber.kind);
    // By the console's comment; an account imported from the router carries its old comment, so by name.
    const [byComment, byName] = (await routerMenu(services, routerId, [
      { verb: 'print', path, query: [`?comment=${subscriberComment(subscriber.id)}`] },
      { verb: 'print', path, query: [`?name=${subscriber.username}`] },
    ])) as [MenuOpResult, MenuOpResult];
    const existing = (byComment.ok ? byComment.rows[0] : undefined) ?? (byName.ok ? byName.rows[0] : undefined);
    const wanted = accountAttributes(subscriber, password, plan);
    let op: MenuOp | null = null;
    if (!wanted) op = existing ? { verb: 'remove', path, id: existing['.id']! } : null;
    else if (!existing) op = { verb: 'add', path, attrs: wanted };
    else {
      const changes = accountChanges(wanted, existing);
      if (Object.keys(changes).length > 0) op = { verb: 'set', path, id: existing['.id']!, attrs: changes };
    }
    if (op) {
      const [result] = (await routerMenu(services, routerId, [op])) as [MenuOpResult];
      if (!result.ok) throw new RouterRefusedError(result.message);
    }
  } catch (error) {
    await record(services, subscriber, routerId, error instanceof RouterRefusedError ? 'failed' : 'pending', (error as Error).message);
    throw error;
  }
  await record(services, subscriber, routerId, 'applied', null);
  return 'applied';
}

/** Removes a deleted subscriber's account (found by its comment) from a router; gone already is done. */
export async function removeSubscriberFromRouter(services: Services, subscriberId: number, kind: SubscriberRecord['kind'], routerId: number): Promise<void> {
  const path = accountMenu(kind);
  const [found] = (await routerMenu(services, routerId, [{ verb: 'print', path, proplist: ['.id'], query: [`?comment=${subscriberComment(subscriberId)}`] }])) as [MenuOpResult];
  for (const row of found.ok ? found.rows : []) {
    const [removed] = (await routerMenu(services, routerId, [{ verb: 'remove', path, id: row['.id']! }])) as [MenuOpResult];
    if (!removed.ok && removed.category !== 0) throw new RouterRefusedError(removed.message);
  }
  await services.business.run((tx) => tx.provisioning.clear('subscriber', subscriberId, [routerId]));
}
