import { setTimeout as delay } from 'node:timers/promises';
import { PermanentJobError } from '../../main/jobs/errors';
import type { JobContext } from '../../main/jobs/define-job';
import type { DiagnosticPayload } from '../../main/jobs/diagnostic-payload';

/** The pool's self-test: does what the payload says, so tests and the Jobs view can prove the pool. */
export async function diagnostic(payload: DiagnosticPayload, ctx: JobContext): Promise<unknown> {
  switch (payload.action) {
    case 'ok':
      return { ok: true, attempt: ctx.attempt };
    case 'sleep':
      await delay(payload.ms ?? 100, undefined, { signal: ctx.signal });
      return { slept: payload.ms ?? 100 };
    case 'cpu': {
      const until = performance.now() + (payload.ms ?? 50);
      let x = 0;
      while (performance.now() < until) x += Math.sqrt(x + 1);
      return { spun: payload.ms ?? 50 };
    }
    case 'progress': {
      const steps = 5;
      for (let i = 1; i <= steps; i++) {
        await delay((payload.ms ?? 50) / steps, undefined, { signal: ctx.signal });
        ctx.progress(i / steps, `step ${i} of ${steps}`);
      }
      ctx.log('diagnostic progress finished', { steps });
      return { steps };
    }
    case 'fail':
      if (payload.untilAttempt === undefined || ctx.attempt <= payload.untilAttempt) {
        throw new Error(payload.message ?? `diagnostic failure on attempt ${ctx.attempt}`);
      }
      return { ok: true, attempt: ctx.attempt };
    case 'permanent':
      throw new PermanentJobError(payload.message ?? 'diagnostic permanent failure');
    case 'oom': {
      const hoard: number[][] = [];
      for (;;) hoard.push(new Array(100_000).fill(ctx.attempt));
    }
    case 'crash':
      // Ends the worker thread, as a native crash or a stray process.exit in a library would.
      process.exit(70);
    // falls through (never reached)
    case 'hang':
      for (;;) {
        // Ignores its signal on purpose: only terminating the worker stops it.
      }
    case 'gate': {
      const channel = new BroadcastChannel(payload.gate ?? 'noc-jobs-gate');
      try {
        const released = new Promise<void>((resolve, reject) => {
          channel.onmessage = (event) => {
            const data = (event as MessageEvent).data;
            if (data === 'release' || data === `release:${ctx.jobId}`) resolve();
          };
          ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason), { once: true });
        });
        channel.postMessage(`started:${ctx.jobId}`);
        await released;
      } finally {
        channel.close();
      }
      return { released: true };
    }
  }
}
