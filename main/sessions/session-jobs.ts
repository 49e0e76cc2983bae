import { z } from 'zod';
import { defineJob, jobSet, type MainJobContext } from '../jobs/define-job';
import { PermanentJobError } from '../jobs/errors';
import { RouterIoError } from '../routers/io/router-io';
import type { SessionServices } from './session-services';

/**
 * Disconnecting a user is desired state, not a blind command: the session must be gone from the
 * router. A retry after the router already removed it (a kick that timed out but happened,
 * a user who logged off) succeeds without doing anything.
 */
export const sessionJobs = jobSet(
  defineJob({
    name: 'sessions.disconnect',
    queue: 'router-provisioning',
    runs: 'main',
    summary: 'Removes a hotspot or PPPoE session on its router; the row goes when the router confirms.',
    payload: z
      .object({
        routerId: z.number().int().positive(),
        kind: z.enum(['hotspot', 'pppoe']),
        sessionId: z.string().regex(/^\*[0-9A-Fa-f]+$/),
        label: z.string().max(200),
      })
      .strict(),
    handler: async ({ routerId, kind, sessionId }, { services, tenantId, attempt, maxAttempts }: MainJobContext<SessionServices>) => {
      const record = await services.accounts.read((tx) => tx.routers.get(tenantId, routerId));
      if (!record) throw new PermanentJobError(`router ${routerId} no longer exists`);
      try {
        return await services.liveRouters.kick(routerId, kind, sessionId);
      } catch (error) {
        const permanent = error instanceof RouterIoError && error.permanent;
        // The view shows "disconnecting…" until the row ends; tell it when that will not happen.
        if (permanent || attempt >= maxAttempts) {
          const failure = { key: `${routerId}:${sessionId}`, message: `could not disconnect: ${(error as Error).message}` };
          services.bus.publish(kind === 'hotspot' ? 'HotspotDisconnectFailed' : 'PppoeDisconnectFailed', failure, record.tenantId);
        }
        throw permanent ? new PermanentJobError((error as Error).message) : error;
      }
    },
  }),
);
