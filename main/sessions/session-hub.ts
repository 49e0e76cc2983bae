import { DomainError } from '../contract/errors';
import { channelOf } from '../events/channels';
import type { EventBus } from '../events/event-bus';
import { sessionEvents, type HotspotSession, type PppoeSession, type SessionDelta, type SessionSnapshot } from './contract';
import { COALESCE_WINDOW_MS, DeltaCoalescer, updatesPerBatch } from './delta-coalescer';
import { LiveSessionSet, type LiveRow } from './live-session-set';

type Kind = 'hotspot' | 'pppoe';
interface KindState<S extends LiveRow> {
  sets: Map<number, LiveSessionSet<S>>;
  coalescer: DeltaCoalescer<S>;
}

/**
 * The console's live view of every tenant's sessions: router deltas go in, effective and
 * coalesced deltas go out on `tenant.{id}.sessions.*`, and views read consistent snapshots.
 */
export class SessionHub {
  private readonly hotspot: KindState<HotspotSession>;
  private readonly pppoe: KindState<PppoeSession>;

  constructor(private readonly bus: EventBus) {
    // Smaller batches on a channel many consoles follow: each gets its own copy (see updatesPerBatch).
    const cap = (def: (typeof sessionEvents)[keyof typeof sessionEvents]) => (tenantId: number) => updatesPerBatch(bus.subscriberCount(channelOf(def, tenantId)));
    this.hotspot = {
      sets: new Map(),
      coalescer: new DeltaCoalescer((t, d) => bus.publish('HotspotSessionsChanged', d, t), COALESCE_WINDOW_MS, undefined, cap(sessionEvents.HotspotSessionsChanged)),
    };
    this.pppoe = {
      sets: new Map(),
      coalescer: new DeltaCoalescer((t, d) => bus.publish('PppoeSessionsChanged', d, t), COALESCE_WINDOW_MS, undefined, cap(sessionEvents.PppoeSessionsChanged)),
    };
  }

  applyHotspot(tenantId: number, delta: SessionDelta<HotspotSession>): void {
    this.hotspot.coalescer.push(tenantId, this.set(this.hotspot, tenantId).apply(delta));
  }

  applyPppoe(tenantId: number, delta: SessionDelta<PppoeSession>): void {
    this.pppoe.coalescer.push(tenantId, this.set(this.pppoe, tenantId).apply(delta));
  }

  /** A router went away or was removed: its sessions end on screen. */
  endRouter(tenantId: number, routerId: number): void {
    this.hotspot.coalescer.push(tenantId, this.set(this.hotspot, tenantId).endRouter(routerId));
    this.pppoe.coalescer.push(tenantId, this.set(this.pppoe, tenantId).endRouter(routerId));
  }

  hotspotSnapshot(tenantId: number, routerId?: number): SessionSnapshot<HotspotSession> {
    return this.snapshot(this.hotspot, 'hotspot', tenantId, routerId);
  }

  pppoeSnapshot(tenantId: number, routerId?: number): SessionSnapshot<PppoeSession> {
    return this.snapshot(this.pppoe, 'pppoe', tenantId, routerId);
  }

  hotspotSession(tenantId: number, key: string): HotspotSession | undefined {
    return this.hotspot.sets.get(tenantId)?.get(key);
  }

  pppoeSession(tenantId: number, key: string): PppoeSession | undefined {
    return this.pppoe.sets.get(tenantId)?.get(key);
  }

  /** The tenant whose live set holds this session key (system admins act across tenants). */
  tenantOfKey(kind: Kind, key: string): number | undefined {
    const state = kind === 'hotspot' ? this.hotspot : this.pppoe;
    for (const [tenantId, set] of state.sets as Map<number, LiveSessionSet<LiveRow>>) if (set.get(key)) return tenantId;
    return undefined;
  }

  /** Counts per tenant. */
  counts(tenantId: number): { hotspot: number; pppoe: number } {
    return { hotspot: this.hotspot.sets.get(tenantId)?.size ?? 0, pppoe: this.pppoe.sets.get(tenantId)?.size ?? 0 };
  }

  /** Counts over every tenant (the console's /metrics). */
  totals(): { hotspot: number; pppoe: number } {
    const sum = (sets: Map<number, { size: number }>) => [...sets.values()].reduce((n, set) => n + set.size, 0);
    return { hotspot: sum(this.hotspot.sets), pppoe: sum(this.pppoe.sets) };
  }

  /** Per router of a tenant: sessions of each kind and summed rates, for the dashboard. */
  routerTotals(tenantId: number): Map<number, { hotspot: number; pppoe: number; inBps: number; outBps: number }> {
    const result = new Map<number, { hotspot: number; pppoe: number; inBps: number; outBps: number }>();
    const add = (routerId: number, kind: 'hotspot' | 'pppoe', t: { sessions: number; inBps: number; outBps: number }) => {
      const r = result.get(routerId) ?? { hotspot: 0, pppoe: 0, inBps: 0, outBps: 0 };
      r[kind] += t.sessions;
      r.inBps += t.inBps;
      r.outBps += t.outBps;
      result.set(routerId, r);
    };
    for (const [id, t] of this.hotspot.sets.get(tenantId)?.totalsByRouter() ?? []) add(id, 'hotspot', t);
    for (const [id, t] of this.pppoe.sets.get(tenantId)?.totalsByRouter() ?? []) add(id, 'pppoe', t);
    return result;
  }

  /** Pushes pending batches out now. */
  drain(): void {
    this.hotspot.coalescer.drain();
    this.pppoe.coalescer.drain();
  }

  private set<S extends LiveRow>(state: KindState<S>, tenantId: number): LiveSessionSet<S> {
    let set = state.sets.get(tenantId);
    if (!set) state.sets.set(tenantId, (set = new LiveSessionSet<S>()));
    return set;
  }

  private snapshot<S extends LiveRow>(state: KindState<S>, kind: Kind, tenantId: number, routerId?: number): SessionSnapshot<S> {
    // Pending batches go out first, so the snapshot's seq covers everything it contains.
    state.coalescer.drain();
    const def = kind === 'hotspot' ? sessionEvents.HotspotSessionsChanged : sessionEvents.PppoeSessionsChanged;
    return { seq: this.bus.currentSeq(channelOf(def, tenantId)), sessions: this.set(state, tenantId).list(routerId) };
  }
}

export function requireTenant(scope: number | null, requested: number | undefined): number {
  const tenantId = scope ?? requested;
  if (tenantId === undefined) {
    throw new DomainError('invalid_input', 'choose a tenant to see its sessions', { fields: { tenantId: 'required for system admins' } });
  }
  return tenantId;
}
