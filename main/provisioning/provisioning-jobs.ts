import { z } from 'zod';
import { defineJob, jobSet, type MainJobContext } from '../jobs/define-job';
import type { ProvisioningServices } from './provisioning-services';
import { runProvisioning } from './provisioning-run';

/** Templates planned and applied on routers, on the router-provisioning queue (DESIGN.md, "Router provisioning"). */
export const provisioningJobs = jobSet(
  defineJob({
    name: 'provisioning.run',
    queue: 'router-provisioning',
    runs: 'main',
    summary: 'Plans a template on one router from what it has now and, for an apply, carries the plan out step by step.',
    payload: z.object({ runId: z.number().int().positive() }).strict(),
    handler: ({ runId }, { services }: MainJobContext<ProvisioningServices>) => runProvisioning(services, runId),
  }),
);
