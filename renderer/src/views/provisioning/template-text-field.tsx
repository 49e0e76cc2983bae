import type { ReactNode, Ref } from 'react';
import { Field, fieldAria } from '../plans/field';
import type { TemplateFieldErrors } from './template-form';

export interface TemplateTextFieldProps {
  /** The form key (`hotspot.address`): ids, test ids and errors hang on it. */
  field: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  errors: TemplateFieldErrors;
  /** Unique per dialog (useId), so two dialogs never share element ids. */
  idPrefix: string;
  hint?: string;
  wide?: boolean;
  mono?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  list?: string;
}

const idOf = (prefix: string, field: string) => `${prefix}-${field.replace(/\./g, '-')}`;
export const testIdOf = (field: string) => `template-field-${field.replace(/\./g, '-')}`;

/** One text input of the template editor with its error (the form's or the server's) or hint. */
export function TemplateTextField(props: TemplateTextFieldProps) {
  const id = idOf(props.idPrefix, props.field);
  const error = props.errors[props.field];
  return (
    <Field id={id} label={props.label} error={error} hint={props.hint} testId={testIdOf(props.field)} wide={props.wide}>
      <input
        {...fieldAria(id, error, props.hint)}
        ref={props.inputRef}
        className={props.mono ? 'mono' : undefined}
        list={props.list}
        data-testid={testIdOf(props.field)}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        spellCheck={false}
      />
    </Field>
  );
}

/** A checkbox row across the form grid. */
export function TemplateCheck({ field, checked, onChange, children }: { field: string; checked: boolean; onChange: (on: boolean) => void; children: ReactNode }) {
  return (
    <label className="form-field form-check form-span">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} data-testid={testIdOf(field)} />
      {children}
    </label>
  );
}

/** A switchable part of the template (Hotspot, PPPoE, API hardening): its fields show while it is on. */
export function TemplateSection({ field, title, on, onToggle, hint, error, children }: { field: string; title: string; on: boolean; onToggle: (on: boolean) => void; hint: string; error?: string | undefined; children: ReactNode }) {
  return (
    <fieldset className="form-span template-section" data-testid={`template-section-${field}`}>
      <legend>
        <label className="check">
          <input type="checkbox" checked={on} onChange={(e) => onToggle(e.target.checked)} data-testid={`template-toggle-${field}`} />
          {title}
        </label>
      </legend>
      {!on && <p className="muted small-text">{hint}</p>}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {on && <div className="form-grid">{children}</div>}
    </fieldset>
  );
}
