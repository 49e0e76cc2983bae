import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/password';
import { seedTenant } from '../auth/test-accounts';
import { CREDENTIAL_INVOKES } from '../connection/invoke-limits';
import { startTestHost, type TestHost } from '../host/test-host';
import type { WsTestClient } from '../host/ws-test-client';
import { startSimulatedRouter, type SimulatedRouter } from '../routers/simulator';
import { events, invokes, type InvokeName } from './index';
import { MAX_MESSAGE_BYTES } from './limits';
import type { ServerMessage } from './protocol';
import { ContractWorld, ROLES, type AccountSeed, type RoleName, type WireClient } from './testing/contract-world';
import { exposures, type Needle } from './testing/frame-exposure';
import { changedTables, fingerprint, totalChanges, type Fingerprint, type FingerprintRules } from './testing/store-fingerprint';
import { invokeInput, type FieldHint } from './testing/zod-arbitrary';

/**
 * Issue 10's property test: every invoke of the contract (read from its table, so a new one is
 * driven the day it is declared), as each role (signed out, viewer, operator, tenant admin of A,
 * tenant admin of B, system admin), with inputs generated from the invoke's own schema (ids of
 * the other tenant's rows, known usernames and passwords, huge and odd values, extra keys) and
 * arbitrary JSON, over the real WebSocket of a headless host with a simulated router. For every call:
 *
 * 1. the reply is a result (or, past the frame limit, a payload_too_large error), never `internal`,
 *    and the connection answers the next invoke;
 * 2. a refused or invalid call leaves the store as it was (row counts and a hash of every table),
 *    apart from writes that are not the call's (see `rulesFor`);
 * 3. no frame any connection receives, result or event, on any channel it may follow, shows a
 *    secret, a token of another connection, or an email or subscriber login outside the places the
 *    rule of testing/frame-exposure.ts allows.
 *
 * Bounded and reproducible: RUNS inputs per invoke and role (a quarter of them for invokes that
 * hash a password) from one seed, printed on failure;
 * NOC_CONTRACT_SEED=<seed> runs the same inputs again (each test derives its own seed from it).
 */
const RUNS = Number(process.env.NOC_CONTRACT_RUNS ?? 20);
/** Invokes that hash or verify a password cost a deliberate ~0.1 s of scrypt each: fewer runs keep the suite near a minute. */
const RUNS_HASHING = Math.max(1, Math.round(RUNS / 4));
const SEED = Number(process.env.NOC_CONTRACT_SEED ?? Math.floor(Math.random() * 2 ** 31));

const FRESH_PASSWORD = /^[A-Z][a-z]{4,8}-[0-9]{3,5}-[a-z]{2,6}$/;
const account = (username: string, role: AccountSeed['role'], tenant: AccountSeed['tenant'], email: string, password: string, extra: Partial<AccountSeed> = {}) =>
  hashPassword(password).then((passwordHash): AccountSeed => ({ username, name: `${username[0]!.toUpperCase()}${username.slice(1)} Tester`, email, password, passwordHash, role, tenant, ...extra }));

/** Every channel name the contract's events use, tenants as placeholders. */
const channels = [
  ...new Set(
    Object.values(events).flatMap((def) =>
      def.scope === 'tenant'
        ? [`tenant.{A}.${def.topic}`, `tenant.{B}.${def.topic}`, ...(def.withoutTenant === 'system' ? [`system.${def.topic}`] : [])]
        : [`${def.scope}.${def.topic}`],
    ),
  ),
];

/**
 * Writes the store may see during a call that are not the call's: timers (scheduled polls and
 * their schedule rows; the session touch of any invoke, `last_seen_at`, throttled to once a
 * minute). Invokes that check a password or code also count a failure toward the lockout when
 * they refuse (auth_attempts, auth_lockouts, the auth-tracking job that audits it and its audit
 * entry): that is the documented effect of a wrong password, so it is left out for them only.
 */
