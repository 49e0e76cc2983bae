import { z } from 'zod';
import { defineJob, jobSet, type MainJobContext, type ScheduleDefinition } from '../jobs/define-job';
import type { DashboardServices } from './dashboard-services';
import { rollUpAndPrune, seriesOf, writeMinute } from './history-rollup';

/**
 * The dashboard's persisted history, on the `dashboard` queue and the main thread: each run is
 * one small batch of rows (a row per router and per tenant) or a few indexed statements.
 */
export const dashboardHistoryJobs = jobSet(
  defineJob({
    name: 'dashboard.rollup-minute',
    queue: 'dashboard',
    runs: 'main',
    summary: 'Every minute: stores each router’s and each tenant’s sessions, throughput and CPU for the dashboard’s history (kept 7 days).',
    payload: z.object({}).strict(),
    handler: async (_payload, { services }: MainJobContext<DashboardServices>) => writeMinute(services.business, await services.dashboard.routerFigures(), Date.now()),
  }),
  defineJob({
    name: 'dashboard.rollup-hours',
    queue: 'dashboard',
    runs: 'main',
    summary: 'Every 10 minutes: averages the routers’ and tenants’ recent minutes into hourly points (kept 90 days) and deletes minutes past 7 days and hours past 90 days.',
    payload: z.object({}).strict(),
    handler: async (_payload, { services, signal }: MainJobContext<DashboardServices>) => rollUpAndPrune(services.business, seriesOf(await services.dashboard.routerFigures()), Date.now(), signal),
  }),
);

export const dashboardHistorySchedules: ScheduleDefinition[] = [
  { key: 'dashboard.rollup-minute', job: 'dashboard.rollup-minute', payload: {}, every: { seconds: 60 } },
  // Every 10 minutes rather than hourly, so the week's chart has the current hour's point too.
  { key: 'dashboard.rollup-hours', job: 'dashboard.rollup-hours', payload: {}, every: { seconds: 600 } },
];
