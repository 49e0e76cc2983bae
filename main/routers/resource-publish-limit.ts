/** Resource refreshes of one tenant's routers published per second, at most (state changes are not counted). */
export const RESOURCE_PUBLISHES_PER_SECOND = 15;

interface TenantSlots {
  tokens: number;
  at: number;
  /** Routers whose newer figures wait for a slot, oldest first. */
  waiting: Set<number>;
  timer: NodeJS.Timeout | undefined;
}

/**
 * Keeps a tenant's routers channel within what a console can follow: every router's CPU and
 * memory are read every 30 s, which at 1,000 routers is 33 RouterStatusChanged a second on one
 * channel (and as many runs of every listener). Refreshes beyond `perSecond` a second wait,
 * newest figures per router, for the next free slot, so a big fleet's figures are shown a little
 * less often instead of flooding every console; a router going down or up is never held (those
 * are not offered here).
 */
export class ResourcePublishLimit {
  private readonly tenants = new Map<number, TenantSlots>();

  constructor(
    private readonly publish: (tenantId: number, routerId: number) => void,
    private readonly perSecond = RESOURCE_PUBLISHES_PER_SECOND,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** A router's resource figures changed: published now if a slot is free, else when one is. */
  offer(tenantId: number, routerId: number): void {
    const slots = this.slots(tenantId);
    this.refill(slots);
    if (slots.waiting.size === 0 && slots.tokens >= 1) {
      slots.tokens -= 1;
      this.publish(tenantId, routerId);
      return;
    }
    slots.waiting.add(routerId);
    this.schedule(tenantId, slots);
  }

  /** The router's whole status just went out (a state change, a removal): nothing of it waits any more. */
  published(tenantId: number, routerId: number): void {
    this.tenants.get(tenantId)?.waiting.delete(routerId);
  }

  stop(): void {
    for (const slots of this.tenants.values()) clearTimeout(slots.timer);
    this.tenants.clear();
  }

  private slots(tenantId: number): TenantSlots {
    let slots = this.tenants.get(tenantId);
    if (!slots) this.tenants.set(tenantId, (slots = { tokens: this.perSecond, at: this.now(), waiting: new Set(), timer: undefined }));
    return slots;
  }

  private refill(slots: TenantSlots): void {
    const now = this.now();
    slots.tokens = Math.min(this.perSecond, slots.tokens + ((now - slots.at) / 1000) * this.perSecond);
    slots.at = now;
  }

  private schedule(tenantId: number, slots: TenantSlots): void {
    if (slots.timer !== undefined) return;
    const waitMs = Math.max(0, ((1 - slots.tokens) / this.perSecond) * 1000);
    slots.timer = setTimeout(() => {
      slots.timer = undefined;
      this.refill(slots);
      for (const routerId of slots.waiting) {
        if (slots.tokens < 1) break;
        slots.tokens -= 1;
        slots.waiting.delete(routerId);
        this.publish(tenantId, routerId);
      }
      if (slots.waiting.size > 0) this.schedule(tenantId, slots);
    }, waitMs);
  }
}
