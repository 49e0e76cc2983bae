import { useId, useState } from 'react';
import type { PaymentSummary } from '../../../../main/payments/contract';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useFormat } from '../../format/use-format';
import { reversePayment } from './payments-live';

/** The backend's minimum: a reversal is audited, and "x" explains nothing to the next admin. */
const REASON_MIN = 3;

export interface ReverseDialogProps {
  payment: PaymentSummary;
  onClose: () => void;
}

/** Reverse a payment (admins), with the reason the audit keeps: a reversal entry, never a delete. */
export function ReverseDialog({ payment, onClose }: ReverseDialogProps) {
  const format = useFormat();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reasonId = useId();

  const confirm = async () => {
    if (reason.trim().length < REASON_MIN) {
      setError('say why the payment is reversed');
      return;
    }
    setBusy(true);
    const result = await reversePayment(payment, reason.trim());
    setBusy(false);
    if (result.ok) onClose();
    else setError(result.error.message);
  };

  return (
    <ConfirmDialog title="Reverse payment?" confirmLabel="Reverse" danger busy={busy} testId="reverse-confirm" onCancel={onClose} onConfirm={() => void confirm()}>
      <p>
        Reverse <strong>{payment.reference}</strong>, {format.amount(payment.amountMinor)}
        {payment.subscriberUsername ? ` from ${payment.subscriberUsername}` : ''}? The ledger gets a reversal entry; the payment stays on record.
      </p>
      <div className={`form-field${error ? ' has-error' : ''}`}>
        <label htmlFor={reasonId}>Reason</label>
        <textarea
          id={reasonId}
          rows={2}
          data-testid="reverse-reason"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${reasonId}-message` : undefined}
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            setError(null);
          }}
        />
        {error && (
          <span className="field-error" id={`${reasonId}-message`} role="alert" data-testid="reverse-reason-error">
            {error}
          </span>
        )}
      </div>
    </ConfirmDialog>
  );
}
