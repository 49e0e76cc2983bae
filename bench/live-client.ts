import { connectRpc, mustSucceed } from './ws-rpc';

/**
 * The bench's stand-in for a renderer, in its own process as a real renderer is. Signs in,
 * subscribes, counts event batches per channel and reports when each probe session arrives,
 * over the IPC channel. argv: url username password channel…
 */
const [url, username, password, ...channels] = process.argv.slice(2);
const now = () => performance.timeOrigin + performance.now();
const batches = new Map<string, number>();

const rpc = await connectRpc(url!);
await mustSucceed('bench client sign-in', rpc.invoke('auth.signIn', { username, password }));
for (const channel of channels) await mustSucceed(`bench client subscribe ${channel}`, rpc.subscribe(channel));
rpc.onEvent((channel, _name, payload) => {
  batches.set(channel, (batches.get(channel) ?? 0) + 1);
  for (const row of (payload as { started?: Array<{ user?: string }> }).started ?? []) {
    if (row.user?.startsWith('probe-')) process.send!({ type: 'probe', user: row.user, at: now() });
  }
});
process.send!({ type: 'ready' });

process.on('message', (m: { type: string }) => {
  if (m.type !== 'report') return;
  process.send!({ type: 'report', batches: Object.fromEntries(batches) });
  rpc.close();
  process.disconnect();
});
