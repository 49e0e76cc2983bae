import { z } from 'zod';
import { defineJob, jobSet, type MainJobContext, type ScheduleDefinition } from '../../jobs/define-job';
import type { RouterJobServices } from '../router-services';
import { writeInterfaceMinute } from './interface-traffic-minute';

const online = (state: string) => state === 'online' || state === 'degraded';

/**
 * Per-interface traffic history on the `dashboard` queue (the history rollups' queue), on the
 * main thread: the reads are one print per router in the shards, the writes a few rows each.
 */
export const interfaceHistoryJobs = jobSet(
  defineJob({
    name: 'routers.interface-traffic-minute',
    queue: 'dashboard',
    runs: 'main',
    maxAttempts: 1,
    summary: 'Every minute: reads each online router’s interface byte counters and stores each interface’s throughput for the router page’s history (kept 7 days).',
    payload: z.object({}).strict(),
    handler: async (_payload, { services, signal }: MainJobContext<RouterJobServices>) => {
      const routers = (await services.accounts.read((tx) => tx.routers.list(null)))
        .filter((r) => online(services.routerStatus.get(r.id).state))
        .map((r) => ({ id: r.id, tenantId: r.tenantId }));
      return writeInterfaceMinute(services.business, routers, (id, ops) => services.liveRouters.menu(id, ops, ops.length), Date.now(), signal);
    },
  }),
);

export const interfaceHistorySchedules: ScheduleDefinition[] = [
  { key: 'routers.interface-traffic-minute', job: 'routers.interface-traffic-minute', payload: {}, every: { seconds: 60 } },
];
