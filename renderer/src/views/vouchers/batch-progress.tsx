import { Fragment } from 'react';
import type { BatchRouterExpiry, BatchRouterProgress, RouterExpiryState, VoucherBatchSummary, VoucherState } from '../../../../main/vouchers/contract';
import { VOUCHER_STATES } from '../../../../main/vouchers/contract';
import { useFormat } from '../../format/use-format';

export const VOUCHER_STATE_LABELS: Record<VoucherState, string> = { unused: 'unused', active: 'active', expired: 'expired', 'used-up': 'used up' };

/** A spent voucher's expiry on its routers, as its row in the batch says it. */
export const ROUTER_EXPIRY_LABELS: Record<RouterExpiryState, string> = { done: 'done', waiting: 'waiting for router', refused: 'refused, tried again' };

/** A batch's vouchers by state, live from VoucherBatchUpdated. */
export function VoucherCounts({ batch }: { batch: VoucherBatchSummary }) {
  const format = useFormat();
  return (
    <span className="voucher-counts" data-testid={`batch-counts-${batch.id}`}>
      {VOUCHER_STATES.map((state) => (
        <span key={state} data-testid={`batch-count-${batch.id}-${state}`} data-count={batch.counts[state]}>
          <strong>{format.number(batch.counts[state])}</strong> {VOUCHER_STATE_LABELS[state]}
        </span>
      ))}
    </span>
  );
}

/** "north-01: 640 of 1,000", and what went wrong in the router's words. */
export function pushLine(progress: BatchRouterProgress, routerName: string, number: (n: number) => string): string {
  const counted = `${routerName}: ${number(progress.pushed)} of ${number(progress.total)}`;
  const refused = progress.failedCount > 0 ? ` · ${number(progress.failedCount)} refused` : '';
  const state = progress.state === 'done' ? '' : progress.state === 'pushing' ? ' · pushing' : progress.state === 'pending' ? ' · waiting for the router' : ' · failed';
  return `${counted}${refused}${state}`;
}

/** "expired on router: 12 done, 3 waiting for the router": where the spent vouchers' expiry stands on one router. */
export function expiryLine(expiry: BatchRouterExpiry, number: (n: number) => string): string {
  const waiting = expiry.waiting > 0 ? `, ${number(expiry.waiting)} waiting for the router` : '';
  const refused = expiry.refused > 0 ? `, ${number(expiry.refused)} refused` : '';
  return `expired on router: ${number(expiry.done)} done${waiting}${refused}`;
}

export const expiryClass = (expiry: BatchRouterExpiry) => (expiry.refused > 0 ? 'push-failed' : expiry.waiting > 0 ? undefined : 'push-done');

/** Each router's share of the batch, one line each (and, once vouchers are spent, their expiry there); the router's message on hover. */
export function PushLines({ batch, routerName }: { batch: VoucherBatchSummary; routerName: (id: number) => string }) {
  const format = useFormat();
  return (
    <span className="push-lines">
      {batch.routers.map((r) => (
        <Fragment key={r.routerId}>
          <span
            className={r.state === 'failed' || r.failedCount > 0 ? 'push-failed' : r.state === 'done' ? 'push-done' : undefined}
            title={[r.message, ...r.failures.map((f) => `${f.code}: ${f.message}`)].filter(Boolean).join('\n') || undefined}
            data-testid={`batch-push-${batch.id}-${r.routerId}`}
            data-state={r.state}
          >
            {pushLine(r, routerName(r.routerId), format.number)}
          </span>
          {r.expiry && (
            <span className={expiryClass(r.expiry)} title={r.expiry.message ?? undefined} data-testid={`batch-expiry-${batch.id}-${r.routerId}`}>
              {routerName(r.routerId)} {expiryLine(r.expiry, format.number)}
            </span>
          )}
        </Fragment>
      ))}
    </span>
  );
}
