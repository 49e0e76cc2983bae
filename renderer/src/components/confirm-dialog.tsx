import '../styles/components.css';
import { useId, useRef, type ReactNode } from 'react';
import { useStale } from '../stores/connection-store';
import { useFocusTrap } from './use-focus-trap';

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
 * A modal confirmation: focus starts on Cancel (a stray Enter does not disconnect anyone), Tab
 * stays inside, Escape and the backdrop cancel, and focus returns to the opener on close.
 * Render it only while it is open.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const titleId = useId();
  const bodyId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useFocusTrap(dialogRef, props.onCancel, cancelRef);
  // Confirming on out-of-date state could act on a session or router that is already gone.
  const stale = useStale();

  return (
    <div className="modal-backdrop" onClick={(e) => e.target === e.currentTarget && props.onCancel()}>
      <div className="modal" ref={dialogRef} role="dialog" aria-modal="true" aria-labelledby={titleId} aria-describedby={bodyId} data-testid={props.testId}>
        <h2 id={titleId}>{props.title}</h2>
        <div id={bodyId} className="modal-body">
          {props.children}
        </div>
        <div className="modal-actions">
          <button type="button" ref={cancelRef} onClick={props.onCancel} data-testid={`${props.testId}-cancel`}>
            Cancel
          </button>
          <button
            type="button"
            className={props.danger ? 'danger' : 'primary'}
            onClick={props.onConfirm}
            disabled={props.busy || stale}
            title={stale ? 'Waiting for the console to be reachable and current again' : undefined}
            data-testid={`${props.testId}-confirm`}
          >
            {props.confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
