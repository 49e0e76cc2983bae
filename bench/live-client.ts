import WebSocket from 'ws';

/**
 * The bench's stand-in for a renderer, in its own process as a real renderer is (so its JSON
 * work does not load the backend's main thread being measured). Signs in, subscribes, counts
 * event batches per channel and reports when each probe session arrives, over the IPC channel.
 * argv: url username password channel…
 */
const [url, username, password, ...channels] = process.argv.slice(2);
const now = () => performance.timeOrigin + performance.now();
const batches = new Map<string, number>();
const ws = new WebSocket(url!.replace(/^http/, 'ws') + '/ws');
let nextId = 1;
const pending = new Map<number, (m: { ok: boolean; error?: { message: string } }) => void>();
const request = (message: Record<string, unknown>) =>
  new Promise<{ ok: boolean; error?: { message: string } }>((resolve) => {
    const id = nextId++;
    pending.set(id, resolve);
    ws.send(JSON.stringify({ ...message, id }));
  });

ws.on('message', (raw) => {
  const m = JSON.parse(String(raw)) as { type: string; id?: number; channel?: string; payload?: { started?: Array<{ user?: string }> } };
  if (m.type === 'result') pending.get(m.id!)?.(m as never);
  if (m.type !== 'event') return;
  batches.set(m.channel!, (batches.get(m.channel!) ?? 0) + 1);
  for (const row of m.payload?.started ?? []) {
    if (row.user?.startsWith('probe-')) process.send!({ type: 'probe', user: row.user, at: now() });
  }
});

ws.on('open', async () => {
  const signIn = await request({ type: 'invoke', name: 'auth.signIn', input: { username, password } });
  if (!signIn.ok) throw new Error(`bench client sign-in failed: ${signIn.error?.message}`);
  for (const channel of channels) {
    const r = await request({ type: 'subscribe', channel });
    if (!r.ok) throw new Error(`bench client subscribe ${channel} refused: ${r.error?.message}`);
  }
  batches.clear();
  process.send!({ type: 'ready' });
});

process.on('message', (m: { type: string }) => {
  if (m.type !== 'report') return;
  process.send!({ type: 'report', batches: Object.fromEntries(batches) });
  ws.close();
  process.disconnect();
});
