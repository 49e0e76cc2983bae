import type { SubscriberSummary } from '../../../../main/subscribers/contract';
import { ACCESS_CHANGE_HEADLINES, ACCESS_FINISHING, accessSteps } from './subscriber-access';
import '../../styles/subscriber-ledger.css';

export interface SubscriberAccessBannerProps {
  subscriber: Pick<SubscriberSummary, 'accessChange' | 'routers'>;
  routerName: (routerId: number) => string;
}

/**
 * The payment → reconnect (or expiry) chain while it runs: "Reconnecting after payment — waiting
 * for router hq-1", a failed router in its own words. A polite live region, so it is announced as
 * it changes; gone when `accessChange` is null (every router is in line).
 */
export function SubscriberAccessBanner({ subscriber, routerName }: SubscriberAccessBannerProps) {
  const change = subscriber.accessChange;
  if (change === null) return null;
  const steps = accessSteps(change, subscriber.routers, routerName);
  return (
    <div className="access-change" role="status" data-testid="subscriber-access-change" data-change={change}>
      <p>
        <strong>{ACCESS_CHANGE_HEADLINES[change]}</strong>
        {steps.length === 0 && ` — ${ACCESS_FINISHING}`}
        {steps.map((s, i) => (
          <span key={s.routerId} className={s.failed ? 'access-failed' : undefined} data-testid={`subscriber-access-${s.routerId}`}>
            {i === 0 ? ' — ' : '; '}
            {s.text}
          </span>
        ))}
      </p>
    </div>
  );
}
