import type { ReactNode } from 'react';

export interface FieldProps {
  /** The control's id; the label points at it and the message is `${id}-message`. */
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string;
  /** The message's test id is `${testId}-error`. */
  testId: string;
  /** Spans both columns of the form grid. */
  wide?: boolean;
  children: ReactNode;
}

/** A labelled control of a form grid with its error (or hint) under it. */
export function Field(props: FieldProps) {
  return (
    <div className={`form-field${props.error ? ' has-error' : ''}${props.wide ? ' form-span' : ''}`}>
      <label htmlFor={props.id}>{props.label}</label>
      {props.children}
      {props.error ? (
        <span className="field-error" id={`${props.id}-message`} role="alert" data-testid={`${props.testId}-error`}>
          {props.error}
        </span>
      ) : props.hint ? (
        <span className="field-hint" id={`${props.id}-message`}>
          {props.hint}
        </span>
      ) : null}
    </div>
  );
}

/** What the control inside a Field carries, so its error or hint is read with it. */
export function fieldAria(id: string, error: string | undefined, hint?: string) {
  return { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': error || hint ? `${id}-message` : undefined } as const;
}
