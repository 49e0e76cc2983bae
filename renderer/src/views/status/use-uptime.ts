import { useNow } from '../../components/use-now';

/** Seconds since `startedAt`, ticking locally once a second: a clock, not a backend poll. */
export function useUptime(startedAt: string | undefined): number | null {
  const now = useNow();
  if (!startedAt) return null;
  return Math.max(0, Math.floor((now - Date.parse(startedAt)) / 1000));
}
