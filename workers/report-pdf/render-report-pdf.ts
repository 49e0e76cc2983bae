import PDFDocument from 'pdfkit';
import type { PdfTable, ReportDocument } from '../../main/reports/report-document';
import { pdfText } from './pdf-text';

const MARGIN = 40;
const ROW = 13;
const FONT = { text: 'Helvetica', bold: 'Helvetica-Bold' } as const;
const SIZE = { title: 16, subtitle: 9, note: 8, caption: 11, cell: 8, page: 7 } as const;

type Doc = PDFKit.PDFDocument;

/** The text cut with an ellipsis to fit the width (a long plan name never runs into the next column). */
function fit(doc: Doc, text: string, width: number): string {
  const safe = pdfText(text);
  if (doc.widthOfString(safe) <= width) return safe;
  let cut = safe;
  while (cut.length > 1 && doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}

function drawRow(doc: Doc, table: PdfTable, cells: readonly string[], y: number, font: string): void {
  const width = doc.page.width - 2 * MARGIN;
  const weights = table.columns.reduce((sum, c) => sum + c.weight, 0);
  let x = MARGIN;
  doc.font(font).fontSize(SIZE.cell);
  table.columns.forEach((column, i) => {
    const w = (column.weight / weights) * width;
    const pad = 3;
    doc.text(fit(doc, cells[i] ?? '', w - 2 * pad), x + pad, y, { width: w - 2 * pad, align: column.align, lineBreak: false });
    x += w;
  });
}

const rule = (doc: Doc, y: number) => doc.moveTo(MARGIN, y).lineTo(doc.page.width - MARGIN, y).lineWidth(0.5).strokeColor('#888888').stroke();

/** One table, its header row repeated at the top of every page it runs onto. */
function drawTable(doc: Doc, table: PdfTable, top: number): number {
  const bottom = doc.page.height - MARGIN - ROW;
  let y = top;
  const caption = (text: string) => {
    doc.font(FONT.bold).fontSize(SIZE.caption).fillColor('#000000').text(pdfText(text), MARGIN, y, { lineBreak: false });
    y += SIZE.caption + 6;
  };
  const header = () => {
    drawRow(doc, table, table.columns.map((c) => c.header), y, FONT.bold);
    y += ROW;
    rule(doc, y - 3);
  };
  // A caption never sits alone at the foot of a page.
  if (y + 3 * ROW + SIZE.caption > bottom) {
    doc.addPage();
    y = MARGIN;
  }
  caption(table.caption);
  header();
  for (const row of table.rows) {
    if (y > bottom) {
      doc.addPage();
      y = MARGIN;
      caption(`${table.caption} (continued)`);
      header();
    }
    drawRow(doc, table, row, y, FONT.text);
    y += ROW;
  }
  if (table.footer) {
    rule(doc, y - 2);
    drawRow(doc, table, table.footer, y + 1, FONT.bold);
    y += ROW;
  }
  return y + ROW;
}

/**
 * The report as PDF bytes: title, what the figures mean, then each table, A4 with page numbers.
 * Standard fonts only (nothing to embed; the text stays extractable for search and tests).
 */
export async function renderReportPdf(report: ReportDocument): Promise<{ pdf: Uint8Array; pages: number }> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, bufferPages: true, info: { Title: pdfText(report.title), Creator: 'NOC Console' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  doc.font(FONT.bold).fontSize(SIZE.title).text(pdfText(report.title), MARGIN, MARGIN, { width });
  doc.font(FONT.text).fontSize(SIZE.subtitle).text(pdfText(report.subtitle), { width });
  doc.moveDown(0.5).fontSize(SIZE.note).fillColor('#333333');
  for (const note of report.notes) doc.text(pdfText(note), { width });
  let y = doc.y + ROW;
  for (const table of report.tables) y = drawTable(doc, table, y);
  const { count } = doc.bufferedPageRange();
  for (let i = 0; i < count; i++) {
    doc.switchToPage(i);
    // Text inside the bottom margin would make pdfkit start a new page: the footer lifts the margin.
    doc.page.margins.bottom = 0;
    doc.font(FONT.text).fontSize(SIZE.page).fillColor('#666666').text(`Page ${i + 1} of ${count}`, MARGIN, doc.page.height - MARGIN + 12, { width, align: 'right', lineBreak: false });
  }
  doc.end();
  return { pdf: new Uint8Array(await done), pages: count };
}
