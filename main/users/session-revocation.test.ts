import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../auth/test-accounts';
import { startHeadlessHost } from '../host/headless-host';
import { WsTestClient } from '../host/ws-test-client';
import { data, errorOf, startWsTenant, type WsTenant } from './testing/ws-tenant';

const hostParts = { startHeadlessHost, connect: (url: string) => WsTestClient.connect(url) };

/**
 * Issue 10, finding 4, over the real WebSocket: a password reset did not end the user's sessions
 * (a token stayed resumable for hours). Now a reset, a role change or disabling by an admin ends
 * every session of that user, and the user's own password change ends all but the current one:
 * an ended token no longer resumes, and its open connections are signed out at once, losing
 * their subscriptions.
 */
interface Signed {
  client: WsTestClient;
  token: string;
}

describe("a password reset, an own password change, a role change and disabling end the user's other sessions", () => {
  let t: WsTenant<WsTestClient>;
  let admin: WsTestClient;
  const ids = new Map<string, number>();
  const routers = () => `tenant.${t.tenantId}.routers`;
  const jobs = () => `tenant.${t.tenantId}.jobs`;

  /** Two sessions of the user, each following two of the tenant's channels. */
  async function twoSessions(username: string): Promise<[Signed, Signed]> {
    const sessions = [await t.signIn(username), await t.signIn(username)] as [Signed, Signed];
    for (const { client } of sessions) for (const channel of [routers(), jobs()]) data(await client.subscribe(channel));
    return sessions;
  }

  /** Runs an admin's command to its end (its job and the listeners after it). */
  async function adminDoes(name: string, input: Record<string, unknown>): Promise<void> {
    data(await admin.invoke(name, input));
    await t.core.services.jobs.drained();
  }

  async function expectEnded({ client, token }: Signed): Promise<void> {
    expect(data(await client.invoke('auth.me', {}))).toEqual({ user: null });
    expect(errorOf(await client.invoke('routers.list', {}))).toMatchObject({ code: 'unauthenticated' });
    expect(errorOf(await (await t.connect()).invoke('auth.resume', { token }))).toMatchObject({ code: 'unauthenticated', message: 'This session has ended. Sign in again.' });
    // Its subscriptions are gone: a job event on the tenant's channel reaches the admin, not this connection.
    const seen = client.received.length;
    const { jobId } = data<{ jobId: number }>(await admin.invoke('users.unlock', { id: ids.get('admin-probe')! }));
    await t.eventOn(admin, jobs(), 'JobQueued', (p) => p.items.some((i) => i.id === jobId));
    data(await client.invoke('auth.me', {})); // answered after anything sent to it before
    expect(client.received.slice(seen).filter((m) => m.type === 'event')).toEqual([]);
  }

  async function expectLive({ client, token }: Signed, username: string): Promise<void> {
    expect(data(await client.invoke('auth.me', {}))).toMatchObject({ user: { username } });
    expect(data(await client.invoke('routers.list', {}))).toBeTruthy();
    expect(data(await (await t.connect()).invoke('auth.resume', { token }))).toMatchObject({ user: { username } });
  }

  beforeAll(async () => {
    t = await startWsTenant('revocation', hostParts);
    await t.seed('jane', 'tenant_admin');
    for (const [name, role] of [['admin-probe', 'viewer'], ['pat', 'operator'], ['rob', 'tenant_admin'], ['dan', 'operator'], ['olive', 'operator']] as const) {
      ids.set(name, (await t.seed(name, role)).id);
    }
    ({ client: admin } = await t.signIn('jane'));
    data(await admin.subscribe(jobs()));
  });
  afterAll(() => t?.close());

  it("ends every session of a user whose password an admin reset; the new password signs in", async () => {
    const sessions = await twoSessions('pat');
    await adminDoes('users.update', { id: ids.get('pat'), password: 'Reset-by-admin-1' });
    for (const session of sessions) await expectEnded(session);
    expect(errorOf(await (await t.connect()).invoke('auth.signIn', { username: 'pat', password: TEST_PASSWORD }))).toMatchObject({ code: 'unauthenticated' });
    await expectLive(await t.signIn('pat', 'Reset-by-admin-1'), 'pat');
  });

  it('keeps the session a user changes their own password from, and ends the others', async () => {
    const [current, other] = await twoSessions('olive');
    data(await current.client.invoke('auth.changePassword', { currentPassword: TEST_PASSWORD, newPassword: 'Fresh-secret-pass-2' }));
    await expectEnded(other);
    await expectLive(current, 'olive');
  });

  it('ends every session of a user whose role an admin changed', async () => {
    const sessions = await twoSessions('rob');
    await adminDoes('users.update', { id: ids.get('rob'), role: 'viewer' });
    for (const session of sessions) await expectEnded(session);
    await expectLive(await t.signIn('rob'), 'rob');
  });

  it('ends every session of a user an admin disabled', async () => {
    const sessions = await twoSessions('dan');
    await adminDoes('users.setDisabled', { id: ids.get('dan'), disabled: true });
    for (const session of sessions) await expectEnded(session);
    expect(errorOf(await (await t.connect()).invoke('auth.signIn', { username: 'dan', password: TEST_PASSWORD }))).toMatchObject({ code: 'forbidden' });
  });

  it('records why each session ended', () => {
    const reasons = t.core.db
      .prepare(`SELECT users.username, auth_sessions.end_reason FROM auth_sessions JOIN users ON users.id = auth_sessions.user_id WHERE end_reason IS NOT NULL ORDER BY auth_sessions.id`)
      .all() as Array<{ username: string; end_reason: string }>;
    expect(reasons.map((r) => `${r.username}:${r.end_reason}`)).toEqual([
      'pat:password_reset',
      'pat:password_reset',
      'olive:password_changed',
      'rob:role_changed',
      'rob:role_changed',
      'dan:disabled',
      'dan:disabled',
    ]);
  });
});
