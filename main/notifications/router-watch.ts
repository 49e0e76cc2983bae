import type { RouterLiveStatus } from '../routers/contract';
import type { NotificationServices } from './notification-services';
import { addToWindow, raiseStaffNotificationNow } from './raise-staff-notification';
import { RuleCache } from './rule-cache';
import { routerCpuHigh, routerDown, routerLoginRefused, routerBack } from './staff-notices';

type Services = Pick<NotificationServices, 'business' | 'bus' | 'routerStatus'>;
type Condition = 'up' | 'down' | 'refused';

/** What a status means for staff rules; null for in-between states (connecting, unknown) that change nothing. */
function conditionOf(status: RouterLiveStatus): Condition | null {
  if (status.state === 'online' || status.state === 'degraded') return 'up';
  if (status.state === 'offline') return 'down';
  if (status.state === 'auth-failed') return 'refused';
  return null;
}

/**
 * Turns routers' live status (RouterStatusChanged, which also fires on every resource poll)
 * into staff notices, one per state change:
 * - down: an outage begins (kept in the store, so it survives a restart) and a
 *   `notifications.router-down-check` job is due when it has lasted the rule's N seconds; if the
 *   router is still down then, staff are told;
 * - refused login: told at once (this also counts as the outage's "down");
 * - up: "back" for an outage staff were told about; a blip shorter than N s says nothing;
 * - CPU over the rule's percent for its minutes: told once per stretch (kept in memory: after a
 *   restart the stretch starts again).
 * Router state changes go through the tenant's grouping window (raise-staff-notification.ts).
 */
export class RouterWatch {
  private readonly last = new Map<number, Condition>();
  private readonly cpu = new Map<number, { since: number; told: boolean }>();

  constructor(
    private readonly services: Services,
    /** The tenants' rules, read once (resource polls are frequent); the listeners share theirs. */
    private readonly rules = new RuleCache(services.business),
  ) {}

  async observe(tenantId: number, routerId: number, status: RouterLiveStatus, now = Date.now()): Promise<void> {
    await this.observeCpu(tenantId, routerId, status, now);
    const condition = conditionOf(status);
    const previous = this.last.get(routerId);
    if (condition === null || condition === previous) return;
    this.last.set(routerId, condition);
    await this.services.business.run(async (tx) => {
      const name = await tx.tenants.routerName(routerId);
      if (name === null) return;
      const router = { tenantId, routerId, name };
      const episode = await tx.notifications.alerts.episode(routerId);
      if (condition === 'up') {
        if (!episode) return;
        await tx.notifications.alerts.endEpisode(routerId);
        if (episode.notified) await addToWindow(tx, routerBack({ ...router, downSince: episode.downSince, at: now }), now);
        return;
      }
      if (episode) {
        // An outage that goes on (down → refused, or seen again after a restart): only a new refusal is news.
        if (condition === 'refused' && previous === 'down' && !episode.notified) {
          await tx.notifications.alerts.markNotified(routerId);
          await addToWindow(tx, routerLoginRefused({ ...router, at: now, error: status.lastError }), now);
        }
        return;
      }
      await tx.notifications.alerts.startEpisode(tenantId, routerId, now);
      if (condition === 'refused') {
        // The refusal is the outage's message; "back" follows when the login works again.
        await tx.notifications.alerts.markNotified(routerId);
        await addToWindow(tx, routerLoginRefused({ ...router, at: now, error: status.lastError }), now);
        return;
      }
      const { settings } = await tx.notifications.settings.get(tenantId);
      const after = settings.rules['router-down'].afterSeconds ?? 120;
      await tx.jobs.enqueue('notifications.router-down-check', { routerId, since: now }, { tenantId, runAt: new Date(now + after * 1000), uniqueKey: `router-down:${routerId}:${now}` });
    });
  }

  private async observeCpu(tenantId: number, routerId: number, status: RouterLiveStatus, now: number): Promise<void> {
    const rule = await this.rules.rule(tenantId, 'router-cpu-high');
    const percent = rule.percent ?? 90;
    const load = status.cpuLoad;
    if (!rule.enabled || status.state !== 'online' || load === null || load <= percent) {
      this.cpu.delete(routerId);
      return;
    }
    let stretch = this.cpu.get(routerId);
    if (!stretch) this.cpu.set(routerId, (stretch = { since: now, told: false }));
    if (stretch.told || now - stretch.since < (rule.minutes ?? 5) * 60_000) return;
    stretch.told = true;
    const name = (await this.services.business.read((tx) => tx.tenants.routerName(routerId))) ?? `#${routerId}`;
    await raiseStaffNotificationNow(this.services, routerCpuHigh({ tenantId, routerId, name, since: stretch.since, at: now, cpuLoad: load, percent }), now);
  }
}

/**
 * The `notifications.router-down-check` job: the outage that began at `since` has lasted the
 * rule's N seconds. If it goes on (and the router is not back on the live board), staff are told;
 * a replay, or an outage that ended or began anew, tells nothing.
 */
export async function checkRouterDown(services: Services, routerId: number, since: number, now = Date.now()): Promise<boolean> {
  return services.business.run(async (tx) => {
    const episode = await tx.notifications.alerts.episode(routerId);
    if (!episode || episode.downSince !== since || episode.notified) return false;
    const name = await tx.tenants.routerName(routerId);
    const live = services.routerStatus.get(routerId);
    if (name === null || conditionOf(live) === 'up') {
      await tx.notifications.alerts.endEpisode(routerId);
      return false;
    }
    await tx.notifications.alerts.markNotified(routerId);
    const tenant = await tx.tenants.settings(episode.tenantId);
    await addToWindow(tx, routerDown({ tenantId: episode.tenantId, routerId, name, since, lastError: live.lastError }, tenant), now);
    return true;
  });
}
