import type { DashboardPoint } from './contract';

/** Points kept per dashboard: one hour at one point every 10 s. */
export const HISTORY_POINTS = 360;
export const POINT_INTERVAL_MS = 10_000;

/** A fixed-size ring of the last hour's points for one dashboard. */
export class DashboardHistory {
  private readonly points: DashboardPoint[] = [];

  add(point: DashboardPoint): void {
    this.points.push(point);
    if (this.points.length > HISTORY_POINTS) this.points.splice(0, this.points.length - HISTORY_POINTS);
  }

  list(): DashboardPoint[] {
    return [...this.points];
  }
}
