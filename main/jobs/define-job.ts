import type { z } from 'zod';

/** What every handler gets, in the main process and on the pool alike. */
export interface JobContext {
  jobId: number;
  name: string;
  tenantId: number | null;
  /** 1-based number of this attempt. */
  attempt: number;
  maxAttempts: number;
  /** Aborted when the job is cancelled or its queue's timeout passes; handlers must honour it. */
  signal: AbortSignal;
  /** Reports progress, 0..1, with an optional message; coalesced before it reaches the UI. */
  progress(fraction: number, message?: string): void;
  /** One line in the queue's JSON-lines log, with the job id attached. */
  log(message: string, fields?: Record<string, unknown>): void;
}

/** The part of the engine main-process handlers may use (kept small to keep types acyclic). */
export interface JobEngineHandle {
  housekeeping(options: { retainDays: number }): { rotated: string[]; pruned: number };
  /** Reads and deletes a job's private input (private-input.ts); undefined when there is none. */
  takePrivateInput(jobId: number): unknown;
}

/**
 * The services the engine hands to main-process handlers. The core names them: core/services.ts
 * merges `services: CoreServices` into this interface, so the engine imports nothing of the core
 * and the import graph runs downward.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by declaration merging
export interface JobServicesRegistry {}

/** What `ctx.services` is when a handler does not declare narrower services. */
export type JobServices = JobServicesRegistry extends { services: infer S } ? S : unknown;

/**
 * Main-process handlers may also reach services and the engine itself. A domain's handler may
 * declare the few services it uses (`ctx: MainJobContext<UserServices>`): the engine passes the
 * core's, which must satisfy that interface (the handler is checked against this definition).
 */
export interface MainJobContext<Svc = JobServices> extends JobContext {
  readonly services: Svc;
  readonly engine: JobEngineHandle;
}

interface JobDefinitionBase<N extends string, S extends z.ZodType> {
  name: N;
  /** A queue of resources/queues.json; checked when the engine starts. */
  queue: string;
  payload: S;
  /**
   * The schema of the job's private input, if it has one: secrets and personal data it needs
   * (a password hash, an email) that must not sit in its payload, which lists, details and events
   * show. Given with `enqueue(..., { privateInput })`, taken by the handler (private-input.ts).
   */
  privateInput?: z.ZodType;
  summary: string;
  /** Overrides the queue's attempts for this job. */
  maxAttempts?: number;
}

/** A light job: its handler runs on the main thread and must not block it. */
export interface MainJobDefinition<N extends string = string, S extends z.ZodType = z.ZodType> extends JobDefinitionBase<N, S> {
  runs: 'main';
  handler(payload: z.output<S>, ctx: MainJobContext): unknown;
}

/**
 * A heavy or blocking job: it runs on the piscina pool. Its handler lives in workers/ (joined in
 * workers/pool-tasks.ts, typed against this definition) because workers cannot load main code.
 */
export interface PoolJobDefinition<N extends string = string, S extends z.ZodType = z.ZodType> extends JobDefinitionBase<N, S> {
  runs: 'pool';
}

export type JobDefinition<N extends string = string, S extends z.ZodType = z.ZodType> =
  | MainJobDefinition<N, S>
  | PoolJobDefinition<N, S>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyJobDefinition = MainJobDefinition<string, any> | PoolJobDefinition<string, any>;

export type JobRegistry = Record<string, AnyJobDefinition>;

export function defineJob<const N extends string, S extends z.ZodType>(def: MainJobDefinition<N, S>): MainJobDefinition<N, S>;
export function defineJob<const N extends string, S extends z.ZodType>(def: PoolJobDefinition<N, S>): PoolJobDefinition<N, S>;
export function defineJob(def: AnyJobDefinition): AnyJobDefinition {
  return def;
}

/** Joins definitions into a registry keyed by job name (a domain exports one of these). */
export function jobSet<const D extends readonly AnyJobDefinition[]>(...defs: D): { [K in D[number] as K['name']]: K } {
  const set: Record<string, AnyJobDefinition> = {};
  for (const def of defs) {
    if (set[def.name]) throw new Error(`job "${def.name}" is defined twice`);
    set[def.name] = def;
  }
  return set as { [K in D[number] as K['name']]: K };
}

export type JobName<R extends JobRegistry> = keyof R & string;
export type JobPayloadInput<R extends JobRegistry, N extends JobName<R>> = z.input<R[N]['payload']>;

/** A schedule contributed by a domain; stored in the database at start (see scheduler.ts). */
export interface ScheduleDefinition<R extends JobRegistry = JobRegistry> {
  /** Stable identity of the schedule; also its unique key, so ticks never pile up. */
  key: string;
  job: JobName<R>;
  payload: unknown;
  tenantId?: number | null;
  /** Either every N seconds or daily at local "HH:MM". */
  every?: { seconds: number };
  daily?: { at: string };
}
