import { afterEach, describe, expect, it } from 'vitest';
import { seedTenant, seedUser, sessionOf } from '../auth/test-accounts';
import type { ServerMessage } from '../contract/protocol';
import { startTestCore, type TestCore } from '../core/test-core';

let core: TestCore | null = null;
afterEach(async () => {
  await core?.dispose();
  core = null;
});

/** Sends messages the way a reconnecting client does (each without waiting for the one before) and collects the replies by id. */
function rawClient(c: TestCore) {
  const replies = new Map<number, (m: ServerMessage) => void>();
  const connection = c.connect((message) => {
    if (message.type === 'result') replies.get(message.id)?.(message);
  });
  return (message: Record<string, unknown> & { id: number }) =>
    new Promise<ServerMessage>((resolve) => {
      replies.set(message.id, resolve);
      void connection.receive(message);
    });
}

describe('a client connection', () => {
  it('authorizes a subscription sent right behind a resume against the resumed session, and one behind a sign-out against none', async () => {
    core = await startTestCore();
    const tenant = await seedTenant(core.services, 'Acme Net');
    const ann = await seedUser(core.services, { username: 'ann', role: 'tenant_admin', tenantId: tenant.id });
    const { signIn } = await sessionOf(core.services, ann);
    const send = rawClient(core);
    const channel = `tenant.${tenant.id}.notifications`;

    const [resumed, subscribed] = await Promise.all([
      send({ type: 'invoke', id: 1, name: 'auth.resume', input: { token: signIn.token } }),
      send({ type: 'subscribe', id: 2, channel }),
    ]);
    expect(resumed).toMatchObject({ ok: true });
    expect(subscribed).toMatchObject({ ok: true, data: { channel } });

    const [signedOut, refused] = await Promise.all([
      send({ type: 'invoke', id: 3, name: 'auth.signOut', input: {} }),
      send({ type: 'subscribe', id: 4, channel: `tenant.${tenant.id}.users` }),
    ]);
    expect(signedOut).toMatchObject({ ok: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
