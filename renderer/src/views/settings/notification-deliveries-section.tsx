import { useEffect, useMemo, useState } from 'react';
import { DELIVERY_STATUSES, EXTERNAL_CHANNELS, type DeliverySummary } from '../../../../main/notifications/contract';
import { api } from '../../bridge/api';
import { attachLiveChannel } from '../../bridge/live-channel';
import { useFormat } from '../../format/use-format';
import { useViewTenant } from '../../stores/use-view-tenant';
import { ALL_DELIVERIES, deliveriesActions, deliveriesSelectors, DELIVERIES_SHOWN, filterDeliveries, resetDeliveriesStore, useDeliveriesStore, type DeliveryFilter } from '../notifications/deliveries-store';
import { CHANNEL_LABEL, DELIVERY_STATUS_LABEL, MESSAGE_TEXT, RULE_TEXT } from '../notifications/notification-labels';
import { SectionPending } from './section-pending';
import '../../styles/routers.css';
import '../../styles/notifications.css';

const AUDIENCE = { staff: 'to staff', customer: 'to a customer', test: 'an admin’s test' } as const;

/** What a delivery carried, in words: the staff rule's or customer message's name. */
function messageLabel(d: DeliverySummary): string {
  if (d.message === 'test') return 'Test message';
  return (RULE_TEXT as Record<string, { label: string }>)[d.message]?.label ?? (MESSAGE_TEXT as Record<string, { label: string }>)[d.message]?.label ?? d.message;
}

/**
 * Settings › Delivery log (admins): every message that left the console, newest first, live
 * (NotificationDeliveryUpdated on `tenant.{id}.notifications.deliveries`): channel, recipient
 * masked, what it carried, status, attempts and the last error in words.
 */
export function NotificationDeliveriesSection() {
  const { tenantId, isSystemAdmin } = useViewTenant();
  const deliveries = useDeliveriesStore(deliveriesSelectors.sorted);
  const loaded = useDeliveriesStore(deliveriesSelectors.loaded);
  const error = useDeliveriesStore(deliveriesSelectors.error);
  const [filter, setFilter] = useState<DeliveryFilter>(ALL_DELIVERIES);
  const shown = useMemo(() => filterDeliveries(deliveries, filter), [deliveries, filter]);
  const format = useFormat();

  useEffect(() => {
    if (tenantId === null) return undefined;
    resetDeliveriesStore();
    return attachLiveChannel({
      channel: `tenant.${tenantId}.notifications.deliveries`,
      fetchSnapshot: () => api.invoke('notifications.deliveries', { ...(isSystemAdmin ? { tenantId } : {}), limit: DELIVERIES_SHOWN }),
      onSnapshot: (data) => deliveriesActions.snapshot(data.deliveries),
      onEvent: (name, payload) => name === 'NotificationDeliveryUpdated' && deliveriesActions.updated(payload as DeliverySummary),
      onError: deliveriesActions.failed,
    });
  }, [tenantId, isSystemAdmin]);

  if (tenantId === null) {
    return (
      <p className="muted" data-testid="notifications-choose-tenant">
        Choose a tenant (Company, above) to see its delivery log.
      </p>
    );
  }
  if (!loaded) return <SectionPending error={error} />;
  return (
    <div className="notification-settings" data-testid="notify-deliveries">
      <div className="toolbar">
        <span className="counts" role="status">
          <strong data-testid="notify-deliveries-count">{shown.length}</strong> of the newest {DELIVERIES_SHOWN}
        </span>
        <select aria-label="Delivery status" value={filter.status} onChange={(e) => setFilter((f) => ({ ...f, status: e.target.value as DeliveryFilter['status'] }))} data-testid="notify-deliveries-status">
          <option value="all">Every status</option>
          {DELIVERY_STATUSES.map((s) => (
            <option key={s} value={s}>
              {DELIVERY_STATUS_LABEL[s]}
            </option>
          ))}
        </select>
        <select aria-label="Delivery channel" value={filter.channel} onChange={(e) => setFilter((f) => ({ ...f, channel: e.target.value as DeliveryFilter['channel'] }))} data-testid="notify-deliveries-channel">
          <option value="all">Every channel</option>
          {EXTERNAL_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {CHANNEL_LABEL[c]}
            </option>
          ))}
        </select>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {shown.length === 0 ? (
        <p className="muted" data-testid="notify-deliveries-empty">
          {deliveries.length === 0 ? 'Nothing sent yet: messages on email, SMS, WhatsApp and Telegram show here with their outcome.' : 'No delivery matches the filter.'}
        </p>
      ) : (
        <div className="table-box">
          <table className="data-table fit deliveries-table" data-testid="notify-deliveries-table">
            <thead>
              <tr>
                <th scope="col">Queued</th>
                <th scope="col">Channel / recipient</th>
                <th scope="col">Message</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Attempts
                </th>
                <th scope="col">Last error / next try</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((d) => (
                <tr key={d.id} data-testid={`notify-delivery-${d.id}`} data-status={d.status}>
                  <td>{format.dateTime(d.createdAt)}</td>
                  <td className="stacked">
                    <span>{CHANNEL_LABEL[d.channel]}</span>
                    <span className="mono small-text" data-testid={`notify-delivery-recipient-${d.id}`}>
                      {d.recipient}
                    </span>
                  </td>
                  <td className="stacked">
                    <span>{messageLabel(d)}</span>
                    <span className="muted small-text">{AUDIENCE[d.audience]}</span>
                  </td>
                  <td>
                    <span className={`delivery-status delivery-${d.status}`} data-testid={`notify-delivery-status-${d.id}`}>
                      {DELIVERY_STATUS_LABEL[d.status]}
                    </span>
                    {d.sentAt && <span className="muted small-text"> {format.time(d.sentAt)}</span>}
                  </td>
                  <td className="num">{d.attempts}</td>
                  <td className="stacked">
                    {d.lastError && <span data-testid={`notify-delivery-error-${d.id}`}>{d.lastError}</span>}
                    {d.nextAttemptAt && <span className="muted small-text">next try {format.dateTime(d.nextAttemptAt)}</span>}
                    {!d.lastError && !d.nextAttemptAt && <span className="muted">—</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
