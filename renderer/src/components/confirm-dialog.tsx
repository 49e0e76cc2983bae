import '../styles/components.css';
import { useEffect, useId, useRef, type ReactNode } from 'react';

export interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** Styles the confirm button as destructive. */
  danger?: boolean;
  busy?: boolean;
  testId: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A modal confirmation: focus starts on Cancel (a stray Enter does not disconnect anyone),
 * Escape and the backdrop cancel. Render it only while it is open.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const titleId = useId();
  const bodyId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const { onCancel } = props;

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    cancelRef.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onCancel();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      previous?.focus?.();
    };
  }, [onCancel]);

  return (
    <div className="modal-backdrop" onClick={(e) => e.target === e.currentTarget && onCancel()}>
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby={titleId} aria-describedby={bodyId} data-testid={props.testId}>
        <h2 id={titleId}>{props.title}</h2>
        <div id={bodyId} className="modal-body">
          {props.children}
        </div>
        <div className="modal-actions">
          <button type="button" ref={cancelRef} onClick={onCancel} data-testid={`${props.testId}-cancel`}>
            Cancel
          </button>
          <button
            type="button"
            className={props.danger ? 'danger' : 'primary'}
            onClick={props.onConfirm}
            disabled={props.busy}
            data-testid={`${props.testId}-confirm`}
          >
            {props.confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
