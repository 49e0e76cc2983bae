import { useId, useRef, useState } from 'react';
import type { ImportPreviewView } from '../../../../main/adoption/contract';
import type { RouterSummary } from '../../../../main/routers/contract';
import { toast } from '../../components/toast-store';
import { useFocusTrap } from '../../components/use-focus-trap';
import { useFormat } from '../../format/use-format';
import { useStale } from '../../stores/connection-store';
import { importRouter, outcomeLine, previewImport } from './router-import';

interface Props {
  tenantId: number;
  routers: RouterSummary[];
  onClose: () => void;
}

type Phase = { step: 'choose' } | { step: 'reading' } | { step: 'preview'; preview: ImportPreviewView } | { step: 'importing'; preview: ImportPreviewView } | { step: 'done'; line: string };

/**
 * The day-one move from mikhmon: pick a router, see what its hotspot users and profiles and PPP
 * secrets and profiles would become (and what is left out, and why), then import. Nothing is
 * written until "Import"; importing again adds nothing new.
 */
export function RouterImportDialog({ tenantId, routers, onClose }: Props) {
  const titleId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const selectRef = useRef<HTMLSelectElement>(null);
  useFocusTrap(dialogRef, onClose, selectRef);
  const stale = useStale();
  const format = useFormat();
  const [routerId, setRouterId] = useState<number>(routers.find((r) => r.status.state === 'online')?.id ?? routers[0]?.id ?? 0);
  const [phase, setPhase] = useState<Phase>({ step: 'choose' });
  const [error, setError] = useState<string | null>(null);
  const routerName = routers.find((r) => r.id === routerId)?.name ?? `router ${routerId}`;

  const preview = async () => {
    setError(null);
    setPhase({ step: 'reading' });
    const answer = await previewImport(tenantId, routerId);
    if (answer.ok) setPhase({ step: 'preview', preview: answer.value });
    else {
      setError(answer.message);
      setPhase({ step: 'choose' });
    }
  };

  const run = async (shown: ImportPreviewView) => {
    setPhase({ step: 'importing', preview: shown });
    const answer = await importRouter(tenantId, routerId);
    if (answer.ok) {
      const line = outcomeLine(routerName, answer.value);
      toast('ok', line);
      setPhase({ step: 'done', line });
    } else {
      toast('bad', `Import from ${routerName} failed: ${answer.message}`);
      setError(answer.message);
      setPhase({ step: 'preview', preview: shown });
    }
  };

  const shown = phase.step === 'preview' || phase.step === 'importing' ? phase.preview : null;
  return (
    <div className="modal-backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div className="modal wide" ref={dialogRef} role="dialog" aria-modal="true" aria-labelledby={titleId} data-testid="router-import">
        <h2 id={titleId}>Import from a router</h2>
        <div className="modal-body">
          <label>
            Router{' '}
            <select ref={selectRef} value={routerId} disabled={phase.step !== 'choose'} onChange={(e) => setRouterId(Number(e.target.value))} data-testid="router-import-router">
              {routers.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name} ({r.status.state})
                </option>
              ))}
            </select>
          </label>
          <p className="hint">Reads its hotspot user profiles and users and its PPP profiles and secrets (mikhmon’s prices, validity and vouchers understood). Nothing changes on the router.</p>
          {phase.step === 'reading' && <p role="status">Reading {routerName}…</p>}
          {error && (
            <p role="alert" className="error" data-testid="router-import-error">
              {error}
            </p>
          )}
          {shown && <PreviewTables preview={shown} amount={format.amount} duration={format.duration} />}
          {phase.step === 'done' && (
            <p role="status" data-testid="router-import-outcome">
              {phase.line}
            </p>
          )}
        </div>
        <div className="modal-actions">
          <button type="button" onClick={onClose} data-testid="router-import-close">
            {phase.step === 'done' ? 'Close' : 'Cancel'}
          </button>
          {phase.step === 'choose' && (
            <button type="button" className="primary" disabled={stale || routerId === 0} onClick={() => void preview()} data-testid="router-import-preview">
              Preview
            </button>
          )}
          {shown && (
            <button type="button" className="primary" disabled={stale || phase.step === 'importing'} onClick={() => void run(shown)} data-testid="router-import-confirm">
              {phase.step === 'importing' ? 'Importing…' : 'Import'}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}

function PreviewTables({ preview, amount, duration }: { preview: ImportPreviewView; amount: (minor: number) => string; duration: (s: number | null) => string }) {
  const vouchers = preview.voucherBatches.reduce((n, b) => n + b.count, 0);
  return (
    <div className="import-preview" data-testid="router-import-summary">
      <p role="status">
        <strong data-testid="router-import-plans">{preview.plans.length}</strong> new plan(s), <strong data-testid="router-import-vouchers">{vouchers}</strong> voucher(s),{' '}
        <strong data-testid="router-import-subscribers">{preview.subscribers.length}</strong> subscriber(s)
        {preview.existingPlans.length > 0 && <> · already plans: {preview.existingPlans.join(', ')}</>}
      </p>
      {preview.plans.length > 0 && (
        <table className="compact">
          <caption>Plans</caption>
          <thead>
            <tr>
              <th scope="col">Profile</th>
              <th scope="col">Kind</th>
              <th scope="col">Price</th>
              <th scope="col">Validity</th>
              <th scope="col">Expiry</th>
            </tr>
          </thead>
          <tbody>
            {preview.plans.map((p) => (
              <tr key={`${p.kind}:${p.name}`}>
                <td>{p.name}</td>
                <td>{p.kind === 'hotspot' ? 'Hotspot' : 'PPPoE'}</td>
                <td>{amount(p.priceMinor)}</td>
                <td>{p.validitySeconds === null ? '—' : duration(p.validitySeconds)}</td>
                <td>{p.expiry}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {preview.voucherBatches.length > 0 && (
        <table className="compact">
          <caption>Vouchers</caption>
          <thead>
            <tr>
              <th scope="col">Plan</th>
              <th scope="col">Batch</th>
              <th scope="col">Unused</th>
              <th scope="col">Active</th>
              <th scope="col">Expired</th>
            </tr>
          </thead>
          <tbody>
            {preview.voucherBatches.map((b) => (
              <tr key={`${b.planName}:${b.batch}`}>
                <td>{b.planName}</td>
                <td>{b.batch}</td>
                <td>{b.states.unused}</td>
                <td>{b.states.active}</td>
                <td>{b.states.expired}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {preview.conflicts.length > 0 && (
        <details data-testid="router-import-conflicts">
          <summary>{preview.conflicts.length} item(s) left out</summary>
          <ul>
            {preview.conflicts.map((c, i) => (
              <li key={i}>
                {c.item}: {c.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
