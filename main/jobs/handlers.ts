import { checkJobAction, jobAccessOf } from '../auth/permissions';
import type { Role, Session } from '../auth/session';
import { DomainError } from '../contract/errors';
import type { DomainHandlers } from '../contract/domain-handlers';
import type { JobAction, jobsInvokes } from './contract';
import type { TenantScope } from './job-store';
import type { JobServices } from './job-services';
import { detailFor, summaryFor } from './job-views';

/**
 * Which jobs a session may see and act on: a system admin sees all; everyone else only their
 * tenant's (a user without a tenant who is not a system admin sees none).
 */
export function jobScope(session: Session): TenantScope {
  const user = session.user;
  if (user?.role === 'system_admin') return 'all';
  return { tenantId: user?.tenantId ?? -1 };
}

// The invoke table lets only signed-in users this far.
const roleOf = (session: Session): Role => session.user!.role;

/** Refuses an action the permission table does not give the session's role for this job's kind. */
function authorize(services: JobServices, session: Session, id: number, action: JobAction): void {
  const refusal = checkJobAction(session, services.jobs.summary(id, jobScope(session)).queue, action);
  if (refusal) throw new DomainError(refusal.code, refusal.message);
}

export const jobsHandlers: DomainHandlers<keyof typeof jobsInvokes, JobServices> = {
  'jobs.queues': (_input, { services, session }) => services.jobs.queueStats(jobScope(session)),
  'jobs.list': (input, { services, session }) => ({
    jobs: services.jobs.list(jobScope(session), input).map((job) => summaryFor(roleOf(session), job)),
    access: jobAccessOf(roleOf(session)),
  }),
  'jobs.failed': (input, { services, session }) => ({
    jobs: services.jobs.failed(jobScope(session), input).map((job) => summaryFor(roleOf(session), job)),
    access: jobAccessOf(roleOf(session)),
  }),
  'jobs.detail': ({ id }, { services, session }) => detailFor(roleOf(session), services.jobs.detail(id, jobScope(session))),
  'jobs.retry': ({ id }, { services, session }) => {
    authorize(services, session, id, 'retry');
    return summaryFor(roleOf(session), services.jobs.retry(id, jobScope(session)));
  },
  'jobs.discard': ({ id }, { services, session }) => {
    authorize(services, session, id, 'discard');
    return services.jobs.discard(id, jobScope(session));
  },
  'jobs.cancel': ({ id }, { services, session }) => {
    authorize(services, session, id, 'cancel');
    return summaryFor(roleOf(session), services.jobs.cancel(id, jobScope(session)));
  },
  'jobs.diagnose': (input, { services }) => {
    const { jobId } = services.jobs.enqueue('jobs.diagnostic', input);
    return { jobId };
  },
};
