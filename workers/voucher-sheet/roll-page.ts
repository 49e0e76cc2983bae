import type { SheetLayout, VoucherCard, VoucherSheetInput } from '../../main/vouchers/sheet-contract';
import { BASELINE, centredBaseline, LINE, MIN_TEXT_SIZE } from './card-lines';
import { drawText, fitCode, fitText, type FittedText } from './fit-text';
import { drawQr } from './qr-path';
import { credentialsOf, FONT, MM, validityLine, type SheetLogo } from './sheet-style';

/**
 * Thermal rolls: paper width, the width the head prints (384 dots at 203 dpi on 58 mm printers,
 * 576 on 80 mm ones), the base font size and the QR code's side, in mm and points.
 */
const ROLLS = {
  'roll-58': { paper: 58, printable: 48, base: 9, qr: 30 },
  'roll-80': { paper: 80, printable: 72, base: 11, qr: 40 },
} as const;
type RollLayout = Exclude<SheetLayout, 'a4'>;

const TOP = 3 * MM;
/** Room past the QR code for the tear bar or the cutter. */
const BOTTOM = 6 * MM;

/**
 * One page per card, the page as wide as the paper and as tall as the card. Thermal printer
 * drivers take a custom page size and feed (or cut, with a cutter) at each page end, so every
 * voucher comes out whole and separate; a long page holding many cards would be split wherever
 * the driver's page length ends, often through a QR code. Content stays inside the printable
 * width, centred, since the head does not reach the paper's edges.
 */
export function drawRoll(doc: PDFKit.PDFDocument, input: VoucherSheetInput, logo: SheetLogo | null): void {
  const roll = ROLLS[input.layout as RollLayout];
  const pageWidth = roll.paper * MM;
  const contentWidth = roll.printable * MM;
  const left = (pageWidth - contentWidth) / 2;
  const centre = (line: FittedText) => left + (contentWidth - line.width) / 2;
  const base = roll.base;

  // The header all cards share, fitted once: logo, name, plan, price, validity.
  const logoHeight = logo ? Math.min(12 * MM, (contentWidth * 0.6) / logo.aspect) : 0;
  const logoWidth = logo ? logoHeight * logo.aspect : 0;
  let y = TOP + (logo ? logoHeight + 1.5 * MM : 0);
  const fixed: Array<{ line: FittedText; baseline: number }> = [];
  for (const [font, text, size] of [
    [FONT.name, input.tenantName, 1.2 * base],
    [FONT.text, input.planName, base],
    [FONT.price, input.priceText, 1.4 * base],
    [FONT.text, validityLine(input.validityText), base],
  ] as const) {
    fixed.push({ line: fitText(doc, font, text, size, Math.min(size, MIN_TEXT_SIZE), contentWidth), baseline: y + size * BASELINE });
    y += size * LINE;
  }
  const credentialsTop = y + 0.6 * base * LINE;
  const labelSize = 0.9 * base;
  const labels = new Map(['User', 'Pass'].map((l) => [l, fitText(doc, FONT.label, l, labelSize, labelSize, contentWidth)]));
  const labelGap = 0.4 * base;
  const qrSide = Math.min(contentWidth, roll.qr * MM);

  const drawCard = (card: VoucherCard) => {
    const credentials = credentialsOf(card);
    const slot = (credentials.length === 1 ? 2.4 : 1.8) * base;
    const qrTop = credentialsTop + credentials.length * slot * LINE + 2 * MM;
    doc.addPage({ size: [pageWidth, qrTop + qrSide + BOTTOM], margin: 0 });
    if (logo) doc.image(logo.src, left + (contentWidth - logoWidth) / 2, TOP, { width: logoWidth, height: logoHeight });
    for (const f of fixed) drawText(doc, f.line, centre(f.line), f.baseline);
    credentials.forEach((c, i) => {
      const label = c.label === null ? null : labels.get(c.label)!;
      const indent = label ? label.width + labelGap : 0;
      const code = fitCode(doc, FONT.code, c.value, slot, contentWidth - indent);
      const baseline = centredBaseline(credentialsTop + i * slot * LINE, slot * LINE, code.size);
      // A label and its value are centred together as one line.
      const x = left + (contentWidth - indent - code.width) / 2;
      if (label) drawText(doc, label, x, baseline);
      drawText(doc, code, x + indent, baseline);
    });
    drawQr(doc, card.qrText, left + (contentWidth - qrSide) / 2, qrTop, qrSide);
  };
  for (const card of input.cards) drawCard(card);
}
