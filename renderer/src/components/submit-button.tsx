import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { useStale } from '../stores/connection-store';

/**
 * A form's submit button: disabled while the form is busy and while the console is stale
 * (backend unreachable, or a view still refetching after a gap), since a change sent then would
 * act on what the screen no longer vouches for.
 */
export function SubmitButton({ busy, children, ...rest }: { busy: boolean; children: ReactNode } & Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'disabled'>) {
  const stale = useStale();
  return (
    <button type="submit" disabled={busy || stale} title={stale ? 'Waiting for the console to be up to date again' : undefined} {...rest}>
      {children}
    </button>
  );
}
