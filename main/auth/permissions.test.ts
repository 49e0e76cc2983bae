import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invokes, type InvokeName } from '../contract';
import { dispatchInvoke } from '../core/dispatch';
import { startTestCore, type TestCore } from '../core/test-core';
import { parseChannel } from '../events/channels';
import { canSubscribe, checkInvoke, invokeAccess } from './permissions';
import { checkJobAction, jobAccessOf, jobKindOf, jobQueueKinds, tenantJobEventsShowPayload } from './permissions';
import type { JobAction, JobKind } from '../jobs/contract';
import { loadQueueTable } from '../jobs/queue-table';
import type { Role, Session } from './session';

const roles: Role[] = ['system_admin', 'tenant_admin', 'operator', 'viewer'];
const names = Object.keys(invokes) as InvokeName[];
const as = (role: Role | null): Session =>
  role === null ? { id: 'anon', user: null } : { id: `s-${role}`, user: { id: 1, username: role, role, tenantId: role === 'system_admin' ? null : 7 } };

/** What the table says, spelled out independently of checkInvoke. */
function allowed(role: Role | null, name: InvokeName): boolean {
  const access = invokeAccess[name];
  if (access === 'public') return true;
  if (role === null) return false;
  return access === 'signed-in' || access.includes(role);
}

// A new public invoke is a decision: add it here on purpose.
const PUBLIC = ['system.status', 'auth.signIn', 'auth.completeSignIn', 'auth.resume', 'auth.signOut', 'auth.me', 'setup.status', 'setup.createAdmin', 'tenants.selfRegister'];
// Reads a viewer may make; anything else a viewer can call must be its own account.
const READ = /\.(list|get|status|snapshot|queues|failed|detail|me|history|stats|batches|unmatched|ledger|revenue|activity|pdf|deliveries|settings|watch|unwatch|templates|runs)$/;
const OWN_ACCOUNT = [
  'auth.signIn',
  'auth.completeSignIn',
  'auth.resume',
  'auth.signOut',
  'auth.changePassword',
  'auth.twoFactor.begin',
  'auth.twoFactor.confirm',
  'auth.twoFactor.disable',
  'auth.twoFactor.regenerateRecoveryCodes',
  'setup.createAdmin',
  'tenants.selfRegister',
  // The user's own read state in the notification centre.
  'notifications.markRead',
];
const ADMIN_ONLY = /^(users|audit|tenants)\.|^auth\.(settings|updateSettings|tenantPolicy|updateTenantPolicy)$/;
const SYSTEM_ONLY = ['tenants.list', 'tenants.register', 'auth.settings', 'auth.updateSettings'];

describe('the permission table, for every role and every invoke of the contract', () => {
  let core: TestCore;
  beforeAll(async () => (core = await startTestCore()));
  afterAll(() => core.dispose());

  it('has exactly one entry per invoke', () => {
    expect(Object.keys(invokeAccess).sort()).toEqual([...names].sort());
  });

  it('keeps the public invokes to the known list', () => {
    expect(names.filter((n) => invokeAccess[n] === 'public').sort()).toEqual(PUBLIC.filter((n) => names.includes(n as InvokeName)).sort());
  });

  it('lets viewers read only, and keeps user, tenant and audit management to admins', () => {
    for (const name of names) {
      if (name === 'tenants.selfRegister') continue; // public, gated by a setting
      // Every user reads the tenant's locale, time zone and currency (dates and amounts follow them); changing them is an admin's.
      if (name === 'tenants.settings') {
        expect(allowed('viewer', name) && !allowed('viewer', 'tenants.updateSettings') && !allowed('operator', 'tenants.updateSettings')).toBe(true);
        continue;
      }
      if (allowed('viewer', name)) expect(READ.test(name) || OWN_ACCOUNT.includes(name), `viewer may call ${name}`).toBe(true);
      if (ADMIN_ONLY.test(name)) {
        expect(allowed('operator', name), `operator may call ${name}`).toBe(false);
        expect(allowed('viewer', name), `viewer may call ${name}`).toBe(false);
      }
    }
    for (const name of SYSTEM_ONLY) {
      expect(allowed('tenant_admin', name as InvokeName), name).toBe(false);
      expect(allowed('system_admin', name as InvokeName), name).toBe(true);
    }
  });

  it.each([null, ...roles])('dispatch enforces the table for %s on every invoke', async (role) => {
    for (const name of names) {
      const expected = allowed(role, name);
      expect(checkInvoke(as(role), name) === null, `${role} ${name}`).toBe(expected);
      // A probe input no schema accepts: an allowed call stops at validation, a refused one before it.
      const result = await dispatchInvoke(core.services, as(role), name, 'probe');
      const code = result.ok ? 'ok' : result.error.code;
      if (expected) expect(['forbidden', 'unauthenticated'], `${role} ${name} → ${code}`).not.toContain(code);
      else expect(code, `${role} ${name}`).toBe(role === null ? 'unauthenticated' : 'forbidden');
    }
  });

  it('decides channel subscriptions by scope, tenant and topic', () => {
    const can = (role: Role | null, channel: string) => canSubscribe(as(role), parseChannel(channel)!);
    expect(can(null, 'app.status')).toBe(true);
    expect(can(null, 'tenant.7.routers')).toBe(false);
    for (const role of roles) {
      expect(can(role, 'system.tenants'), role).toBe(role === 'system_admin');
      expect(can(role, 'tenant.8.routers'), role).toBe(role === 'system_admin');
      expect(can(role, 'tenant.7.routers'), role).toBe(true);
      for (const topic of ['users', 'audit', 'security', 'users.extra']) {
        expect(can(role, `tenant.7.${topic}`), `${role} ${topic}`).toBe(role === 'system_admin' || role === 'tenant_admin');
      }
    }
  });

  it.each(['system_admin', 'tenant_admin'] as const)('keeps a %s who must enrol in two-factor sign-in to public invokes, enrolment and app channels', async (role) => {
    const restricted: Session = { ...as(role), restriction: 'two_factor_enrolment' };
    const open = names.filter((n) => checkInvoke(restricted, n) === null).sort();
    expect(open).toEqual([...PUBLIC.filter((n) => names.includes(n as InvokeName)), 'auth.twoFactor.begin', 'auth.twoFactor.confirm', 'auth.twoFactor.status'].sort());
    expect(await dispatchInvoke(core.services, restricted, 'routers.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden', details: { restriction: 'two_factor_enrolment' } } });
    expect(canSubscribe(restricted, parseChannel('app.status')!)).toBe(true);
    for (const channel of ['tenant.7.routers', 'system.tenants']) expect(canSubscribe(restricted, parseChannel(channel)!), channel).toBe(false);
  });
});

