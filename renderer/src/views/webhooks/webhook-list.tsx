import { useState } from 'react';
import type { WebhookSubscriptionSummary } from '../../../../main/webhooks/contract';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useFormat } from '../../format/use-format';
import { WebhookDeliveries } from './webhook-deliveries';
import { deleteWebhook, hostOf, resumeWebhook, rotateWebhookSecret, testWebhook } from './webhooks-live';
import { useWebhooksStore, webhooksActions, webhooksSelectors } from './webhooks-store';

export interface WebhookListProps {
  tenantId: number;
  onEdit: (subscription: WebhookSubscriptionSummary) => void;
  /** A replaced secret, to be shown once. */
  onSecret: (subscription: WebhookSubscriptionSummary, secret: string) => void;
}

function StateBadge({ s }: { s: WebhookSubscriptionSummary }) {
  const [label, badge] = s.paused ? ['Paused', 'badge-offline'] : s.enabled ? ['Active', 'badge-online'] : ['Off', 'badge-unknown'];
  return (
    <span className={`badge ${badge}`} data-testid={`webhook-state-${s.id}`} data-state={label.toLowerCase()}>
      {label}
    </span>
  );
}

/** The tenant's webhooks, each with its state, its actions and (opened) its recent deliveries. */
export function WebhookList({ tenantId, onEdit, onSecret }: WebhookListProps) {
  const subscriptions = useWebhooksStore(webhooksSelectors.sorted);
  const open = useWebhooksStore(webhooksSelectors.open);
  const format = useFormat();
  const [confirm, setConfirm] = useState<{ kind: 'delete' | 'rotate'; subscription: WebhookSubscriptionSummary } | null>(null);
  const [busy, setBusy] = useState(false);

  const act = async () => {
    if (!confirm) return;
    setBusy(true);
    const { kind, subscription } = confirm;
    if (kind === 'delete') await deleteWebhook(subscription);
    else {
      const result = await rotateWebhookSecret(subscription);
      if (result.ok) onSecret(result.data, result.data.secret);
    }
    setBusy(false);
    setConfirm(null);
  };

  if (subscriptions.length === 0) {
    return (
      <p className="muted" data-testid="webhooks-empty">
        No event webhooks yet.
      </p>
    );
  }
  const openOne = subscriptions.find((s) => s.id === open);
  return (
    <>
      <div className="table-box">
        <table className="data-table webhook-table" data-testid="webhooks-list">
          <thead>
            <tr>
              <th scope="col">Receiver</th>
              <th scope="col">Events</th>
              <th scope="col">State</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {subscriptions.map((s) => (
              <tr key={s.id} data-testid={`webhook-row-${s.id}`} data-url={s.url}>
                <td>
                  <div className="webhook-receiver">
                    {s.description && <strong>{s.description}</strong>}
                    <span className="mono">{s.url}</span>
                  </div>
                </td>
                <td>{s.events.join(', ')}</td>
                <td>
                  <StateBadge s={s} />
                  {s.consecutiveFailures > 0 && (
                    <span className="webhook-failures" data-testid={`webhook-failures-${s.id}`}>
                      {s.consecutiveFailures} of {s.pauseAfter} failures in a row{s.lastError ? `: ${s.lastError}` : ''}
                    </span>
                  )}
                  {s.paused && <span className="muted webhook-failures">paused {format.dateTime(s.pausedAt)}: nothing is sent until you resume</span>}
                </td>
                <td className="actions-cell">
                  <div className="actions webhook-actions">
                    <button type="button" aria-expanded={open === s.id} aria-controls={open === s.id ? `webhook-deliveries-${s.id}` : undefined} onClick={() => webhooksActions.openDeliveries(open === s.id ? null : s.id)} data-testid={`webhook-deliveries-toggle-${s.id}`}>
                      Deliveries
                    </button>
                    {s.paused && (
                      <button type="button" className="primary" onClick={() => void resumeWebhook(s)} data-testid={`webhook-resume-${s.id}`}>
                        Resume
                      </button>
                    )}
                    <button type="button" onClick={() => void testWebhook(s)} data-testid={`webhook-test-${s.id}`}>
                      Send test
                    </button>
                    <button type="button" onClick={() => onEdit(s)} data-testid={`webhook-edit-${s.id}`}>
                      Edit
                    </button>
                    <button type="button" onClick={() => setConfirm({ kind: 'rotate', subscription: s })} data-testid={`webhook-rotate-${s.id}`}>
                      New secret
                    </button>
                    <button type="button" className="danger" onClick={() => setConfirm({ kind: 'delete', subscription: s })} data-testid={`webhook-delete-${s.id}`}>
                      Delete
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {openOne && <WebhookDeliveries tenantId={tenantId} subscription={openOne} id={`webhook-deliveries-${openOne.id}`} />}
      {confirm && (
        <ConfirmDialog
          title={confirm.kind === 'delete' ? 'Delete event webhook?' : 'Make a new secret?'}
          confirmLabel={confirm.kind === 'delete' ? 'Delete' : 'Make a new secret'}
          danger
          busy={busy}
          testId={`webhook-${confirm.kind}-confirm`}
          onCancel={() => setConfirm(null)}
          onConfirm={() => void act()}
        >
          {confirm.kind === 'delete' ? (
            <p>
              Stop sending events to <strong>{hostOf(confirm.subscription.url)}</strong> and delete its delivery log? Deliveries not sent yet are dropped.
            </p>
          ) : (
            <p>
              The current secret of <strong>{hostOf(confirm.subscription.url)}</strong> stops signing at once: the receiver must switch to the new one, which is shown once.
            </p>
          )}
        </ConfirmDialog>
      )}
    </>
  );
}
