import PDFDocument from 'pdfkit';
import type { z } from 'zod';
import { PermanentJobError } from '../../main/jobs/errors';
import { voucherSheetInput, type VoucherSheetInput } from '../../main/vouchers/sheet-contract';
import { drawA4Sheet } from './a4-sheet';
import { drawRoll } from './roll-page';
import { openSheetLogo } from './sheet-logo';

/**
 * Renders a voucher sheet to PDF bytes: an A4 grid with cut lines or a thermal roll, each card
 * with the tenant's name and logo, the plan, price, validity, the code(s) and a QR code of the
 * hotspot login URL. CPU-bound (about 1 ms a card): it runs on a pool worker, never on the main
 * thread. Input is checked again here, as a job's payload may come from an older version.
 */
export async function renderVoucherSheet(input: VoucherSheetInput): Promise<Buffer> {
  const parsed = voucherSheetInput.safeParse(input);
  if (!parsed.success) throw new PermanentJobError(`cannot print the voucher sheet: ${describeIssues(parsed.error)}`);
  const sheet = parsed.data;

  const doc = new PDFDocument({
    autoFirstPage: false,
    margin: 0,
    info: { Title: `${sheet.tenantName} vouchers: ${sheet.planName}`, Creator: 'NOC Console' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const logo = sheet.logo === null ? null : openSheetLogo(doc, sheet.logo);
  if (sheet.layout === 'a4') drawA4Sheet(doc, sheet, logo);
  else drawRoll(doc, sheet, logo);
  doc.end();
  return done;
}

const MAX_LISTED_ISSUES = 3;

/** The first few problems with where they are (a 10,000-card batch could have 10,000). */
function describeIssues(error: z.ZodError): string {
  const listed = error.issues.slice(0, MAX_LISTED_ISSUES).map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message));
  const more = error.issues.length - listed.length;
  return listed.join('; ') + (more > 0 ? `; and ${more} more` : '');
}
