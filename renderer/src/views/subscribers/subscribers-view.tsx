import { useCallback, useEffect, useState } from 'react';
import { TenantPicker } from '../../components/tenant-picker';
import { ViewGate } from '../../components/view-gate';
import { sessionSelectors, useSessionStore } from '../../stores/session-store';
import { useViewTenant } from '../../stores/use-view-tenant';
import { attachHotspot } from '../online-users/hotspot-live';
import { attachPlans } from '../plans/plans-live';
import { attachPppoe } from '../pppoe-sessions/pppoe-live';
import { attachRouters } from '../routers/routers-live';
import { SubscriberDetailPage } from './subscriber-detail-page';
import { SubscriberFormDialog } from './subscriber-form-dialog';
import { SubscriberList } from './subscriber-list';
import { resetSubscribersStore } from './subscribers-store';
import { useHashValue } from './use-hash-value';
import '../../styles/business.css';

/**
 * Subscribers: the list, or one subscriber's page (`?subscriber=<id>`). Plans and routers name
 * what the rows refer to; the live hotspot and PPPoE session tables say who is online. Each is
 * one fetch on mount, then events.
 */
export function SubscribersView() {
  const scope = useViewTenant();
  const { tenantId, isSystemAdmin } = scope;
  const canOperate = useSessionStore(sessionSelectors.canOperate);
  const opened = Number(useHashValue('subscriber'));
  const [creating, setCreating] = useState(false);
  const closeForm = useCallback(() => setCreating(false), []);

  useEffect(() => {
    if (tenantId === null) return undefined;
    resetSubscribersStore();
    const detach = [attachPlans(tenantId, isSystemAdmin), attachRouters(tenantId, isSystemAdmin), attachHotspot(tenantId, isSystemAdmin), attachPppoe(tenantId, isSystemAdmin)];
    return () => detach.forEach((d) => d());
  }, [tenantId, isSystemAdmin]);

  return (
    <section className="business-view" aria-labelledby="subscribers-title">
      <h1 id="subscribers-title">Subscribers</h1>
      {isSystemAdmin && (
        <div className="toolbar">
          <TenantPicker />
        </div>
      )}
      <ViewGate scope={scope} what="subscribers">
        {tenantId !== null &&
          (Number.isInteger(opened) && opened > 0 ? (
            <SubscriberDetailPage tenantId={tenantId} id={opened} canOperate={canOperate} asAdmin={isSystemAdmin} />
          ) : (
            <SubscriberList tenantId={tenantId} asAdmin={isSystemAdmin} canOperate={canOperate} onCreate={() => setCreating(true)} />
          ))}
      </ViewGate>
      {creating && <SubscriberFormDialog subscriber={null} tenantId={isSystemAdmin ? tenantId : null} onClose={closeForm} />}
    </section>
  );
}
