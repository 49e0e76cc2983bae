import type { HotspotSession } from '../../../main/sessions/contract';

/** A hotspot session for tests and benches; `n` picks the values. */
export function hotspotSession(n: number, over: Partial<HotspotSession> = {}): HotspotSession {
  const routerId = (n % 5) + 1;
  return {
    key: `${routerId}:*${n.toString(16)}`,
    routerId,
    routerName: `router-${routerId}`,
    id: `*${n.toString(16)}`,
    server: 'hs1',
    user: `user${n}`,
    address: `10.0.${(n >> 8) & 255}.${n & 255}`,
    macAddress: `02:00:00:00:${((n >> 8) & 255).toString(16).padStart(2, '0')}:${(n & 255).toString(16).padStart(2, '0')}`,
    loginBy: n % 3 === 0 ? 'cookie' : 'http-chap',
    uptimeSeconds: (n * 37) % 7200,
    sessionTimeLeftSeconds: n % 4 === 0 ? null : 3600 - ((n * 13) % 3600),
    bytesIn: (n * 7919) % 100_000_000,
    bytesOut: (n * 104729) % 10_000_000,
    rateIn: (n * 31) % 5_000_000,
    rateOut: (n * 17) % 1_000_000,
    ...over,
  };
}
