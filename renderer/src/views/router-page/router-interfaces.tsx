import { useState } from 'react';
import { formatRate } from '../../format/rate';
import { routerPageSelectors, useRouterPageStore } from './router-page-store';
import { InterfaceHistoryChart } from './interface-history-chart';
import { LiveTrafficChart } from './live-traffic-chart';

const rate = (bps: number | null) => (bps === null ? '—' : formatRate(bps));

/**
 * The router's interfaces with their live rates (each second, from RouterTrafficSampled), and for
 * the chosen one its live chart and its stored history. The first interface is chosen at first.
 */
export function RouterInterfaces({ routerId, now }: { routerId: number; now: number }) {
  const interfaces = useRouterPageStore(routerPageSelectors.interfaces);
  const [chosen, setChosen] = useState<string | null>(null);
  const selected = chosen ?? interfaces[0]?.name ?? null;

  return (
    <section className="router-page-section" aria-labelledby="router-interfaces-title" data-testid="router-page-interfaces">
      <h3 id="router-interfaces-title">Interfaces</h3>
      {interfaces.length === 0 ? (
        <p className="muted">No interfaces read yet.</p>
      ) : (
        <div className="table-box">
          <table className="data-table" data-testid="router-interfaces-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Type</th>
                <th scope="col">State</th>
                <th scope="col">MAC</th>
                <th scope="col" className="num">
                  Rx
                </th>
                <th scope="col" className="num">
                  Tx
                </th>
              </tr>
            </thead>
            <tbody>
              {interfaces.map((i) => (
                <tr key={i.name} data-testid={`router-interface-${i.name}`} className={i.name === selected ? 'row-linked' : undefined}>
                  <td>
                    <button type="button" className="link" onClick={() => setChosen(i.name)} data-testid={`router-interface-open-${i.name}`} aria-pressed={i.name === selected}>
                      {i.name}
                    </button>
                  </td>
                  <td>{i.type}</td>
                  <td>{i.disabled ? 'disabled' : i.running ? 'running' : 'not running'}</td>
                  <td className="mono">{i.mac ?? '—'}</td>
                  <td className="num" data-testid={`router-interface-rx-${i.name}`}>
                    {rate(i.rxBps)}
                  </td>
                  <td className="num" data-testid={`router-interface-tx-${i.name}`}>
                    {rate(i.txBps)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {selected !== null && (
        <div className="charts">
          <LiveTrafficChart name={selected} now={now} />
          <InterfaceHistoryChart routerId={routerId} name={selected} now={now} />
        </div>
      )}
    </section>
  );
}
