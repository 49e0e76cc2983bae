import { describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../main/reports/report-document';
import { readPdfText } from '../voucher-sheet/read-pdf-text';
import { pdfText } from './pdf-text';
import { renderReportPdf } from './render-report-pdf';

const table = (rows: number): ReportDocument['tables'][number] => ({
  caption: 'Revenue by plan',
  columns: [
    { header: 'Plan', align: 'left', weight: 2 },
    { header: 'Total', align: 'right', weight: 1 },
  ],
  rows: Array.from({ length: rows }, (_, i) => [`Plan ${i + 1}`, `${i},00\u202fEUR`]),
  footer: ['Total', '999,00 EUR'],
});

describe('report PDF layout (pdfkit, read back with pdf.js)', () => {
  it('prints any plan name: Latin text as is, narrow spaces as spaces, other scripts as "?"', () => {
    expect(pdfText('1\u202f500,00\u00a0€ Café – Straße')).toBe('1 500,00\u00a0€ Café – Straße');
    expect(pdfText('Ωmega 日本')).toBe('?mega ??');
  });

  it('runs a long table over pages with its caption and header again on each, the footer at its end, numbered pages', async () => {
    const { pdf, pages } = await renderReportPdf({ title: 'Kaffee & Co: revenue', subtitle: 'a year', notes: ['A note.'], tables: [table(150)] });
    const text = await readPdfText(pdf);
    expect(text).toHaveLength(pages);
    expect(pages).toBe(3);
    expect(text[0]).toContain('Kaffee & Co: revenue');
    for (const [i, page] of text.entries()) {
      expect(page).toContain(i === 0 ? 'Revenue by plan' : 'Revenue by plan (continued)');
      expect(page).toContain('Plan\nTotal');
      expect(page).toContain(`Page ${i + 1} of 3`);
    }
    expect(text.join('\n')).toContain('Plan 150');
    expect(text[2]).toContain('999,00 EUR');
    expect(text[0]).toContain('0,00 EUR');
  });

  it('cuts a name too long for its column with an ellipsis instead of running into the next', async () => {
    const long = { ...table(1), rows: [['Fibre 100M business unlimited with static IP and priority support for the offices of the Westlands estate', '1,00 EUR']] };
    const text = (await readPdfText((await renderReportPdf({ title: 't', subtitle: 's', notes: [], tables: [long] })).pdf))[0]!;
    expect(text).toMatch(/Fibre 100M business unlimited[^…]*…/);
    expect(text).not.toContain('estate');
  });
});
