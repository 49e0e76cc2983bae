import { readScope, writeTenant } from '../auth/tenant-scope';
import { DomainError } from '../contract/errors';
import type { DomainHandlers, HandlerContext } from '../contract/domain-handlers';
import type { AdoptionServices } from './adoption-services';
import type { adoptionInvokes } from './contract';

type ImportJob = 'routers.import-preview' | 'routers.import';

/** Both read the router in a job (a person never waits on a router); the outcome arrives as an event. */
const queue = (job: ImportJob) => async ({ routerId }: { routerId: number }, { services, session }: HandlerContext<AdoptionServices>): Promise<{ jobId: number }> => {
  const router = await services.accounts.read((tx) => tx.routers.get(readScope(session), routerId));
  if (!router) throw new DomainError('not_found', `Router ${routerId} does not exist in your tenant.`);
  const tenantId = writeTenant(session, router.tenantId);
  return services.business.run(async (tx) => {
    const user = session.user;
    const { jobId } = await tx.jobs.enqueue(job, { routerId, actorId: user?.id ?? null, actorName: user?.username ?? null }, { tenantId });
    return { jobId };
  });
};

export const adoptionHandlers: DomainHandlers<keyof typeof adoptionInvokes, AdoptionServices> = {
  'routers.importPreview': queue('routers.import-preview'),
  'routers.import': queue('routers.import'),
};
