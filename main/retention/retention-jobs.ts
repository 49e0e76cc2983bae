import { z } from 'zod';
import { defineJob, jobSet, type MainJobContext, type ScheduleDefinition } from '../jobs/define-job';
import { RETENTION } from './contract';
import type { RetentionServices } from './retention-services';
import { sweepRetention } from './retention-sweep';

/**
 * The daily retention sweep, on the log-rotation queue with the other housekeeping. On the main
 * thread: it is a few indexed deletes in small batches, each a unit of work of the account stores.
 * (Queue logs and finished job rows have their own daily housekeeping: jobs.rotate-logs.)
 */
export const retentionJobs = jobSet(
  defineJob({
    name: 'retention.sweep',
    queue: 'log-rotation',
    runs: 'main',
    summary: `Deletes audit entries past the retention setting, sign-in attempts and lockouts past ${RETENTION.signInAttemptsDays} days, and sessions over for ${RETENTION.endedSessionsDays} days.`,
    payload: z.object({}).strict(),
    handler: async (_payload, { services, signal, log }: MainJobContext<RetentionServices>) => {
      const removed = await sweepRetention(services.accounts, Date.now(), signal);
      log('retention sweep removed old rows', { ...removed });
      services.log.info('retention sweep removed old rows', { component: 'retention', ...removed });
      return removed;
    },
  }),
);

export const retentionSchedules: ScheduleDefinition[] = [{ key: 'retention.daily', job: 'retention.sweep', payload: {}, daily: { at: RETENTION.dailyAt } }];
