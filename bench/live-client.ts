import type { HotspotSession, SessionDelta, SessionSnapshot } from '../main/sessions/contract';
import { hotspotActions, hotspotSelectors, useHotspotStore } from '../renderer/src/views/online-users/hotspot-store';
import { connectRpc, mustSucceed } from './ws-rpc';

/**
 * The bench's stand-in for a renderer, in its own process as a real renderer is. Signs in,
 * subscribes, loads the Online Users store (the renderer's own store code) from one snapshot,
 * applies every hotspot batch to it as the view does, counts event batches per channel, and
 * reports when each probe session is in the store, over the IPC channel.
 * argv: url username password channel…
 */
const [url, username, password, ...channels] = process.argv.slice(2);
const now = () => performance.timeOrigin + performance.now();
const batches = new Map<string, number>();

const rpc = await connectRpc(url!);
await mustSucceed('bench client sign-in', rpc.invoke('auth.signIn', { username, password }));
const hotspotChannel = channels.find((c) => c.endsWith('.sessions.hotspot'))!;
const tenantId = Number(hotspotChannel.split('.')[1]);
for (const channel of channels) await mustSucceed(`bench client subscribe ${channel}`, rpc.subscribe(channel));
const snapshot = (await mustSucceed('hotspot snapshot', rpc.invoke('sessions.hotspot.list', { tenantId }))) as SessionSnapshot<HotspotSession>;
hotspotActions.snapshot(snapshot.sessions);
rpc.onEvent((channel, name, payload) => {
  batches.set(channel, (batches.get(channel) ?? 0) + 1);
  if (channel !== hotspotChannel || name !== 'HotspotSessionsChanged') return;
  const delta = payload as SessionDelta<HotspotSession>;
  hotspotActions.delta(delta);
  hotspotSelectors.visibleRows(useHotspotStore.getState());
  const rows = useHotspotStore.getState().live.rows;
  for (const row of delta.started) {
    if (row.user.startsWith('probe-') && rows.has(row.key)) process.send!({ type: 'probe', user: row.user, at: now() });
  }
});
process.send!({ type: 'ready' });

process.on('message', (m: { type: string }) => {
  if (m.type !== 'report') return;
  process.send!({ type: 'report', batches: Object.fromEntries(batches) });
  rpc.close();
  process.disconnect();
});
