import { useEffect } from 'react';
import type { DashboardUpdate } from '../../../../main/dashboard/contract';
import { api } from '../../bridge/api';
import { routerHref } from '../../components/router-link';
import { sessionSelectors, useSessionStore } from '../../stores/session-store';
import { beep, notifyDesktop } from './alert-signal';
import { useAlertPreferences } from './alert-preferences';
import { newDownAlerts, type SeenDown } from './new-down-alerts';

/**
 * Rings and notifies when a router goes down, whatever view is open: it follows the signed-in
 * user's dashboard channel (a system admin's: all tenants) for its pushed figures only, with no
 * snapshot of its own, since the first figures are just the baseline. Renders nothing.
 */
export function AlertWatcher() {
  const user = useSessionStore(sessionSelectors.user);
  const channel = !user ? null : user.role === 'system_admin' ? 'system.dashboard' : user.tenantId === null ? null : `tenant.${user.tenantId}.dashboard`;

  useEffect(() => {
    if (channel === null) return undefined;
    let seen: SeenDown = null;
    return api.subscribe(channel, (message) => {
      if (message.kind !== 'event' || message.name !== 'DashboardStatsUpdated') return;
      const step = newDownAlerts(seen, (message.payload as DashboardUpdate).stats.alerts);
      seen = step.seen;
      if (step.fresh.length === 0) return;
      const { sound, desktop } = useAlertPreferences.getState();
      if (sound) beep();
      if (desktop) {
        const isAdmin = channel === 'system.dashboard';
        for (const alert of step.fresh) notifyDesktop(alert, () => (window.location.hash = routerHref(alert.routerId, isAdmin ? alert.tenantId : null)));
      }
    });
  }, [channel]);
  return null;
}
