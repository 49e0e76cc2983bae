import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';
import type { Logger } from '../core/logger';
import type { HealthCheck } from './health-check';

export interface OpsRoutesOptions {
  health: HealthCheck;
  metrics: Registry;
  /** Whether this request may read /metrics (metricsAccess). */
  mayReadMetrics: (req: IncomingMessage) => boolean;
  log: Logger;
}

const NO_STORE = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };

/**
 * `GET /healthz` (open: statuses only, 200 or 503) and `GET /metrics` (Prometheus text, loopback
 * or a Bearer token). Returns false for any other path.
 */
export function opsRoutes(options: OpsRoutesOptions) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/healthz' && path !== '/metrics') return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', ...NO_STORE }).end();
      return true;
    }
    if (path === '/healthz') {
      // The report never rejects: a store that refuses the probe reads as unhealthy.
      void options.health.report().then((report) => {
        res.writeHead(report.status === 'ok' ? 200 : 503, { 'Content-Type': 'application/json', ...NO_STORE });
        res.end(req.method === 'HEAD' ? undefined : JSON.stringify(report));
      });
      return true;
    }
    if (!options.mayReadMetrics(req)) {
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8', ...NO_STORE });
      res.end('/metrics answers this machine only, or a scraper that sends the --metrics-token as "Authorization: Bearer TOKEN".\n');
      return true;
    }
    options.metrics.metrics().then(
      (text) => {
        res.writeHead(200, { 'Content-Type': options.metrics.contentType, ...NO_STORE });
        res.end(req.method === 'HEAD' ? undefined : text);
      },
      (error: unknown) => {
        options.log.error('metrics could not be collected', { error: String(error) });
        if (!res.headersSent) res.writeHead(500, NO_STORE).end();
      },
    );
    return true;
  };
}
