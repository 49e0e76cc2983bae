import { describe, expect, it } from 'vitest';
import type { DashboardAlert } from '../../../../main/dashboard/contract';
import { newDownAlerts } from './new-down-alerts';

const alert = (routerId: number, severity: DashboardAlert['severity'] = 'down'): DashboardAlert => ({
  kind: severity === 'down' ? 'router-offline' : 'cpu-high', severity, routerId, routerName: `r${routerId}`, tenantId: 1, tenantName: null, since: '2026-12-02T10:00:00Z', message: 'offline',
});

describe('new down alerts', () => {
  it('ring for a router that goes down, not for what was down at the start, and again after it came back', () => {
    let step = newDownAlerts(null, [alert(1)]);
    expect(step.fresh).toEqual([]);
    step = newDownAlerts(step.seen, [alert(1), alert(2), alert(3, 'warning')]);
    expect(step.fresh.map((a) => a.routerId)).toEqual([2]);
    step = newDownAlerts(step.seen, [alert(2)]);
    expect(step.fresh).toEqual([]);
    step = newDownAlerts(step.seen, [alert(1), alert(2)]);
    expect(step.fresh.map((a) => a.routerId)).toEqual([1]);
  });
});
