import { create } from 'zustand';

/** How long a toast stays: a success is read at a glance; a failure needs time to be read and acted on. */
export const TOAST_MS = { ok: 5_000, bad: 12_000 } as const;
/** More at once would cover the view; the oldest go first. */
export const TOASTS_SHOWN = 4;

export interface Toast {
  id: number;
  tone: 'ok' | 'bad';
  text: string;
}

interface ToastState {
  toasts: readonly Toast[];
}

/** Answers to a person's actions ("hs0001 disconnected from north-02"), newest last. */
export const useToastStore = create<ToastState>(() => ({ toasts: [] }));

let nextId = 1;
const timers = new Map<number, ReturnType<typeof setTimeout>>();

export const toastSelectors = {
  toasts: (s: ToastState) => s.toasts,
};

export function dismissToast(id: number): void {
  clearTimeout(timers.get(id));
  timers.delete(id);
  useToastStore.setState((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
}

/** Shows a toast and dismisses it after its time; returns its id. */
export function toast(tone: Toast['tone'], text: string): number {
  const id = nextId++;
  useToastStore.setState((s) => {
    const toasts = [...s.toasts, { id, tone, text }];
    for (const dropped of toasts.slice(0, Math.max(0, toasts.length - TOASTS_SHOWN))) {
      clearTimeout(timers.get(dropped.id));
      timers.delete(dropped.id);
    }
    return { toasts: toasts.slice(-TOASTS_SHOWN) };
  });
  timers.set(
    id,
    setTimeout(() => dismissToast(id), TOAST_MS[tone]),
  );
  return id;
}

export function resetToasts(): void {
  for (const timer of timers.values()) clearTimeout(timer);
  timers.clear();
  useToastStore.setState({ toasts: [] }, true);
}
