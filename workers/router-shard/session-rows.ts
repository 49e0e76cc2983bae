import type { HotspotSession as RouterHotspotSession } from '../../main/routers/client/hotspot-menus';
import type { PppSession } from '../../main/routers/client/ppp-menus';
import type { LiveSetDelta } from '../../main/routers/client/live-set';
import type { HotspotSession, PppoeSession, SessionDelta } from '../../main/sessions/contract';
import { maskIdentifier } from '../../main/events/mask';

interface Sample {
  bytesIn: number;
  bytesOut: number;
  at: number;
  rateIn: number;
  rateOut: number;
}

/** Rates need two samples at least this far apart; closer ones keep the previous rate. */
const MIN_SAMPLE_GAP_MS = 500;

/**
 * Turns one router's live-set deltas into the console's session rows: keys unique across
 * routers, and bits-per-second rates from successive byte counters.
 */
export class SessionRows {
  private readonly samples = new Map<string, Sample>();

  constructor(
    private readonly routerId: number,
    private readonly routerName: string,
    private readonly now: () => number = () => Date.now(),
  ) {}

  hotspot(delta: LiveSetDelta<RouterHotspotSession>): SessionDelta<HotspotSession> {
    const row = (s: RouterHotspotSession): HotspotSession => ({
      key: this.key(s.id),
      routerId: this.routerId,
      routerName: this.routerName,
      id: s.id,
      server: s.server,
      // Rows are broadcast to every viewer of the tenant: phone numbers and emails are masked.
      user: maskIdentifier(s.user),
      address: s.address,
      macAddress: s.macAddress,
      loginBy: s.loginBy,
      uptimeSeconds: s.uptimeSeconds ?? 0,
      sessionTimeLeftSeconds: s.sessionTimeLeftSeconds,
      bytesIn: s.bytesIn,
      bytesOut: s.bytesOut,
      ...this.rate(s.id, s.bytesIn, s.bytesOut),
    });
    return this.convert(delta, row);
  }

  pppoe(delta: LiveSetDelta<PppSession>): SessionDelta<PppoeSession> {
    const row = (s: PppSession): PppoeSession => ({
      key: this.key(s.id),
      routerId: this.routerId,
      routerName: this.routerName,
      id: s.id,
      name: maskIdentifier(s.name),
      service: s.service,
      // A MAC for PPPoE, but a phone number on dial-up and LTE links: masked like the login.
      callerId: maskIdentifier(s.callerId),
      address: s.address,
      uptimeSeconds: s.uptimeSeconds ?? 0,
      bytesIn: s.bytesIn ?? 0,
      bytesOut: s.bytesOut ?? 0,
      ...this.rate(s.id, s.bytesIn ?? 0, s.bytesOut ?? 0),
    });
    return this.convert(delta, row);
  }

  private convert<T extends { id: string }, S extends { key: string }>(delta: LiveSetDelta<T>, row: (item: T) => S): SessionDelta<S> {
    for (const id of delta.ended) this.samples.delete(id);
    return { started: delta.started.map(row), updated: delta.updated.map(row), ended: delta.ended.map((id) => this.key(id)) };
  }

  private key(id: string): string {
    return `${this.routerId}:${id}`;
  }

  private rate(id: string, bytesIn: number, bytesOut: number): { rateIn: number; rateOut: number } {
    const at = this.now();
    const previous = this.samples.get(id);
    if (!previous) {
      this.samples.set(id, { bytesIn, bytesOut, at, rateIn: 0, rateOut: 0 });
      return { rateIn: 0, rateOut: 0 };
    }
    const seconds = (at - previous.at) / 1000;
    if (seconds * 1000 < MIN_SAMPLE_GAP_MS) return { rateIn: previous.rateIn, rateOut: previous.rateOut };
    // A counter that went down was reset (router reboot, session re-created): no rate this time.
    const rateIn = bytesIn >= previous.bytesIn ? Math.round(((bytesIn - previous.bytesIn) * 8) / seconds) : 0;
    const rateOut = bytesOut >= previous.bytesOut ? Math.round(((bytesOut - previous.bytesOut) * 8) / seconds) : 0;
    this.samples.set(id, { bytesIn, bytesOut, at, rateIn, rateOut });
    return { rateIn, rateOut };
  }
}
