import { useId, useRef, type FormEvent, type ReactNode, type RefObject } from 'react';
import { useFocusTrap } from '../../components/use-focus-trap';
import '../../styles/routers.css';
import '../../styles/business.css';

export interface ModalFormProps {
  title: string;
  testId: string;
  onClose: () => void;
  onSubmit: () => void;
  /** Gets focus on open (the first control otherwise). */
  initialFocus?: RefObject<HTMLElement | null>;
  /** The buttons at the bottom: Cancel is added before them. */
  actions: ReactNode;
  /** A message for the whole form (an error no field claims). */
  formError?: string | null;
  /** Extra class of the dialog box (its width). */
  className?: string;
  children: ReactNode;
}

/**
 * The create/edit dialogs of plans, subscribers and vouchers: a modal form that keeps Tab inside,
 * closes on Escape and gives focus back to the button that opened it (issue 14).
 */
export function ModalForm(props: ModalFormProps) {
  const titleId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusTrap(formRef, props.onClose, props.initialFocus);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit();
  };
  return (
    <div className="modal-backdrop">
      <form ref={formRef} className={`modal wide business-form${props.className ? ` ${props.className}` : ''}`} role="dialog" aria-modal="true" aria-labelledby={titleId} data-testid={props.testId} onSubmit={submit} noValidate>
        <h2 id={titleId}>{props.title}</h2>
        {props.children}
        {props.formError && (
          <p className="error" role="alert" data-testid={`${props.testId}-error`}>
            {props.formError}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" onClick={props.onClose} data-testid={`${props.testId}-cancel`}>
            Cancel
          </button>
          {props.actions}
        </div>
      </form>
    </div>
  );
}
