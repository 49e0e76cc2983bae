import type { AccessChange, SubscriberRouterStatus } from '../../../../main/subscribers/contract';

/** What the change is, in the words of the person watching the page. */
export const ACCESS_CHANGE_HEADLINES: Record<AccessChange, string> = {
  reconnect: 'Reconnecting after payment',
  expire: 'Expiring',
};

/** Every router is in line; the change clears with the subscriber's next update. */
export const ACCESS_FINISHING = 'finishing on its routers';

export interface AccessStep {
  routerId: number;
  text: string;
  failed: boolean;
}

/**
 * Where a change of access stands on each router that has not caught up: a pending (or removing)
 * router is waited for (one that is down stays pending until it returns), a failed one says why
 * in the router's own words. Routers already in line are left out.
 */
export function accessSteps(change: AccessChange, routers: readonly SubscriberRouterStatus[], routerName: (routerId: number) => string): AccessStep[] {
  const steps: AccessStep[] = [];
  for (const r of routers) {
    const name = routerName(r.routerId);
    if (r.state === 'failed') steps.push({ routerId: r.routerId, text: `router ${name}: ${r.message ?? 'failed without saying why'}`, failed: true });
    // `removing` is the expiry that deletes the account; `pending` and `drift` wait for the router's answer.
    else if (r.state !== 'applied') steps.push({ routerId: r.routerId, text: change === 'expire' || r.state === 'removing' ? `removing from router ${name}` : `waiting for router ${name}`, failed: false });
  }
  return steps;
}
