import { useState, type FormEvent } from 'react';
import type { Result } from '../../../../main/contract/errors';
import { FormField } from '../account/form-field';
import { SubmitButton } from '../../components/submit-button';

export interface NumberSettingProps {
  label: string;
  /** The noun of the message for a value out of bounds: "Enter a whole number of {unit} from …". */
  unit: string;
  min: number;
  max: number;
  initial: number;
  save: (value: number) => Promise<Result<unknown>>;
  /** The confirmation shown once saved. */
  savedText: (value: number) => string;
  /** Prefix of the form's test ids: `{testId}-form`, `-save`, `-saved`; the input is `{testId}` unless fieldTestId names it. */
  testId: string;
  fieldTestId?: string;
}

/**
 * One whole-number setting with its bounds, checked here and saved by an invoke (which checks
 * again): the form a settings section needs for "keep N" or "N days".
 */
export function NumberSetting({ label, unit, min, max, initial, save, savedText, testId, fieldTestId }: NumberSettingProps) {
  const [value, setValue] = useState(String(initial));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) {
      setError(`Enter a whole number of ${unit} from ${min} to ${max}.`);
      return;
    }
    setBusy(true);
    void save(n).then((result) => {
      setBusy(false);
      if (!result.ok) return setError(result.error.message);
      setError(null);
      setSaved(n);
    });
  };

  return (
    <form className="form" onSubmit={submit} data-testid={`${testId}-form`}>
      <FormField label={label} type="number" min={min} max={max} value={value} onChange={setValue} testId={fieldTestId ?? testId} />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {saved !== null && (
        <p className="accepted" role="status" data-testid={`${testId}-saved`}>
          {savedText(saved)}
        </p>
      )}
      <div className="form-actions">
        <SubmitButton busy={busy} data-testid={`${testId}-save`}>
          Save
        </SubmitButton>
      </div>
    </form>
  );
}
