import { useEffect, useState } from 'react';

/** The wall clock, re-read every `intervalMs`: for ticking displayed times locally (never a backend poll). */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
