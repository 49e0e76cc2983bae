import '../styles/components.css';
import { dismissToast, toastSelectors, useToastStore } from './toast-store';

/**
 * Where toasts appear (bottom right, over the view). One polite live region for successes;
 * a failure is its own alert, so a screen reader says it at once.
 */
export function ToastRegion() {
  const toasts = useToastStore(toastSelectors.toasts);
  return (
    <div className="toasts" aria-live="polite" data-testid="toasts">
      {toasts.map((t) => (
        <div key={t.id} className={`toast toast-${t.tone}`} role={t.tone === 'bad' ? 'alert' : undefined} data-testid="toast" data-tone={t.tone}>
          <span className="toast-text">{t.text}</span>
          <button type="button" className="toast-close" aria-label="Dismiss" onClick={() => dismissToast(t.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
