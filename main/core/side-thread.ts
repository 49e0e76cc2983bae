import { Piscina } from 'piscina';
import { resolveWorkerFile, type WorkerEntry } from './worker-file';

/**
 * A one-thread piscina pool for a worker that renders on request (voucher sheets, report PDFs)
 * rather than as a job: below the main thread's priority, started with the first task and gone
 * when idle (an idle piscina thread keeps no process alive).
 */
export function sideThread(entry: WorkerEntry, maxOldGenerationSizeMb: number): () => Piscina {
  let pool: Piscina | null = null;
  return () => {
    if (!pool) {
      const worker = resolveWorkerFile(entry);
      pool = new Piscina({
        filename: worker.file,
        execArgv: worker.execArgv,
        minThreads: 0,
        maxThreads: 1,
        idleTimeout: 30_000,
        resourceLimits: { maxOldGenerationSizeMb },
        niceIncrement: 5,
      });
    }
    return pool;
  };
}
