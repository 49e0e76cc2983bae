import { writeTenant } from '../auth/tenant-scope';
import type { DomainHandlers } from '../contract/domain-handlers';
import type { routerDraftTestInvokes } from './draft-test-contract';
import type { RouterDraftTestServices } from './router-services';

export const routerDraftTestHandlers: DomainHandlers<keyof typeof routerDraftTestInvokes, RouterDraftTestServices> = {
  'routers.testDraft': ({ tenantId, password, tlsCa, name, host, port, tls, username, encoding }, { services, session }) => {
    const tenant = writeTenant(session, tenantId);
    const { jobId } = services.jobs.enqueue('routers.test-draft', { name, host, port, tls, username, encoding }, { tenantId: tenant, privateInput: { password, tlsCa } });
    return { jobId };
  },
};
