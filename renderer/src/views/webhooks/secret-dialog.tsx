import { useId, useRef, useState } from 'react';
import { useFocusTrap } from '../../components/use-focus-trap';
import { hostOf } from './webhooks-live';
import './webhooks.css';

export interface SecretDialogProps {
  url: string;
  secret: string;
  onClose: () => void;
}

/**
 * A webhook's signing secret, shown this once (after it is made or replaced): the console keeps it
 * sealed and never shows it again, so it says so, and offers to copy it.
 */
export function SecretDialog({ url, secret, onClose }: SecretDialogProps) {
  const titleId = useId();
  const fieldId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const copyRef = useRef<HTMLButtonElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  useFocusTrap(dialogRef, onClose, copyRef);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('Copied to the clipboard.');
    } catch {
      // No clipboard here (an insecure origin, a denied permission): select it for Ctrl+C instead.
      inputRef.current?.select();
      setCopied('The clipboard is not available here: the secret is selected, copy it with Ctrl+C.');
    }
  };

  return (
    <div className="modal-backdrop">
      <div className="modal webhook-secret" ref={dialogRef} role="dialog" aria-modal="true" aria-labelledby={titleId} data-testid="webhook-secret">
        <h2 id={titleId}>Signing secret for {hostOf(url)}</h2>
        <p>
          Your receiver checks each delivery’s <code>X-Noc-Signature</code> with this secret. <strong>Copy it now: it is not shown again.</strong> If it is lost, make a new one.
        </p>
        <div className="form-field">
          <label htmlFor={fieldId}>Secret</label>
          <div className="input-with-button">
            <input id={fieldId} ref={inputRef} className="mono" readOnly value={secret} onFocus={(e) => e.target.select()} data-testid="webhook-secret-value" />
            <button type="button" ref={copyRef} onClick={() => void copy()} data-testid="webhook-secret-copy">
              Copy
            </button>
          </div>
          <span className="field-hint" role="status" data-testid="webhook-secret-copied">
            {copied ?? ''}
          </span>
        </div>
        <div className="modal-actions">
          <button type="button" className="primary" onClick={onClose} data-testid="webhook-secret-done">
            Done
          </button>
        </div>
      </div>
    </div>
  );
}
