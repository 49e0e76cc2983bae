import type { TenantBreakdown } from '../../../../main/dashboard/contract';
import { formatRate } from '../../format/rate';
import { useFormat } from '../../format/use-format';
import { chooseTenant } from '../../stores/tenant-scope-store';

/** The system admin's per-tenant rows; a tenant's name opens its own dashboard. */
export function TenantBreakdownTable({ rows }: { rows: readonly TenantBreakdown[] }) {
  const format = useFormat();
  return (
    <section className="box" aria-labelledby="tenants-title">
      <h2 id="tenants-title">Tenants</h2>
      <table className="mini-table" data-testid="dashboard-tenants">
        <thead>
          <tr>
            <th scope="col">Tenant</th>
            <th scope="col" className="num">
              Routers online
            </th>
            <th scope="col" className="num">
              Hotspot
            </th>
            <th scope="col" className="num">
              PPPoE
            </th>
            <th scope="col" className="num">
              In
            </th>
            <th scope="col" className="num">
              Out
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((t) => (
            <tr key={t.tenantId} data-testid={`dashboard-tenant-row-${t.tenantId}`}>
              <td>
                <button type="button" className="link" onClick={() => chooseTenant(t.tenantId)}>
                  {t.tenantName}
                </button>
              </td>
              <td className={`num${t.routersOnline < t.routersTotal ? ' warn' : ''}`}>
                {t.routersOnline} / {t.routersTotal}
              </td>
              <td className="num">{format.number(t.hotspot)}</td>
              <td className="num">{format.number(t.pppoe)}</td>
              <td className="num">{formatRate(t.inBps)}</td>
              <td className="num">{formatRate(t.outBps)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