function rulesFor(name: InvokeName): FingerprintRules {
  const scheduled = 'SELECT j.id FROM jobs j JOIN job_schedules s ON s.job_name = j.name AND s.payload = j.payload';
  // The world's routers come and go on their own (connect, fail, retry): staff router alerts
  // (episodes, grouped notices, their jobs) follow those state changes, not the invoke.
  const routerAlerts = "SELECT id FROM jobs WHERE queue = 'notifications'";
  const base: FingerprintRules = {
    job_schedules: { skip: true },
    jobs: { where: `t.id NOT IN (${scheduled}) AND t.queue <> 'notifications'` },
    job_attempts: { where: `t.job_id NOT IN (${scheduled}) AND t.job_id NOT IN (${routerAlerts})` },
    auth_sessions: { omit: ['last_seen_at'] },
    notification_router_episodes: { skip: true },
    notification_groups: { skip: true },
    notification_group_items: { skip: true },
    notifications: { where: "t.rule NOT LIKE 'router-%'" },
  };
  if (!CREDENTIAL_INVOKES.has(name)) return base;
  const tracking = "SELECT id FROM jobs WHERE queue = 'auth-tracking'";
  return {
    ...base,
    auth_attempts: { skip: true },
    auth_lockouts: { skip: true },
    jobs: { where: `t.id NOT IN (${scheduled}) AND t.queue NOT IN ('auth-tracking', 'notifications')` },
    job_attempts: { where: `t.job_id NOT IN (${scheduled}) AND t.job_id NOT IN (${tracking}) AND t.job_id NOT IN (${routerAlerts})` },
    audit_log: { where: "t.action NOT IN ('auth.sign_in_failed', 'auth.account_locked')" },
  };
}

/** A value picked from one of the world's pools when the call is made (ids change as rows come and go). */
class Pick {
  constructor(
    readonly pool: Parameters<ContractWorld['pool']>[0],
    readonly index: number,
  ) {}
}
const pick = (pool: Pick['pool']) => fc.nat({ max: 63 }).map((i) => new Pick(pool, i));

/**
 * The input as sent: picks replaced by the pool's current values. A known password in an input
 * that names a known account is that account's, so right credentials (accepted sign-ins) come up,
 * not only wrong ones.
 */
function resolve(value: unknown, world: ContractWorld, siblings: Record<string, unknown> = {}): unknown {
  if (value instanceof Pick) {
    const named = Object.values(siblings).find((v): v is Pick => v instanceof Pick && v.pool === 'username');
    if (value.pool === 'password' && named) return world.passwordOf(String(resolve(named, world)));
    const pool = world.pool(value.pool);
    return pool[value.index % pool.length];
  }
  if (Array.isArray(value)) return value.map((v) => resolve(v, world));
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(record)) Object.defineProperty(out, k, { value: resolve(v, world, record), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value;
}

/** Values a form would send (built once: compiling a pattern per test costs more than its runs). */
const FRESH = {
  username: fc.stringMatching(/^[a-z][a-z0-9]{2,10}$/),
  email: fc.tuple(fc.stringMatching(/^[a-z]{3,8}[0-9]{2}$/), fc.constantFrom('alpha.example', 'beta.example')).map(([l, d]) => `${l}@${d}`),
  password: fc.stringMatching(FRESH_PASSWORD),
  name: fc.stringMatching(/^[A-Z][a-z]{2,8} [A-Z][a-z]{2,10}$/),
  code: fc.oneof(fc.stringMatching(/^[0-9]{6}$/), fc.stringMatching(/^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/)),
  loopback: fc.constantFrom('127.0.0.1', 'localhost', '::1', '127.0.0.9'),
  /** Passes the contract's PEM check; only the handler can tell it is no certificate. */
  pem: fc.constant('-----BEGIN CERTIFICATE-----\nTUlJQg==\n-----END CERTIFICATE-----'),
  diagnosticMs: fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }),
};

