import type { ReportDocument } from '../main/reports/report-document';
import { renderReportPdf } from './report-pdf/render-report-pdf';

/** Piscina task: one report PDF, returned as bytes (see main/reports/report-pdf-renderer.ts for the pool). */
export default function renderReportPdfTask(report: ReportDocument): Promise<{ pdf: Uint8Array; pages: number }> {
  return renderReportPdf(report);
}
