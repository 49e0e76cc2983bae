import { Field, fieldAria } from '../plans/field';
import type { SecretValues } from './secret-field';

export interface SecretInputProps {
  id: string;
  label: string;
  secret: SecretValues;
  onChange: (secret: SecretValues) => void;
  error?: string | undefined;
  testId: string;
  /** Offers "remove the saved one" (an optional secret such as the SMTP password). */
  removable?: boolean;
  /** How the backend masks the saved value (`•••9f2a`), when it shows one. */
  masked?: string | null;
}

/**
 * A write-only secret: whether one is saved ("set"), and a field for a replacement. The saved
 * value is never shown, nor sent back: the backend does not return it.
 */
export function SecretInput({ id, label, secret, onChange, error, testId, removable, masked }: SecretInputProps) {
  const hint = secret.set ? 'Saved and not shown. Type a new one to replace it; leave empty to keep it.' : 'Not set.';
  return (
    <Field id={id} label={label} error={error} hint={hint} testId={testId}>
      <span className="secret-state" data-testid={`${testId}-state`}>
        {secret.set ? (secret.remove ? 'set — removed when saved' : `set${masked ? ` (${masked})` : ''}`) : 'not set'}
      </span>
      <input
        {...fieldAria(id, error, hint)}
        type="password"
        autoComplete="new-password"
        placeholder={secret.set ? 'Replace…' : ''}
        value={secret.replacement}
        disabled={secret.remove}
        onChange={(e) => onChange({ ...secret, replacement: e.target.value })}
        data-testid={testId}
      />
      {removable && secret.set && (
        <label className="field-inline">
          <input type="checkbox" checked={secret.remove} onChange={(e) => onChange({ ...secret, remove: e.target.checked, replacement: '' })} data-testid={`${testId}-remove`} />
          Remove the saved one
        </label>
      )}
    </Field>
  );
}