/**
 * Fields filled from the world (ids of real rows of both tenants, known accounts, live session
 * keys, tokens) or with values a form would send, mixed with what the schema alone gives. Three
 * fields are held back: routers are pointed at loopback names and known ports (no lookups or
 * connects leave the machine or reach another process), and a diagnostic job sleeps or burns
 * CPU for at most 50 ms.
 */
function hintsFor(name: InvokeName, sim: SimulatedRouter): FieldHint {
  const domain = name.split('.')[0];
  const idPool = domain === 'users' ? 'user' : domain === 'routers' ? 'router' : domain === 'jobs' ? 'job' : undefined;
  return (path, derived) => {
    const mix = (...own: Array<fc.Arbitrary<unknown>>) => fc.oneof({ weight: 3, arbitrary: own.length === 1 ? own[0]! : fc.oneof(...own) }, { weight: 1, arbitrary: derived });
    // Mostly new values (so creations are accepted), sometimes a known one (taken, or the right credentials).
    const freshOrKnown = (fresh: fc.Arbitrary<unknown>, known: fc.Arbitrary<unknown>, knownWeight = 2) => mix(fc.oneof({ weight: 3, arbitrary: fresh }, { weight: knownWeight, arbitrary: known }));
    switch (path.at(-1)) {
      case 'id':
        return idPool ? mix(pick(idPool)) : undefined;
      case 'tenantId':
        return mix(pick('tenant'));
      case 'routerId':
        return mix(pick('router'));
      case 'beforeId':
        return mix(pick('job'), pick('audit'));
      case 'key':
        return mix(pick('hotspot-key'), pick('pppoe-key'));
      case 'token':
        return mix(pick('token'));
      case 'username':
      case 'admin_username':
        return freshOrKnown(FRESH.username, pick('username'));
      case 'email':
      case 'admin_email':
        return freshOrKnown(FRESH.email, pick('email'));
      case 'password':
      case 'currentPassword':
      case 'newPassword':
      case 'admin_password':
        return freshOrKnown(FRESH.password, pick('password'), 6);
      case 'name':
      case 'admin_name':
      case 'tenant_name':
        return mix(FRESH.name);
      case 'code':
        return mix(FRESH.code);
      case 'host':
        return fc.oneof(FRESH.loopback, derived.filter((v) => typeof v !== 'string' || !/^[\w.:-]+$/.test(v.trim())));
      case 'port':
        // Fixed ports only: a random one could be another process's TLS listener, and a pinned router would pin it in the background.
        return fc.constantFrom(sim.port, 1, 9, 65535, 0, -1, 65536, 80.5);
      case 'tlsCa':
        return mix(FRESH.pem);
      case 'ms':
        return FRESH.diagnosticMs;
      default:
        return undefined;
    }
  };
}

