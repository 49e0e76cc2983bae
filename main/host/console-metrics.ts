import { Gauge, Registry } from 'prom-client';
import type { CoreServices } from '../core/services';

type MetricsServices = Pick<CoreServices, 'sessions' | 'routerStatus' | 'jobs' | 'metrics' | 'liveRouters'>;

const JOB_STATES = ['queued', 'running', 'failed'] as const;

/**
 * The console server's Prometheus metrics. Every figure is read from the service that already
 * keeps it when a scrape asks (prom-client `collect` callbacks), so nothing polls in between and
 * an unscraped console pays nothing. Labels are kinds, states and queue names only: no tenant,
 * router or user appears, so the endpoint leaks nothing of the tenants and its series stay few.
 */
export function consoleMetrics(services: MetricsServices, consoles: () => number): Registry {
  const registry = new Registry();
  const gauge = <L extends string>(name: string, help: string, labelNames: readonly L[], collect: (g: Gauge<L>) => void) =>
    new Gauge<L>({
      name,
      help,
      labelNames,
      registers: [registry],
      collect() {
        // Labels that vanished since the last scrape (a queue emptied of failures) go too.
        this.reset();
        collect(this);
      },
    });

  gauge('noc_sessions', 'Live hotspot and PPPoE sessions on all watched routers.', ['kind'], (g) => {
    const totals = services.sessions.totals();
    g.set({ kind: 'hotspot' }, totals.hotspot);
    g.set({ kind: 'pppoe' }, totals.pppoe);
  });
  gauge('noc_routers', 'Watched routers by connection state.', ['state'], (g) => {
    for (const [state, count] of services.routerStatus.countByState()) g.set({ state }, count);
  });
  gauge('noc_jobs', 'Jobs by queue and state (failed: kept for a retry from the Jobs view).', ['queue', 'state'], (g) => {
    for (const q of services.jobs.queueStats('all').queues) for (const state of JOB_STATES) g.set({ queue: q.queue, state }, q[state]);
  });
  gauge('noc_router_shards_down', 'Router connection workers down now, waiting to start again.', [], (g) => g.set(services.liveRouters.shardsDown));
  gauge('noc_router_shard_restarts', 'Router connection workers that died and were started again since start.', [], (g) => g.set(services.liveRouters.shardRestarts));
  gauge('noc_event_loop_lag_seconds', "The main thread's event-loop lag since start (or the last system.metrics reset): p50, p99, max.", ['stat'], (g) => {
    const { eventLoopLag } = services.metrics.read(false);
    for (const stat of ['p50', 'p99', 'max'] as const) g.set({ stat }, eventLoopLag[stat] / 1000);
  });
  gauge('noc_process_resident_memory_bytes', "The console process's resident memory.", [], (g) => g.set(services.metrics.read(false).rssBytes));
  gauge('noc_process_heap_used_bytes', "The console process's used JavaScript heap.", [], (g) => g.set(services.metrics.read(false).heapUsedBytes));
  gauge('noc_consoles_connected', 'Console clients (browser tabs, desktop apps, scripts) connected over WebSocket.', [], (g) => g.set(consoles()));
  return registry;
}
