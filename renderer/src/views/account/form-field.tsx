import '../../styles/accounts.css';
import { useId, type InputHTMLAttributes } from 'react';

export interface FormFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange' | 'value'> {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The backend's message for this field, if any. */
  error?: string;
  testId: string;
}

/** A labelled input with its field error announced to screen readers. */
export function FormField({ label, value, onChange, error, testId, className, ...input }: FormFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={`form-field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        data-testid={testId}
        {...input}
      />
      {error && (
        <span id={errorId} className="field-error" data-testid={`${testId}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}
