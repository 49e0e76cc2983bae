import { useEffect, useId } from 'react';
import type { WebhookDeliveryStatus, WebhookSubscriptionSummary } from '../../../../main/webhooks/contract';
import { useFormat } from '../../format/use-format';
import { attachDeliveries, hostOf } from './webhooks-live';
import { useWebhooksStore, webhooksSelectors } from './webhooks-store';

const STATUS: Record<WebhookDeliveryStatus, { label: string; badge: string }> = {
  queued: { label: 'Queued', badge: 'badge-connecting' },
  retrying: { label: 'Retrying', badge: 'badge-degraded' },
  sent: { label: 'Sent', badge: 'badge-online' },
  failed: { label: 'Failed', badge: 'badge-offline' },
  skipped: { label: 'Skipped', badge: 'badge-unknown' },
};

/** The open subscription's recent deliveries, live: each attempt updates its row as it happens. */
export function WebhookDeliveries({ tenantId, subscription, id }: { tenantId: number; subscription: WebhookSubscriptionSummary; id: string }) {
  const deliveries = useWebhooksStore(webhooksSelectors.deliveries);
  const error = useWebhooksStore(webhooksSelectors.deliveriesError);
  const format = useFormat();
  const headingId = useId();
  useEffect(() => attachDeliveries(tenantId, subscription.id), [tenantId, subscription.id]);

  return (
    <section id={id} className="webhook-deliveries" aria-labelledby={headingId} data-testid={`webhook-deliveries-${subscription.id}`}>
      <h3 id={headingId}>Recent deliveries to {hostOf(subscription.url)}</h3>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : deliveries === null ? (
        <p className="muted">Loading…</p>
      ) : deliveries.length === 0 ? (
        <p className="muted" data-testid="webhook-deliveries-empty">
          Nothing sent yet: deliveries appear here as the chosen events happen (or send a test).
        </p>
      ) : (
        <div className="table-box">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Queued</th>
                <th scope="col">Event</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Attempts
                </th>
                <th scope="col" className="num">
                  Answer
                </th>
                <th scope="col">Last error / next attempt</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => (
                <tr key={d.id} data-testid={`webhook-delivery-${d.id}`} data-status={d.status} data-event={d.event}>
                  <td>{format.dateTime(d.createdAt)}</td>
                  <td className="mono">{d.event}</td>
                  <td>
                    <span className={`badge ${STATUS[d.status].badge}`} data-testid={`webhook-delivery-status-${d.id}`}>
                      {STATUS[d.status].label}
                    </span>
                  </td>
                  <td className="num">
                    {d.attempts} of {d.maxAttempts}
                  </td>
                  <td className="num">{d.responseStatus ?? '—'}</td>
                  <td className="webhook-error">
                    {d.status === 'sent' ? `sent ${format.dateTime(d.sentAt)}` : (d.lastError ?? '')}
                    {d.status === 'retrying' && d.nextAttemptAt && <span className="muted"> · next attempt {format.dateTime(d.nextAttemptAt)}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
