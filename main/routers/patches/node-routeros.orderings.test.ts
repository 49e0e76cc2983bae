import fc from 'fast-check';
import { RouterOSAPI, type RStream } from 'node-routeros';
import { describe, expect, it } from 'vitest';
import { startScriptedServer, type ScriptedConnection } from '../testing/scripted-api-server';

/** What the router does with a /cancel. */
type CancelReply = 'answer' | 'ignore' | 'trap' | 'reset' | 'end';
/** One step of a run: the client's calls and the router's faults, in any order. */
type Step = 'listen' | 'hang' | 'stop-stream' | 'close' | 'router-reset' | 'router-end' | 'yield';

const steps = fc.array(fc.constantFrom<Step>('listen', 'hang', 'stop-stream', 'close', 'router-reset', 'router-end', 'yield'), { minLength: 1, maxLength: 8 });
const cancelReplies = fc.constantFrom<CancelReply>('answer', 'ignore', 'trap', 'reset', 'end');

/**
 * Runs the steps against a scripted router and returns what escaped: every promise the client
 * handed out is awaited here, so an unhandled rejection can only come from one it kept itself.
 */
async function run(plan: Step[], onCancel: CancelReply): Promise<{ unhandled: unknown[]; unsettled: number }> {
  let router: ScriptedConnection | undefined;
  const server = await startScriptedServer((cmd, conn) => {
    router = conn;
    const command = cmd.words[0] ?? '';
    if (command.endsWith('/listen')) return conn.send(['!re', '=.id=*1'], cmd.tag);
    if (command === '/hang') return;
    if (command !== '/cancel') return conn.done(cmd);
    if (onCancel === 'answer') {
      const target = cmd.words.find((w) => w.startsWith('=tag='))?.slice(5);
      if (target) conn.send(['!trap', '=category=2', '=message=interrupted'], target);
      conn.done(cmd);
    } else if (onCancel === 'trap') {
      conn.send(['!trap', '=message=no such command'], cmd.tag);
      conn.done(cmd);
    } else if (onCancel === 'reset') conn.socket.resetAndDestroy();
    else if (onCancel === 'end') conn.socket.end();
  });
  const unhandled: unknown[] = [];
  const record = (err: unknown) => unhandled.push(err);
  process.on('unhandledRejection', record);
  process.on('uncaughtException', record);
  const handedOut: Array<Promise<unknown>> = [];
  // Handled at once, as a caller would: what escapes then is a promise the client kept.
  const handOut = (promise: Promise<unknown>) => handedOut.push(promise.catch(() => undefined));
  const streams: RStream[] = [];
  const api = new RouterOSAPI({ host: '127.0.0.1', port: server.port, user: 'api', password: 'pw', timeout: 0.2 });
  try {
    await api.connect();
    for (const step of plan) {
      switch (step) {
        case 'listen':
          if (api.connected) {
            const stream = api.writeStream('/ip/hotspot/active/listen');
            stream.on('error', () => {});
            streams.push(stream);
          }
          break;
        case 'hang':
          if (api.connected) handOut(api.write('/hang'));
          break;
        case 'stop-stream':
          if (streams.length > 0) handOut(streams.shift()!.stop());
          break;
        case 'close':
          handOut(api.close());
          break;
        case 'router-reset':
          router?.socket.resetAndDestroy();
          break;
        case 'router-end':
          router?.socket.end();
          break;
        case 'yield':
          await new Promise((resolve) => setImmediate(resolve));
          break;
      }
    }
    handOut(api.close());
    // Everything settles: the idle timeout (0.2 s) and the close deadline bound every wait.
    const outcomes = await Promise.race([
      Promise.all(handedOut).then(() => 0),
      new Promise<number>((resolve) => setTimeout(() => resolve(handedOut.length), 3_000)),
    ]);
    // A rejection is reported once the microtasks drain: give it a macrotask.
    await new Promise((resolve) => setImmediate(resolve));
    return { unhandled, unsettled: outcomes };
  } finally {
    process.off('unhandledRejection', record);
    process.off('uncaughtException', record);
    await server.close();
  }
}

describe('node-routeros as patched, under any order of close, cancel, reset and timeouts', () => {
  it('never lets a promise reject unhandled, and settles every promise it hands out', async () => {
    await fc.assert(
      fc.asyncProperty(steps, cancelReplies, async (plan, onCancel) => {
        const { unhandled, unsettled } = await run(plan, onCancel);
        expect(unhandled.map(String)).toEqual([]);
        expect(unsettled).toBe(0);
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
