import { useId, useRef, useState } from 'react';
import type { PaymentSummary } from '../../../../main/payments/contract';
import { SubmitButton } from '../../components/submit-button';
import { useFormat } from '../../format/use-format';
import { ModalForm } from '../plans/modal-form';
import { assignPayment } from './payments-live';
import { SubscriberSearch, type SubscriberChoice } from './subscriber-search';

export interface AssignDialogProps {
  payment: PaymentSummary;
  tenantId: number | null;
  onClose: () => void;
}

/** Assign an unmatched payment to the subscriber it was meant for: it enters that ledger. */
export function AssignDialog({ payment, tenantId, onClose }: AssignDialogProps) {
  const format = useFormat();
  const [subscriber, setSubscriber] = useState<SubscriberChoice | null>(null);
  const [error, setError] = useState<string | undefined>(undefined);
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const ids = useId();

  const submit = async () => {
    if (!subscriber) {
      setError('choose the subscriber this payment is for');
      return;
    }
    setSaving(true);
    setFormError(null);
    const result = await assignPayment(payment, subscriber.id, subscriber.username);
    setSaving(false);
    if (result.ok) onClose();
    else setFormError(result.error.message);
  };

  return (
    <ModalForm
      title={`Assign payment ${payment.reference}`}
      testId="assign-form"
      onClose={onClose}
      onSubmit={() => void submit()}
      initialFocus={searchRef}
      formError={formError}
      actions={
        <SubmitButton busy={saving} className="primary" data-testid="assign-form-submit">
          {saving ? 'Assigning…' : 'Assign'}
        </SubmitButton>
      }
    >
      <p>
        {format.amount(payment.amountMinor)} received {format.dateTime(payment.receivedAt)}
        {payment.accountReference ? `, account “${payment.accountReference}”` : ', no account given'}.
      </p>
      <div className="form-grid">
        <SubscriberSearch
          id={`${ids}-subscriber`}
          tenantId={tenantId}
          value={subscriber}
          onChange={(choice) => {
            setSubscriber(choice);
            setError(undefined);
          }}
          error={error}
          testId="assign-field-subscriber"
          initialSearch={payment.accountReference ?? ''}
          inputRef={searchRef}
        />
      </div>
    </ModalForm>
  );
}
