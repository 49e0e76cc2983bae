import { create } from 'zustand';
import type { RouterLiveStatus } from '../../../../main/routers/contract';
import type { DhcpLeaseRow, InterfaceRate, RouterInterfaceRow, RouterLogLine, RouterWatchSnapshot } from '../../../../main/routers/watch-contract';

/** Live points kept per interface: five minutes at one a second. */
export const LIVE_POINTS = 300;
/** Log lines kept on the page (RouterOS keeps 1000 in memory; the page shows the recent ones). */
export const LOG_LINES = 500;

/** One second of one interface, for the live chart. */
export interface LivePoint {
  t: number;
  rx: number;
  tx: number;
}

export interface RouterPageState {
  routerId: number | null;
  name: string;
  status: RouterLiveStatus | null;
  interfaces: readonly RouterInterfaceRow[];
  leases: readonly DhcpLeaseRow[];
  log: readonly RouterLogLine[];
  /** Every topic seen in the log (for the filter's suggestions), sorted. */
  topics: readonly string[];
  /** Per interface, the seconds received since the page opened, oldest first. */
  live: ReadonlyMap<string, readonly LivePoint[]>;
  readError: string | null;
  loaded: boolean;
  error: string | null;
}

export const initialRouterPageState: RouterPageState = {
  routerId: null, name: '', status: null, interfaces: [], leases: [], log: [], topics: [], live: new Map(), readError: null, loaded: false, error: null,
};

/** The router page's store: one snapshot (routers.watch), then traffic and log events. Pure (no bridge); see router-page-live.ts. */
export const useRouterPageStore = create<RouterPageState>(() => initialRouterPageState);

const set = useRouterPageStore.setState;

/** Lines not seen yet (by the router's id: a reconnect's print repeats some), appended and capped. */
function withLines(log: readonly RouterLogLine[], lines: readonly RouterLogLine[]): RouterLogLine[] {
  const seen = new Set(log.map((l) => l.id));
  const fresh = lines.filter((l) => l.id === '' || !seen.has(l.id));
  const all = fresh.length ? [...log, ...fresh] : [...log];
  return all.length > LOG_LINES ? all.slice(all.length - LOG_LINES) : all;
}

function topicsOf(log: readonly RouterLogLine[], known: readonly string[] = []): string[] {
  const topics = new Set(known);
  for (const line of log) for (const t of line.topics.split(',')) if (t) topics.add(t);
  return [...topics].sort();
}

export const routerPageSelectors = {
  interfaces: (s: RouterPageState) => s.interfaces,
  leases: (s: RouterPageState) => s.leases,
  log: (s: RouterPageState) => s.log,
  topics: (s: RouterPageState) => s.topics,
  live: (s: RouterPageState) => s.live,
  status: (s: RouterPageState) => s.status,
  name: (s: RouterPageState) => s.name,
  readError: (s: RouterPageState) => s.readError,
  loaded: (s: RouterPageState) => s.loaded,
  error: (s: RouterPageState) => s.error,
};

export const routerPageActions = {
  snapshot(snapshot: RouterWatchSnapshot) {
    // A refetched snapshot (after a gap) keeps the live points and any lines it does not repeat.
    set((s) => {
      const log = withLines(s.routerId === snapshot.routerId ? s.log : [], snapshot.log);
      return {
        routerId: snapshot.routerId,
        name: snapshot.name,
        status: snapshot.status,
        interfaces: snapshot.interfaces,
        leases: snapshot.leases,
        log,
        topics: topicsOf(log),
        live: s.routerId === snapshot.routerId ? s.live : new Map(),
        readError: snapshot.readError,
        loaded: true,
        error: null,
      };
    });
  },
  sampled(routerId: number, at: string, rates: readonly InterfaceRate[]) {
    set((s) => {
      if (s.routerId !== routerId) return {};
      const t = Date.parse(at);
      const live = new Map(s.live);
      for (const r of rates) {
        const points = live.get(r.name) ?? [];
        const next = [...(points.length >= LIVE_POINTS ? points.slice(points.length - LIVE_POINTS + 1) : points), { t, rx: r.rxBps, tx: r.txBps }];
        live.set(r.name, next);
      }
      const byName = new Map(rates.map((r) => [r.name, r]));
      const interfaces = s.interfaces.map((i) => {
        const r = byName.get(i.name);
        return r ? { ...i, rxBps: r.rxBps, txBps: r.txBps } : i;
      });
      return { live, interfaces };
    });
  },
  logged(routerId: number, lines: readonly RouterLogLine[]) {
    set((s) => {
      if (s.routerId !== routerId) return {};
      const log = withLines(s.log, lines);
      return { log, topics: topicsOf(lines, s.topics) };
    });
  },
  /** Applies one event of `tenant.{id}.router-live`; other routers' events (colleagues' pages) are skipped. */
  event(routerId: number, name: string, payload: unknown) {
    const p = payload as { routerId: number };
    if (p.routerId !== routerId) return;
    if (name === 'RouterTrafficSampled') {
      const { at, interfaces } = payload as { at: string; interfaces: InterfaceRate[] };
      routerPageActions.sampled(routerId, at, interfaces);
    } else if (name === 'RouterLogLines') routerPageActions.logged(routerId, (payload as { lines: RouterLogLine[] }).lines);
  },
  opening(routerId: number) {
    set({ ...initialRouterPageState, routerId });
  },
  failed(message: string) {
    set({ error: message, loaded: true });
  },
};

/** Whether a log line's topics match the filter (any topic containing the text; empty shows all). */
export function matchesTopic(line: RouterLogLine, filter: string): boolean {
  const wanted = filter.trim().toLowerCase();
  return wanted === '' || line.topics.toLowerCase().split(',').some((t) => t.includes(wanted));
}

export function resetRouterPageStore(): void {
  useRouterPageStore.setState(initialRouterPageState, true);
}
