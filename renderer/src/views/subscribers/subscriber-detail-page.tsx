import { useCallback, useEffect, useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useFormat } from '../../format/use-format';
import { hashWithParams } from '../../stores/hash-params';
import { useStale } from '../../stores/connection-store';
import { KIND_LABELS } from '../plans/plan-form-dialog';
import { plansSelectors, usePlansStore } from '../plans/plans-store';
import { StateChip } from '../plans/state-chip';
import { useRoutersStore } from '../routers/routers-store';
import { SubscriberAccessBanner } from './subscriber-access-banner';
import { SubscriberFormDialog } from './subscriber-form-dialog';
import { SubscriberLedgerPanel } from './subscriber-ledger-panel';
import { STATUS_LABELS } from './subscriber-list';
import { attachSubscriberDetail, deleteSubscriber, reapplySubscriber, revealPassword, type SubscriberDetail } from './subscribers-live';
import { useOnlineSubscribers } from './use-online-subscribers';

export interface SubscriberDetailPageProps {
  tenantId: number;
  id: number;
  /** Edit, password, re-apply and delete: operators and admins. */
  canOperate: boolean;
  asAdmin: boolean;
}

const backHash = () => hashWithParams(window.location.hash, { subscriber: null });

/**
 * One subscriber (`#/subscribers?subscriber=<id>`): full contact from `subscribers.get` for
 * operators and admins (masked for viewers), the password on request, where it stands on each
 * router with the router's words, and its history. Fetched on open and when an event names it.
 */
