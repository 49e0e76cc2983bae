import { afterEach, describe, expect, it, vi } from 'vitest';
import { useSimulator } from './test-fixtures';
import type { SimulatedRouter } from './types';

const sim = useSimulator();
const LATENCY_MS = 40;

afterEach(() => {
  vi.useRealTimers();
});

/** Resolves once the model has added `count` hotspot users: the router has run that many adds. */
function usersAdded(r: SimulatedRouter, count: number): Promise<void> {
  return new Promise((resolve) => {
    let seen = 0;
    const off = r.model.onChange('/ip/hotspot/user', (change) => {
      if (change.kind === 'added' && ++seen === count) {
        off();
        resolve();
      }
    });
  });
}

/**
 * The router's clock for replies is faked once the client is logged in: nothing leaves until the
 * test moves it, so "in flight together" is checked by moving it exactly one latency.
 */
async function loggedInWithLatency() {
  const r = await sim.router({ replyLatencyMs: LATENCY_MS });
  const c = await sim.client(r);
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  return { r, c };
}

describe('replyLatencyMs', () => {
  it('holds every reply for the latency, with pipelined commands in flight together', async () => {
    const { r, c } = await loggedInWithLatency();
    const n = 200;
    const ran = usersAdded(r, n);
    for (let i = 0; i < n; i++) c.send('/ip/hotspot/user/add', `=name=v${i}`, `=password=p${i}`, `.tag=a${i}`);
    await ran;
    // All 200 ran on the router; no reply has left yet.
    expect(c.pending()).toBe(0);
    vi.advanceTimersByTime(LATENCY_MS);
    const replies = await c.until((s) => s.includes(`.tag=a${n - 1}`));
    expect(replies).toHaveLength(n);
    expect(replies.map((s) => s.at(-1))).toEqual(Array.from({ length: n }, (_, i) => `.tag=a${i}`));
    expect(replies.every((s) => s[0] === '!done' && s[1]!.startsWith('=ret=*'))).toBe(true);
  });

  it("keeps one command's replies in order, and a /quit's !fatal after the replies before it", async () => {
    const { r, c } = await loggedInWithLatency();
    const ran = usersAdded(r, 1);
    c.send('/ip/hotspot/user/print', '=.proplist=name', '.tag=p');
    c.send('/ip/hotspot/user/add', '=name=late', '.tag=a');
    await ran;
    c.send('/quit');
    await r.waitForConnections((open) => open === 0);
    vi.advanceTimersByTime(LATENCY_MS);
    const replies = await c.until((s) => s[0] === '!fatal');
    expect(replies.map((s) => s[0]! + (s.at(-1)!.startsWith('.tag=') ? s.at(-1)! : ''))).toEqual([
      '!re.tag=p',
      '!re.tag=p',
      '!done.tag=p',
      '!done.tag=a',
      '!fatal',
    ]);
    await c.closed;
  });
});
