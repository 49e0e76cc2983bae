import type { z } from 'zod';
import type { MainJobContext } from './define-job';

/** What taking a job's private input needs of its context. */
export type PrivateInputContext = Pick<MainJobContext<unknown>, 'engine' | 'jobId' | 'name'>;
import { PermanentJobError } from './errors';

/**
 * Takes (reads and deletes) the private input of the running job — the secrets and personal data
 * its command kept out of the payload (`enqueue(..., { privateInput })`). Call it inside the
 * transaction that applies the job: a failed attempt rolls back and leaves it for the retry, a
 * committed one leaves nothing behind. Null when there is none (any more: a rerun after commit).
 */
export function takePrivateInput<S extends z.ZodType>(ctx: PrivateInputContext, schema: S): z.output<S> | null {
  const raw = ctx.engine.takePrivateInput(ctx.jobId);
  if (raw === undefined) return null;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new PermanentJobError(`the private input of job ${ctx.jobId} no longer fits ${ctx.name}; submit the change again`);
  return parsed.data;
}

/** The error of a job whose private input is gone before it could apply it. */
export const privateInputMissing = (ctx: Pick<MainJobContext<unknown>, 'jobId' | 'name'>): PermanentJobError =>
  new PermanentJobError(`job ${ctx.jobId} (${ctx.name}) has lost the values it was to apply (kept apart from its payload); submit the change again`);
