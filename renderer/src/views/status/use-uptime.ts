import { useNow } from '../../components/use-now';

/** Seconds since `startedAt`, ticking locally once a second: a clock, not a backend poll. */
export function useUptime(startedAt: string | undefined): number | null {
  const now = useNow();
  if (!startedAt) return null;
  return Math.max(0, Math.floor((now - Date.parse(startedAt)) / 1000));
}

export function formatDuration(totalSeconds: number): string {
  const d = Math.floor(totalSeconds / 86400);
  const h = Math.floor((totalSeconds % 86400) / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  return [d ? `${d}d` : '', d || h ? `${h}h` : '', d || h || m ? `${m}m` : '', `${s}s`].join('');
}