describe('the job table, for every role, job kind and action', () => {
  // Spelled out independently of jobAccess: who may, by kind and action.
  const SA = 'system_admin', TA = 'tenant_admin', OP = 'operator', VI = 'viewer';
  const expected: Record<JobKind, Record<JobAction, Role[]>> = {
    operations: { payload: [SA, TA, OP, VI], retry: [SA, TA, OP], cancel: [SA, TA, OP], discard: [SA, TA, OP] },
    admin: { payload: [SA, TA], retry: [SA, TA], cancel: [SA, TA], discard: [SA, TA] },
    // The sign-in audit: no tenant user may cancel or discard its jobs.
    security: { payload: [SA, TA], retry: [SA, TA], cancel: [SA], discard: [SA] },
  };
  const queueOf: Record<JobKind, string> = { operations: 'router-provisioning', admin: 'user-management', security: 'auth-tracking' };
  const kinds = Object.keys(expected) as JobKind[];
  const actions: JobAction[] = ['payload', 'retry', 'cancel', 'discard'];

  it('sorts every queue of the queue table into a kind on purpose, admin work and the sign-in audit apart', () => {
    expect(loadQueueTable().map((q) => q.name).filter((q) => !(q in jobQueueKinds))).toEqual([]);
    expect(['user-management', 'tenant-management', 'auth-tracking'].map(jobKindOf)).toEqual(['admin', 'admin', 'security']);
    expect(jobKindOf('a-queue-nobody-sorted')).toBe('admin');
  });

  it.each(roles)('answers %s for every kind and action as the table says', (role) => {
    for (const kind of kinds) {
      for (const action of actions) {
        const refusal = checkJobAction(as(role), queueOf[kind], action);
        expect(refusal === null, `${role} ${action} ${kind}`).toBe(expected[kind][action].includes(role));
        if (refusal) expect(refusal.code).toBe('forbidden');
      }
      expect(jobAccessOf(role)[kind], `${role} ${kind}`).toEqual(actions.filter((a) => expected[kind][a].includes(role)));
    }
  });

  it('refuses every job action to a signed-out session', () => {
    for (const kind of kinds) for (const action of actions) expect(checkJobAction(as(null), queueOf[kind], action)?.code).toBe('unauthenticated');
  });

  it('says who to ask', () => {
    expect(checkJobAction(as('operator'), 'user-management', 'retry')?.message).toBe('Your role (operator) may not retry user-management jobs; ask an admin of your tenant.');
    expect(checkJobAction(as('tenant_admin'), 'auth-tracking', 'discard')?.message).toBe('Your role (tenant_admin) may not discard auth-tracking jobs; ask a system admin.');
  });

  it('puts payloads on the tenant jobs channel only of kinds every role of the tenant may read', () => {
    expect(kinds.filter(tenantJobEventsShowPayload)).toEqual(['operations']);
  });
});