export function SubscriberDetailPage({ tenantId, id, canOperate, asAdmin }: SubscriberDetailPageProps) {
  const [detail, setDetail] = useState<SubscriberDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [deleted, setDeleted] = useState(false);
  const [password, setPassword] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const format = useFormat();
  const stale = useStale();
  const routers = useRoutersStore((s) => s.routers);
  const subscriber = detail?.subscriber ?? null;
  const plan = usePlansStore(plansSelectors.byId(subscriber?.planId ?? 0));
  const online = useOnlineSubscribers(subscriber ? [subscriber] : []);
  const closeForm = useCallback(() => setEditing(false), []);
  const cancelDelete = useCallback(() => setConfirming(false), []);
  const routerName = (routerId: number) => routers.get(routerId)?.name ?? `router ${routerId}`;

  useEffect(() => {
    setDetail(null);
    setDeleted(false);
    setPassword(null);
    return attachSubscriberDetail(tenantId, id, { data: setDetail, deleted: () => setDeleted(true), error: setError });
  }, [tenantId, id]);

  const confirmDelete = async () => {
    if (!subscriber) return;
    setBusy(true);
    const result = await deleteSubscriber(subscriber.id, subscriber.username);
    setBusy(false);
    setConfirming(false);
    if (result.ok) window.location.hash = backHash();
  };

  const show = async () => {
    if (!subscriber) return;
    setBusy(true);
    setPassword(await revealPassword(subscriber.id, subscriber.username));
    setBusy(false);
  };

  return (
    <div className="detail-page" data-testid="subscriber-detail">
      <a className="back" href={backHash()} data-testid="subscriber-back">
        ← All subscribers
      </a>
      {error && (
        <p className="error" role="alert" data-testid="subscriber-detail-error">
          {error}
        </p>
      )}
      {deleted && (
        <p className="notice" role="status">
          This subscriber was deleted.
        </p>
      )}
      {!subscriber ? (
        !error && <p className="muted">Loading…</p>
      ) : (
        <>
          <div className="toolbar">
            <span className="online-dot" data-online={online.has(subscriber.id)} data-testid="subscriber-detail-online" role="img" aria-label={online.has(subscriber.id) ? 'online' : 'offline'} />
            <h2 className="section-title" data-testid="subscriber-detail-name">
              {subscriber.name}
            </h2>
            <span className={`status-tag status-${subscriber.status}`} data-testid="subscriber-detail-status">
              {STATUS_LABELS[subscriber.status]}
            </span>
            <span className="spacer" />
            {canOperate && !deleted && (
              <>
                <button type="button" className="small" disabled={stale} onClick={() => setEditing(true)} data-testid="subscriber-edit">
                  Edit
                </button>
                <button type="button" className="small" disabled={stale} onClick={() => void reapplySubscriber(subscriber.id, subscriber.username)} data-testid="subscriber-reapply">
                  Write to routers again
                </button>
                <button type="button" className="small danger" disabled={stale} onClick={() => setConfirming(true)} data-testid="subscriber-delete">
                  Delete
                </button>
              </>
            )}
          </div>
          <SubscriberAccessBanner subscriber={subscriber} routerName={routerName} />
          <dl className="detail-grid">
            <Fact label="Kind" value={KIND_LABELS[subscriber.kind]} />
            <Fact label="Username" value={subscriber.username} testId="subscriber-detail-username" mono />
            <div>
              <dt>Password</dt>
              <dd>
                {password !== null ? (
                  <>
                    <span className="mono" data-testid="subscriber-detail-password">
                      {password}
                    </span>{' '}
                    <button type="button" className="ghost small" onClick={() => setPassword(null)}>
                      Hide
                    </button>
                  </>
                ) : canOperate ? (
                  <button type="button" className="small" disabled={busy} onClick={() => void show()} data-testid="subscriber-show-password">
                    Show password
                  </button>
                ) : (
                  <span className="muted">hidden</span>
                )}
              </dd>
            </div>
            <Fact label="Phone" value={subscriber.phone ?? '—'} testId="subscriber-detail-phone" />
            <Fact label="Email" value={subscriber.email ?? '—'} testId="subscriber-detail-email" />
            <Fact label="Plan" value={plan ? `${plan.name} · ${format.amount(plan.priceMinor)}` : `plan ${subscriber.planId}`} />
            <Fact label="Valid until" value={format.dateTime(subscriber.validUntil)} />
            <Fact label="MAC lock" value={subscriber.macLock ?? 'any device'} mono />
            <Fact label="Last seen" value={online.has(subscriber.id) ? 'online now' : subscriber.lastSeenAt ? format.dateTime(subscriber.lastSeenAt) : 'never'} />
            <Fact label="Created" value={format.dateTime(subscriber.createdAt)} />
          </dl>
          <SubscriberLedgerPanel tenantId={tenantId} subscriberId={subscriber.id} username={subscriber.username} asAdmin={asAdmin} deleted={deleted} />
          <h2 className="section-title">On its routers</h2>
          <ul className="plan-routers" data-testid="subscriber-detail-routers">
            {subscriber.routers.map((r) => (
              <li key={r.routerId}>
                <div className="plan-router-head">
                  <StateChip routerName={routerName(r.routerId)} state={r.state} title={r.message ?? undefined} testId={`subscriber-detail-state-${r.routerId}`} />
                  <span className="muted small-text">since {format.dateTime(r.updatedAt)}</span>
                </div>
                {r.message && (
                  <p className={r.state === 'failed' ? 'error plan-router-message' : 'muted plan-router-message'}>
                    {routerName(r.routerId)}: {r.message}
                  </p>
                )}
              </li>
            ))}
          </ul>
          <h2 className="section-title">History</h2>
          {detail!.history.length === 0 ? (
            <p className="muted">Nothing yet.</p>
          ) : (
            <ol className="history" data-testid="subscriber-history">
              {detail!.history.map((h) => (
                <li key={h.id} data-kind={h.kind}>
                  <time dateTime={h.at}>{format.dateTime(h.at)}</time>
                  <span>
                    {h.text}
                    {h.routerId !== null && <span className="muted"> · {routerName(h.routerId)}</span>}
                  </span>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
      {editing && subscriber && <SubscriberFormDialog subscriber={subscriber} tenantId={asAdmin ? tenantId : null} onClose={closeForm} />}
      {confirming && subscriber && (
        <ConfirmDialog title="Delete subscriber?" confirmLabel="Delete" danger busy={busy} testId="subscriber-delete-confirm" onCancel={cancelDelete} onConfirm={() => void confirmDelete()}>
          <p>
            Delete <strong>{subscriber.name}</strong> ({subscriber.username})? The account is removed from its routers and the customer can no longer log in.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}

function Fact({ label, value, testId, mono }: { label: string; value: string; testId?: string; mono?: boolean }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd className={mono ? 'mono' : undefined} data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}
