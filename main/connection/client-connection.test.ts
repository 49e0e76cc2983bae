import { afterEach, describe, expect, it } from 'vitest';
import { seedTenant, seedUser, sessionOf } from '../auth/test-accounts';
import { contractClient } from '../core/test-client';
import { startTestCore, type TestCore } from '../core/test-core';

let core: TestCore | null = null;
afterEach(async () => {
  await core?.dispose();
  core = null;
});

describe('a client connection', () => {
  it('authorizes a subscription or invoke sent right behind a resume against the resumed session, and one behind a sign-out against none', async () => {
    core = await startTestCore();
    const tenant = await seedTenant(core.services, 'Acme Net');
    const ann = await seedUser(core.services, { username: 'ann', role: 'tenant_admin', tenantId: tenant.id });
    const { signIn } = await sessionOf(core.services, ann);
    // Each pair is sent the way a reconnecting client does: the second without waiting for the first.
    const client = contractClient(core);
    const channel = `tenant.${tenant.id}.notifications`;

    const [resumed, subscribed, listed] = await Promise.all([
      client.invoke('auth.resume', { token: signIn.token }),
      client.subscribe(channel),
      client.invoke('notifications.list', {}),
    ]);
    expect(resumed).toMatchObject({ ok: true });
    expect(subscribed).toMatchObject({ ok: true, data: { channel } });
    expect(listed).toMatchObject({ ok: true, data: { unread: 0 } });

    const [signedOut, refused] = await Promise.all([
      client.invoke('auth.signOut', {}),
      client.subscribe(`tenant.${tenant.id}.users`),
    ]);
    expect(signedOut).toMatchObject({ ok: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('keeps a subscribe and an unsubscribe sent together in order: the channel ends unsubscribed', async () => {
    core = await startTestCore();
    const client = contractClient(core);
    client.connection.session.user = { id: 1, username: 'root', role: 'system_admin', tenantId: null };
    const [subscribed, unsubscribed] = await Promise.all([client.subscribe('system.jobs'), client.unsubscribe('system.jobs')]);
    expect(subscribed).toMatchObject({ ok: true });
    expect(unsubscribed).toMatchObject({ ok: true });
    expect(client.connection.channels).not.toContain('system.jobs');
  });
});
