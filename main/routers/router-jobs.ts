import { z } from 'zod';
import { defineJob, jobSet, type MainJobContext, type ScheduleDefinition } from '../jobs/define-job';
import { PermanentJobError } from '../jobs/errors';
import { privateInputMissing, takePrivateInput } from '../jobs/private-input';
import { ROUTER_ENCODINGS, ROUTER_TLS_MODES } from './contract';
import type { RouterJobServices } from './router-services';

type Ctx = MainJobContext<RouterJobServices>;

/** What a draft test keeps out of its payload (payloads show in the Jobs view): the password, and the CA with it. */
const draftSecrets = z.object({ password: z.string(), tlsCa: z.string() }).strict();

/** Counter polls run every this many seconds on `router-data`, resource polls on `router-monitoring`. */
export const COUNTER_POLL_SECONDS = 10;
export const RESOURCE_POLL_SECONDS = 30;
/**
 * A poll's reads are spread over this share of its interval: the load on the console and on
 * the routers stays flat instead of spiking at every tick, and a poll still ends well before
 * the next one is due.
 */
const POLL_SPREAD = 0.5;

/**
 * Router reads and checks as jobs: the periodic polls (one job per tick for the whole fleet;
 * the shards do the I/O in parallel off the main thread) and the operator's connection test.
 */
export const routerJobs = jobSet(
  defineJob({
    name: 'routers.poll-counters',
    queue: 'router-data',
    runs: 'main',
    maxAttempts: 1,
    summary: 'Reads byte counters of every watched router’s sessions (rates for the live views).',
    payload: z.object({}).strict(),
    handler: async (_p, { services }: Ctx) => ({ routers: await services.liveRouters.poll('counters', COUNTER_POLL_SECONDS * 1000 * POLL_SPREAD) }),
  }),
  defineJob({
    name: 'routers.poll-resource',
    queue: 'router-monitoring',
    runs: 'main',
    maxAttempts: 1,
    summary: 'Reads CPU, memory, uptime and identity of every watched router.',
    payload: z.object({}).strict(),
    handler: async (_p, { services }: Ctx) => ({ routers: await services.liveRouters.poll('resource', RESOURCE_POLL_SECONDS * 1000 * POLL_SPREAD) }),
  }),
  defineJob({
    name: 'routers.test',
    queue: 'router-data',
    runs: 'main',
    maxAttempts: 1,
    summary: 'Connects to a router with its stored settings, logs in and reads its identity and resources.',
    payload: z.object({ routerId: z.number().int().positive() }).strict(),
    handler: async ({ routerId }, { services, tenantId }: Ctx) => {
      const record = await services.accounts.read((tx) => tx.routers.get(tenantId, routerId));
      if (!record) throw new PermanentJobError(`router ${routerId} no longer exists`);
      const result = await services.liveRouters.test(record);
      const { ok, message, latencyMs, resource } = result;
      services.bus.publish('RouterTested', { id: routerId, ok, message, latencyMs, identity: resource?.identity ?? null, version: resource?.version ?? null }, record.tenantId);
      return result;
    },
  }),
  defineJob({
    name: 'routers.test-draft',
    queue: 'router-data',
    runs: 'main',
    maxAttempts: 1,
    summary: 'Connects with settings not saved yet (the Add/Edit form), logs in and reads identity and version; stores nothing.',
    payload: z
      .object({ name: z.string(), host: z.string(), port: z.number().int(), tls: z.enum(ROUTER_TLS_MODES), username: z.string(), encoding: z.enum(ROUTER_ENCODINGS) })
      .strict(),
    privateInput: draftSecrets,
    handler: async ({ name, host, port, tls, username, encoding }, ctx: Ctx) => {
      const secrets = takePrivateInput(ctx, draftSecrets);
      if (!secrets) throw privateInputMissing(ctx);
      const endpoint = { id: 0, name, host, port, tls: { mode: tls, ca: secrets.tlsCa, pinned: null }, username, password: secrets.password, encoding };
      const { ok, message, latencyMs, fingerprint } = await ctx.services.liveRouters.testDraft(endpoint);
      ctx.services.bus.publish('RouterDraftTested', { jobId: ctx.jobId, ok, message, latencyMs, fingerprint }, ctx.tenantId ?? undefined);
      return { ok, message, latencyMs };
    },
  }),
);

export const routerSchedules: ScheduleDefinition[] = [
  { key: 'routers.poll-counters', job: 'routers.poll-counters', payload: {}, every: { seconds: COUNTER_POLL_SECONDS } },
  { key: 'routers.poll-resource', job: 'routers.poll-resource', payload: {}, every: { seconds: RESOURCE_POLL_SECONDS } },
];
