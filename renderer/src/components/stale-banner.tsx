import '../styles/components.css';
import { useEffect } from 'react';
import { connectionSelectors, useConnectionStore, useStale } from '../stores/connection-store';
import { useFormat } from '../format/use-format';

/**
 * Says plainly when what the screen shows may be out of date, and dims every table and card while
 * it is (the `stale` class on the root), so old numbers are not read as live. Actions disable
 * themselves through `useStale`.
 */
export function StaleBanner() {
  const stale = useStale();
  const state = useConnectionStore(connectionSelectors.state);
  const lostAt = useConnectionStore(connectionSelectors.lostAt);
  const { time } = useFormat();

  useEffect(() => {
    document.documentElement.classList.toggle('stale', stale);
  }, [stale]);

  if (!stale) return null;
  const back = state === 'connected';
  return (
    <div className={`stale-banner${back ? ' stale-banner-back' : ''}`} role="status" data-testid="stale-banner" data-state={state}>
      {back
        ? 'Catching up with what changed meanwhile: actions are enabled again once this view is current.'
        : `The console backend is unreachable${lostAt === null ? '' : ` since ${time(lostAt)}`}: what you see may be out of date, and actions are paused until it is back.${state === 'offline' ? ' Check the network or that the console is running.' : ''}`}
    </div>
  );
}
