import type { PlanSummary, RateLimit } from '../../../../main/plans/contract';
import { formatDuration } from '../../format/duration';
import { formatRate } from '../../format/rate';
import { formatDataSize } from './quantity-input';

/** How a plan's rate reads in a table: "↑ 1.00 Mbps ↓ 2.00 Mbps" (the customer's upload and download). */
export function rateText(rate: RateLimit | null): { upload: string; download: string; burst: string | null } | null {
  if (!rate) return null;
  const burst =
    rate.burstUploadBps === undefined || rate.burstDownloadBps === undefined
      ? null
      : `burst ↑ ${formatRate(rate.burstUploadBps)} ↓ ${formatRate(rate.burstDownloadBps)} for ${formatDuration(rate.burstTimeSeconds ?? null)}`;
  return { upload: formatRate(rate.uploadBps), download: formatRate(rate.downloadBps), burst };
}

/** Uptime and data limits in one line; "none" when the plan has neither. */
export function limitsText(plan: Pick<PlanSummary, 'uptimeLimitSeconds' | 'dataLimitBytes'>): string {
  const parts = [plan.uptimeLimitSeconds === null ? null : `${formatDuration(plan.uptimeLimitSeconds)} online`, plan.dataLimitBytes === null ? null : formatDataSize(plan.dataLimitBytes)];
  return parts.filter(Boolean).join(' · ') || 'none';
}
