import type { Session } from '../auth/session';
import type { DomainHandlers } from '../core/handlers';
import type { jobsInvokes } from './contract';
import type { TenantScope } from './job-store';

/**
 * Which jobs a session may see and act on: a system admin sees all; everyone else only their
 * tenant's (a user without a tenant who is not a system admin sees none).
 */
export function jobScope(session: Session): TenantScope {
  const user = session.user;
  if (user?.role === 'system_admin') return 'all';
  return { tenantId: user?.tenantId ?? -1 };
}

export const jobsHandlers: DomainHandlers<keyof typeof jobsInvokes> = {
  'jobs.queues': (_input, { services, session }) => services.jobs.queueStats(jobScope(session)),
  'jobs.list': (input, { services, session }) => ({ jobs: services.jobs.list(jobScope(session), input) }),
  'jobs.failed': (input, { services, session }) => ({ jobs: services.jobs.failed(jobScope(session), input) }),
  'jobs.detail': ({ id }, { services, session }) => services.jobs.detail(id, jobScope(session)),
  'jobs.retry': ({ id }, { services, session }) => services.jobs.retry(id, jobScope(session)),
  'jobs.discard': ({ id }, { services, session }) => services.jobs.discard(id, jobScope(session)),
  'jobs.cancel': ({ id }, { services, session }) => services.jobs.cancel(id, jobScope(session)),
  'jobs.diagnose': (input, { services }) => {
    const { jobId } = services.jobs.enqueue('jobs.diagnostic', input);
    return { jobId };
  },
};
