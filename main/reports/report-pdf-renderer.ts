import { Piscina } from 'piscina';
import { resolveWorkerFile } from '../core/worker-file';
import type { ReportDocument } from './report-document';

/**
 * Report PDFs render on a small pool of their own, off the main thread (pdfkit lays out a year of
 * days in tens of milliseconds, which the event loop of a console server should not wait for),
 * and are answered directly: a report is a read, not a job. One thread, below the main thread's
 * priority; it starts with the first PDF and goes when idle (an idle thread keeps no process alive).
 */
let pool: Piscina | null = null;

export async function renderReportOffThread(report: ReportDocument): Promise<{ pdf: Uint8Array; pages: number }> {
  if (!pool) {
    const worker = resolveWorkerFile('report-pdf');
    pool = new Piscina({
      filename: worker.file,
      execArgv: worker.execArgv,
      minThreads: 0,
      maxThreads: 1,
      idleTimeout: 30_000,
      resourceLimits: { maxOldGenerationSizeMb: 128 },
      niceIncrement: 5,
    });
  }
  return (await pool.run(report)) as { pdf: Uint8Array; pages: number };
}
