import { z } from 'zod';

/**
 * Payload of `jobs.diagnostic`, the pool's self-test job. Worker-safe (zod only): the worker
 * task and the main-side definition share it. Actions beyond the ones the `jobs.diagnose`
 * invoke exposes exist for tests and benchmarks (out of memory, crash, hang, gates).
 */
export const diagnosticPayload = z
  .object({
    action: z.enum(['ok', 'sleep', 'cpu', 'fail', 'permanent', 'progress', 'oom', 'crash', 'hang', 'gate']),
    /** sleep / cpu / progress: how long. */
    ms: z.number().int().min(0).max(600_000).optional(),
    /** fail: fail attempts 1..untilAttempt, then succeed (default: always fail). */
    untilAttempt: z.number().int().min(1).max(100).optional(),
    message: z.string().max(500).optional(),
    /** gate: BroadcastChannel name; the job posts "started:<id>" and waits for "release:<id>" or "release". */
    gate: z.string().max(100).optional(),
  })
  .strict();

export type DiagnosticPayload = z.output<typeof diagnosticPayload>;
