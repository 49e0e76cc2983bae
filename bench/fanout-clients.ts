import type { HotspotSession, SessionDelta } from '../main/sessions/contract';
import { connectRpc, mustSucceed, type WsRpc } from './ws-rpc';

/**
 * Console clients for the fanout bench, several in this one process (50 Node processes would
 * cost this 2-core machine more than the server they measure). Each is its own WebSocket from
 * this process's loopback address, signs in as the tenant's admin, loads the Online Users and
 * PPPoE snapshots as the views do, follows the tenant's sessions and dashboard, and reports
 * over IPC when each probe session reaches it (the parsed message: what a store applies next).
 * argv: url username password localAddress count firstClientIndex tenantId
 */
const [url, username, password, localAddress, count, first, tenant] = process.argv.slice(2);
const tenantId = Number(tenant);
const channels = [`tenant.${tenantId}.sessions.hotspot`, `tenant.${tenantId}.sessions.pppoe`, `tenant.${tenantId}.dashboard`];
const now = () => performance.timeOrigin + performance.now();
const clients: WsRpc[] = [];
let events = 0;

async function startClient(index: number): Promise<WsRpc> {
  const rpc = await connectRpc(url!, { localAddress });
  await mustSucceed(`client ${index} sign-in`, rpc.invoke('auth.signIn', { username, password }));
  for (const channel of channels) await mustSucceed(`client ${index} subscribe ${channel}`, rpc.subscribe(channel));
  await mustSucceed(`client ${index} hotspot snapshot`, rpc.invoke('sessions.hotspot.list', { tenantId }));
  await mustSucceed(`client ${index} pppoe snapshot`, rpc.invoke('sessions.pppoe.list', { tenantId }));
  rpc.onEvent((_channel, name, payload) => {
    events++;
    if (name !== 'HotspotSessionsChanged') return;
    for (const row of (payload as SessionDelta<HotspotSession>).started) {
      if (row.user.startsWith('probe-')) process.send!({ type: 'probe', client: index, user: row.user, at: now() });
    }
  });
  return rpc;
}

// One after another: each sign-in is a password hash on the server, as at a shift change.
for (let i = 0; i < Number(count); i++) clients.push(await startClient(Number(first) + i));
process.send!({ type: 'ready' });

process.on('message', (m: { type: string }) => {
  if (m.type !== 'stop') return;
  process.send!({ type: 'stopped', events });
  for (const rpc of clients) rpc.close();
  process.disconnect();
});