describe('every invoke, every role, generated inputs (issue 10)', () => {
  let testHost: TestHost;
  let sim: SimulatedRouter;
  let world: ContractWorld;
  const labels = new WeakMap<ServerMessage, string>();
  const sentSecrets = new Map<string, Needle>();
  let cached: { changes: number; rules: string; print: Fingerprint } | null = null;

  const snapshot = (rules: FingerprintRules): Fingerprint => {
    const db = testHost.host.core.db;
    const changes = totalChanges(db);
    const key = JSON.stringify(rules);
    if (cached?.changes !== changes || cached.rules !== key) cached = { changes, rules: key, print: fingerprint(db, rules) };
    return cached.print;
  };

  /** Every frame received since the last check, on every connection, against the exposure rule. */
  const unexposed = () => {
    const needles = [...world.needles(), ...sentSecrets.values()];
    const found: string[] = [];
    for (const role of ROLES) {
      const receiver = world.receiver(role);
      for (const frame of world.clients.get(role)!.received.splice(0)) {
        const problems = exposures({ frame, invoke: labels.get(frame) }, receiver, needles);
        if (problems.length > 0) found.push(`${role} received ${problems.join(', ')} in ${JSON.stringify(frame).slice(0, 400)}`);
      }
    }
    return found;
  };

  /** Sends one invoke; past the frame limit the host answers with an error frame, not a result. */
  const send = async (role: RoleName, name: string, input: unknown): Promise<ServerMessage> => {
    const client = world.clients.get(role)!;
    if (Buffer.byteLength(JSON.stringify({ type: 'invoke', id: 0, name, input })) <= MAX_MESSAGE_BYTES) return client.invoke(name, input);
    const raw = client as unknown as WsTestClient;
    raw.sendRaw(JSON.stringify({ type: 'invoke', id: 0, name, input }));
    return raw.next((m) => m.type === 'error');
  };

  beforeAll(async () => {
    const subscribers = { hotspotUsers: ['0712345678', 'jane.roe@customers.example'], pppoe: [{ name: '+254733111222', callerId: '0733444555' }] };
    sim = await startSimulatedRouter({ name: 'alpha-hq', username: 'api', password: 'Alpha-Router-Secret-5521', clock: 'manual' });
    for (const user of subscribers.hotspotUsers) sim.model.addHotspotSession({ user });
    for (const s of subscribers.pppoe) sim.model.addPppSession(s);
    // Sign-in limits are not under test here (refusals by them are proper errors anyway): room for every generated sign-in.
    const room = { points: 1_000_000, seconds: 60 };
    testHost = await startTestHost({ invokeLimits: { invokesPerConnection: room, signInsPerConnection: room, signInsPerAddress: room } });
    const clients = new Map<RoleName, WireClient>();
    for (const role of ROLES) {
      const client = await testHost.connect();
      const invoke = client.invoke.bind(client);
      client.invoke = async (name, input) => {
        const reply = await invoke(name, input);
        labels.set(reply, name);
        return reply;
      };
      clients.set(role, client);
    }
    const accounts = await Promise.all([
      account('root', 'system_admin', null, 'root.ops@noc.example', 'Root-Console-Pw-8812', { connection: 'system-admin' }),
      account('anna', 'tenant_admin', 'A', 'anna.admin@alpha.example', 'Anna-Alpha-Pw-4471', { connection: 'tenant-admin-a' }),
      account('otto', 'operator', 'A', 'otto.tech@alpha.example', 'Otto-Field-Pw-3390', { connection: 'operator', twoFactor: true }),
      account('vera', 'viewer', 'A', 'vera.view@alpha.example', 'Vera-Read-Pw-2275', { connection: 'viewer' }),
      account('bert', 'tenant_admin', 'B', 'bert.admin@beta.example', 'Bert-Beta-Pw-6618', { connection: 'tenant-admin-b' }),
      account('bob', 'operator', 'B', 'bob.tech@beta.example', 'Bob-Beta-Pw-1904'),
    ]);
    const { services, db } = testHost.host.core;
    const tenants = { A: (await seedTenant(services, 'Alpha Net')).id, B: (await seedTenant(services, 'Beta Net')).id };
    world = new ContractWorld(services, db, clients, channels, {
      tenants,
      accounts,
      routers: [
        { tenant: 'A', name: 'alpha-hq', host: sim.host, port: sim.port, username: 'api', password: 'Alpha-Router-Secret-5521' },
        { tenant: 'B', name: 'beta-hq', host: '127.0.0.1', port: 9, username: 'api', password: 'Beta-Router-Secret-7730' },
      ],
      subscribers,
      sim,
    });
    world.addSecret(readFileSync(join(services.dataDir, 'secret.key'), 'utf8').trim(), 'the data key');
    await world.open();
    await liveSessions((hotspot, pppoe) => hotspot >= 2 && pppoe >= 1);
    await world.settle();
    await world.restore('signed-out');
    expect(unexposed()).toEqual([]);
  }, 60_000);

  afterAll(async () => {
    await testHost?.dispose();
    await sim?.stop();
  });

  /** Resolves once tenant A's live sets satisfy `done` (checked on every session event). */
  const liveSessions = (done: (hotspot: number, pppoe: number) => boolean) => {
    const { sessions, bus } = testHost.host.core.services;
    const check = () => done(sessions.hotspotSnapshot(world.tenants.A).sessions.length, sessions.pppoeSnapshot(world.tenants.A).sessions.length);
    return new Promise<void>((resolve) => {
      if (check()) return resolve();
      const stop = (['HotspotSessionsChanged', 'PppoeSessionsChanged'] as const).map((name) =>
        bus.on(name, () => {
          if (!check()) return;
          for (const unsubscribe of stop) unsubscribe();
          resolve();
        }),
      );
    });
  };

  it("broadcasts the router's subscribers masked when they log in again (their rows go out as events, not only in lists)", async () => {
    for (const id of sim.model.hotspotSessionIds()) sim.model.removeHotspotSession(id);
    for (const id of sim.model.pppSessionIds()) sim.model.removePppSession(id);
    await liveSessions((hotspot, pppoe) => hotspot === 0 && pppoe === 0);
    await world.restore('signed-out'); // logs them in again
    await liveSessions((hotspot, pppoe) => hotspot >= 2 && pppoe >= 1);
    // A reply after the last batch was published: every event frame before it has arrived.
    for (const role of ROLES) await world.clients.get(role)!.invoke('system.status', {});
    const exposed = unexposed();
    expect(exposed, exposed.join('\n')).toEqual([]);
  });

  const names = Object.keys(invokes) as InvokeName[];
  describe.each(names)('%s', (name) => {
    it.each(ROLES)('as %s', async (role) => {
      const seed = (SEED ^ hashOf(`${name} ${role}`)) >>> 0;
      const rules = rulesFor(name);
      const property = fc.asyncProperty(invokeInput(invokes[name].input, hintsFor(name, sim)), async (generated) => {
        const input = resolve(generated, world);
        trackSentSecrets(input);
        const before = snapshot(rules);
        let reply: ServerMessage;
        try {
          reply = await send(role, name, input);
          world.observe(role, name, reply);
          await world.settle();
          const refused = reply.type !== 'result' || !reply.ok;
          expect(reply.type === 'result' || (reply.type === 'error' && reply.error.code === 'payload_too_large'), JSON.stringify(reply)).toBe(true);
          expect(refused ? (reply as { error: { code: string } }).error.code : 'ok', JSON.stringify(reply).slice(0, 500)).not.toBe('internal');
          const changed = refused ? changedTables(before, snapshot(rules)) : [];
          expect(changed, `${changed.join(', ')} changed, refused with ${JSON.stringify(reply).slice(0, 300)}`).toEqual([]);
        } finally {
          await world.restore(role); // also proves the connection still answers
        }
        const exposed = unexposed();
        expect(exposed, exposed.join('\n')).toEqual([]);
      });
      await fc.assert(property, { numRuns: CREDENTIAL_INVOKES.has(name) ? RUNS_HASHING : RUNS, seed, endOnFailure: true }).catch((error: Error) => {
        throw new Error(`${error.message}\n${String((error.cause as Error | undefined)?.message ?? '')}\n(run again with NOC_CONTRACT_SEED=${SEED})`);
      });
    }, 120_000);
  });

  it('leaves no frame unchecked: job events still batched after the last call are checked too', async () => {
    const services = testHost.host.core.services;
    const root = world.clients.get('system-admin')! as unknown as WsTestClient;
    const { jobId } = services.jobs.enqueue('jobs.noop', {});
    await root.next((m) => m.type === 'event' && m.channel === 'system.jobs' && m.name === 'JobProcessed' && (m.payload as { items: Array<{ id: number }> }).items.some((j) => j.id === jobId), 10_000);
    expect(unexposed()).toEqual([]);
  });

  /** Passwords a call sends (new accounts, new router passwords, wrong guesses) may never come back either. */
  function trackSentSecrets(input: unknown): void {
    if (typeof input !== 'object' || input === null) return;
    for (const [key, value] of Object.entries(input)) {
      if (/password/i.test(key) && typeof value === 'string' && FRESH_PASSWORD.test(value)) sentSecrets.set(value, { kind: 'secret', value, label: `password sent as ${key}` });
    }
  }
});

function hashOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
