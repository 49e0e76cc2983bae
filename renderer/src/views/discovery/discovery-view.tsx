import { useEffect, useState } from 'react';
import type { DiscoveredDevice } from '../../../../main/discovery/contract';
import { TenantPicker } from '../../components/tenant-picker';
import { useFormat } from '../../format/use-format';
import { useStale } from '../../stores/connection-store';
import { useViewTenant } from '../../stores/use-view-tenant';
import { RouterFormDialog } from '../routers/router-form-dialog';
import { attachDiscovery, probeNeighbours } from './discovery-live';
import { discoverySelectors, useDiscoveryStore } from './discovery-store';

/**
 * Discovery: MikroTiks announcing themselves (MNDP) on the networks of the machine the console
 * runs on, for a field technician to add the new one without typing its address. The port is
 * open only while this view is.
 */
export function DiscoveryView() {
  const { tenantId, isSystemAdmin } = useViewTenant();
  const devices = useDiscoveryStore(discoverySelectors.sorted);
  const loaded = useDiscoveryStore(discoverySelectors.loaded);
  const listening = useDiscoveryStore(discoverySelectors.listening);
  const port = useDiscoveryStore(discoverySelectors.port);
  const error = useDiscoveryStore(discoverySelectors.error);
  const failure = useDiscoveryStore(discoverySelectors.failure);
  const stale = useStale();
  const format = useFormat();
  const [adding, setAdding] = useState<DiscoveredDevice | null>(null);
  const [probe, setProbe] = useState<string | null>(null);
  // System admins hear on the system channel, whatever tenant they add routers to.
  const channelTenant = isSystemAdmin ? null : tenantId;
  const ready = isSystemAdmin || tenantId !== null;

  useEffect(() => (ready ? attachDiscovery(channelTenant) : undefined), [ready, channelTenant]);

  const askNow = async () => {
    const result = await probeNeighbours();
    setProbe(result.ok ? (result.data.sentTo.length > 0 ? `Asked ${result.data.sentTo.join(', ')}.` : 'No network to ask on.') : result.error.message);
  };
  // A system admin adds to the tenant chosen above; tenant users add to their own.
  const canAdd = !stale && (!isSystemAdmin || tenantId !== null);

  return (
    <section aria-labelledby="discovery-title">
      <h1 id="discovery-title">Discovery</h1>
      <div className="toolbar">
        {isSystemAdmin && <TenantPicker />}
        <span className="counts" role="status" data-testid="discovery-status">
          {listening ? `Listening on UDP ${port} · ` : 'Not listening · '}
          <strong data-testid="discovery-count">{devices.length}</strong> devices
        </span>
        <span className="spacer" />
        <button type="button" data-testid="discovery-probe" disabled={!listening} onClick={() => void askNow()}>
          Ask neighbours now
        </button>
      </div>
      {probe && (
        <p className="muted" data-testid="discovery-probe-result">
          {probe}
        </p>
      )}
      {(error ?? failure) && (
        <p className="error" role="alert" data-testid="discovery-error">
          {error ?? failure}
        </p>
      )}
      {!loaded ? (
        <p className="muted">Starting to listen…</p>
      ) : devices.length === 0 ? (
        <p className="muted" data-testid="discovery-empty">
          No MikroTik has announced itself yet. Routers announce every minute on the networks this machine is on; “Ask neighbours now” asks them at once.
        </p>
      ) : (
        <div className="table-box">
          <table className="data-table" data-testid="discovery-table">
            <thead>
              <tr>
                <th scope="col">Identity</th>
                <th scope="col">IP address</th>
                <th scope="col">MAC address</th>
                <th scope="col">Version</th>
                <th scope="col">Board</th>
                <th scope="col">Interface</th>
                <th scope="col">Last seen</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {devices.map((d) => (
                <tr key={d.mac} data-testid={`discovery-row-${d.mac}`}>
                  <td>{d.identity || '—'}</td>
                  <td>{d.address}</td>
                  <td>{d.mac}</td>
                  <td>{d.version || '—'}</td>
                  <td>{d.board || '—'}</td>
                  <td>{d.interfaceName || '—'}</td>
                  <td>{format.time(d.lastSeen)}</td>
                  <td>
                    <button
                      type="button"
                      data-testid={`discovery-add-${d.mac}`}
                      disabled={!canAdd}
                      title={canAdd ? undefined : 'Choose a tenant first'}
                      onClick={() => setAdding(d)}
                    >
                      Add as router
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {adding && (
        <RouterFormDialog
          router={null}
          tenantId={isSystemAdmin ? tenantId : null}
          prefill={{ name: adding.identity, host: adding.address, notes: discoveredNote(adding) }}
          onClose={() => setAdding(null)}
        />
      )}
    </section>
  );
}

/** What discovery knew, kept with the router for whoever looks later. */
const discoveredNote = (d: DiscoveredDevice) => [`Found by discovery: MAC ${d.mac}`, d.board && `board ${d.board}`, d.version && `RouterOS ${d.version}`].filter(Boolean).join(', ');
