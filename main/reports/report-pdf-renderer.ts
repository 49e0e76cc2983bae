import { sideThread } from '../core/side-thread';
import type { ReportDocument } from './report-document';

/**
 * Report PDFs render on a thread of their own, off the main thread (pdfkit lays out a year of
 * days in tens of milliseconds, which the event loop of a console server should not wait for),
 * and are answered directly: a report is a read, not a job.
 */
const pool = sideThread('report-pdf', 128);

export async function renderReportOffThread(report: ReportDocument): Promise<{ pdf: Uint8Array; pages: number }> {
  return (await pool().run(report)) as { pdf: Uint8Array; pages: number };
}
