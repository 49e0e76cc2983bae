import type { HotspotSession, SessionDelta, SessionSnapshot } from '../main/sessions/contract';
import { hotspotActions } from '../renderer/src/views/online-users/hotspot-store';
import { connectRpc, mustSucceed, type WsRpc } from './ws-rpc';

/**
 * The soak bench's renderer, in its own process: signs in once, then every `reconnectMs` drops
 * its socket and comes back as a renderer does after sleep or a network change (a new socket,
 * `auth.resume` with its token, its subscriptions, one snapshot), applying every hotspot batch
 * to the Online Users store in between. Reports reconnects and failures over the IPC channel.
 * argv: url username password reconnectMs channel…
 */
const [url, username, password, reconnectArg, ...channels] = process.argv.slice(2);
const reconnectMs = Number(reconnectArg);
const hotspotChannel = channels.find((c) => c.endsWith('.sessions.hotspot'))!;
const tenantId = Number(hotspotChannel.split('.')[1]);
const stats = { reconnects: 0, failures: 0, events: 0, lastError: '' };
let token = '';
let rpc: WsRpc | null = null;

async function attach(first: boolean): Promise<void> {
  const next = await connectRpc(url!);
  try {
    const signedIn = (await mustSucceed(first ? 'sign-in' : 'resume', first ? next.invoke('auth.signIn', { username, password }) : next.invoke('auth.resume', { token }))) as { token: string };
    token = signedIn.token;
    for (const channel of channels) await mustSucceed(`subscribe ${channel}`, next.subscribe(channel));
    const snapshot = (await mustSucceed('hotspot snapshot', next.invoke('sessions.hotspot.list', { tenantId }))) as SessionSnapshot<HotspotSession>;
    hotspotActions.snapshot(snapshot.sessions);
  } catch (error) {
    next.close();
    throw error;
  }
  next.onEvent((channel, name, payload) => {
    stats.events++;
    if (channel === hotspotChannel && name === 'HotspotSessionsChanged') hotspotActions.delta(payload as SessionDelta<HotspotSession>);
  });
  rpc?.close();
  rpc = next;
}

await attach(true);
const timer = setInterval(() => {
  attach(false).then(
    () => stats.reconnects++,
    (error: unknown) => {
      stats.failures++;
      stats.lastError = (error as Error).message;
    },
  );
}, reconnectMs);
process.send!({ type: 'ready' });

process.on('message', (m: { type: string }) => {
  if (m.type !== 'report') return;
  clearInterval(timer);
  process.send!({ type: 'report', ...stats });
  rpc?.close();
  process.disconnect();
});
