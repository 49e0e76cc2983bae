import { z } from 'zod';
import { defineInvoke } from '../contract/define';

/** The chart ranges: minute points for the short ones, hourly points for the week. */
export const HISTORY_RANGES = ['15m', '1h', '24h', '7d'] as const;
export type HistoryRange = (typeof HISTORY_RANGES)[number];
export type HistoryResolution = 'minute' | 'hour';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const RANGE_MS: Record<HistoryRange, number> = { '15m': 15 * MINUTE, '1h': HOUR, '24h': 24 * HOUR, '7d': 7 * 24 * HOUR };
export const RANGE_RESOLUTION: Record<HistoryRange, HistoryResolution> = { '15m': 'minute', '1h': 'minute', '24h': 'minute', '7d': 'hour' };

/** How long each resolution is kept: minutes a week, hours 90 days. */
export const HISTORY_KEEP_DAYS: Record<HistoryResolution, number> = { minute: 7, hour: 90 };

/**
 * One stored point of a dashboard's history: sessions and throughput summed over the scope's
 * routers (an hour point is the hour's average), CPU the average load of the routers that
 * reported one (null when none did).
 */
export interface HistoryPoint {
  at: string;
  hotspot: number;
  pppoe: number;
  inBps: number;
  outBps: number;
  cpu: number | null;
  /** Memory used, percent: averaged like CPU (null when no router reported it). */
  memory: number | null;
}

export interface DashboardHistory {
  range: HistoryRange;
  resolution: HistoryResolution;
  /** Oldest first, inside [now − range, now]. */
  points: HistoryPoint[];
}

export const dashboardHistoryInvokes = {
  'dashboard.history': defineInvoke<DashboardHistory>()({
    input: z
      .object({
        range: z.enum(HISTORY_RANGES),
        tenantId: z.number().int().positive().optional(),
        routerId: z.number().int().positive().optional(),
      })
      .strict(),
    summary:
      'Stored dashboard history for a range (15m, 1h, 24h: minute points; 7d: hourly points) of the caller’s tenant, or one of its routers (system admins: all tenants, one tenant, or one router).',
  }),
};
