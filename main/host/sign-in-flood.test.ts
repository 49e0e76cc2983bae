import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerMessage } from '../contract/protocol';
import { startTestHost, type TestHost } from './test-host';
import type { WsTestClient } from './ws-test-client';

const errorOf = (m: ServerMessage) => (m.type === 'result' && !m.ok ? m.error : null);

/** Sends `count` sign-ins with distinct unknown usernames at once (no lockout gets in the way). */
function flood(client: WsTestClient, prefix: string, count: number): Promise<ServerMessage[]> {
  return Promise.all(Array.from({ length: count }, (_, i) => client.invoke('auth.signIn', { username: `${prefix}-${i}`, password: 'guess-1234' })));
}

describe('sign-in floods and invoke floods over the real WebSocket', () => {
  let test: TestHost;
  /** Sign-ins that reached the auth service: each one cost a password hash and wrote this row. */
  const attemptsRecorded = () => (test.host.core.db.prepare('SELECT count(*) AS n FROM auth_attempts').get() as { n: number }).n;

  beforeAll(async () => {
    test = await startTestHost({
      invokeLimits: {
        signInsPerConnection: { points: 3, seconds: 60 },
        signInsPerAddress: { points: 5, seconds: 60 },
        invokesPerConnection: { points: 40, seconds: 60 },
      },
    });
  });
  afterAll(() => test.dispose());

  it('answers a flood on one connection with rate_limited and a retry-after, and hashes only the admitted attempts', async () => {
    const client = await test.connect();
    const replies = await flood(client, 'ghost', 10);
    const codes = replies.map((r) => errorOf(r)?.code);
    expect(codes.filter((c) => c === 'unauthenticated')).toHaveLength(3);
    expect(codes.filter((c) => c === 'rate_limited')).toHaveLength(7);
    const limited = replies.map(errorOf).find((e) => e?.code === 'rate_limited')!;
    expect(limited.message).toMatch(/on this connection: wait \d+ s/);
    const { retryAfterMs } = limited.details as { retryAfterMs: number };
    expect(retryAfterMs).toBeGreaterThan(0);
    expect(retryAfterMs).toBeLessThanOrEqual(60_000);
    expect(attemptsRecorded()).toBe(3);
  });

  it('counts sign-ins per address across new connections, so reconnecting does not reset the flood', async () => {
    const second = await test.connect();
    const replies = await flood(second, 'phantom', 3);
    // The address had 3 from the first connection: 2 more fit under its 5, the third does not.
    expect(replies.map((r) => errorOf(r)?.code)).toEqual(['unauthenticated', 'unauthenticated', 'rate_limited']);
    expect(errorOf(replies[2]!)!.message).toMatch(/from your network address/);
    const third = await test.connect();
    expect(errorOf(await third.invoke('auth.signIn', { username: 'someone', password: 'guess-1234' }))?.code).toBe('rate_limited');
    expect(attemptsRecorded()).toBe(5);
    // Other invokes are not sign-ins: the same address still reads status.
    expect(await third.invoke('system.status', {})).toMatchObject({ ok: true });
  });

  it('limits every invoke per connection, without touching other connections', async () => {
    const noisy = await test.connect();
    const replies = await Promise.all(Array.from({ length: 50 }, () => noisy.invoke('system.status', {})));
    expect(replies.filter((r) => r.type === 'result' && r.ok)).toHaveLength(40);
    expect(replies.map(errorOf).filter((e) => e?.code === 'rate_limited')[0]?.message).toMatch(/Too many requests on this connection/);
    const quiet = await test.connect();
    expect(await quiet.invoke('system.status', {})).toMatchObject({ ok: true });
  });
});
