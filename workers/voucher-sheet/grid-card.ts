import type { VoucherCard, VoucherSheetInput } from '../../main/vouchers/sheet-contract';
import { BASELINE, centredBaseline, LINE, MIN_TEXT_SIZE } from './card-lines';
import { drawText, fitCode, fitText, type FittedText } from './fit-text';
import { drawQr } from './qr-path';
import { credentialsOf, FONT, validityLine, type SheetLogo } from './sheet-style';

/** Draws one card with its top-left corner at (x, y). */
export type DrawCard = (card: VoucherCard, x: number, y: number) => void;

/** Font sizes in units of the card's base size: plan, price, validity, then a gap. */
const BODY_UNITS = [1, 1.2, 1] as const;
const GAP_UNITS = 0.5;
/** A lone code is the card's largest text; a username + password pair shares its space. */
const CODE_UNITS = 2.2;
const PAIR_UNITS = 1.5;
/** The base size is at most a sixteenth of the card's width, so large cards do not print posters. */
const WIDTH_PER_BASE = 16;

/**
 * A card of the A4 grid, `width` × `height` points: the logo and tenant name across the top,
 * then the plan, price, validity and code(s) on the left and the QR code on the right, as large
 * as the card allows (a phone scans a larger square more easily than it reads small text). The
 * lines every card shares are fitted once per sheet; each card then adds its code(s) and QR code.
 */
export function gridCard(doc: PDFKit.PDFDocument, input: VoucherSheetInput, logo: SheetLogo | null, width: number, height: number): DrawCard {
  const pad = Math.min(10, Math.max(4, Math.min(width, height) * 0.06));
  const innerWidth = width - 2 * pad;
  const innerHeight = height - 2 * pad;
  // One base size for the whole sheet, so a batch mixing both kinds of card still looks alike.
  const paired = input.cards.some((c) => c.password !== null);
  const credentialUnits = paired ? 2 * PAIR_UNITS : CODE_UNITS;
  const bodyUnits = BODY_UNITS.reduce((a, b) => a + b, 0) + GAP_UNITS + credentialUnits;
  const base = Math.min(innerHeight / ((1 + bodyUnits) * LINE), innerWidth / WIDTH_PER_BASE);

  const headerHeight = base * LINE;
  const headerGap = 0.3 * base;
  const qrSide = Math.min(innerHeight - headerHeight - headerGap, (innerWidth - pad) * 0.45);
  const textWidth = innerWidth - pad - qrSide;
  const bodyHeight = Math.max(bodyUnits * base * LINE, qrSide);
  const top = pad + (innerHeight - headerHeight - headerGap - bodyHeight) / 2;
  const bodyTop = top + headerHeight + headerGap;

  // The logo leads the header at about its cap height, never wider than a third of the card.
  const logoHeight = logo ? Math.min(base * 1.1, (innerWidth * 0.35) / logo.aspect) : 0;
  const logoWidth = logo ? logoHeight * logo.aspect : 0;
  const nameIndent = logo ? logoWidth + base * 0.4 : 0;

  const fixed: Array<{ line: FittedText; x: number; baseline: number }> = [
    { line: fitText(doc, FONT.name, input.tenantName, base, Math.min(base, MIN_TEXT_SIZE), innerWidth - nameIndent), x: pad + nameIndent, baseline: top + base * BASELINE },
  ];
  let lineTop = bodyTop + (bodyHeight - bodyUnits * base * LINE) / 2;
  const texts: Array<[string, string]> = [
    [FONT.text, input.planName],
    [FONT.price, input.priceText],
    [FONT.text, validityLine(input.validityText)],
  ];
  texts.forEach(([font, text], i) => {
    const size = BODY_UNITS[i]! * base;
    fixed.push({ line: fitText(doc, font, text, size, Math.min(size, MIN_TEXT_SIZE), textWidth), x: pad, baseline: lineTop + size * BASELINE });
    lineTop += size * LINE;
  });
  const credentialsTop = lineTop + GAP_UNITS * base * LINE;
  const credentialsHeight = credentialUnits * base * LINE;

  const labelSize = 0.8 * base;
  const labels = new Map(['User', 'Pass'].map((l) => [l, fitText(doc, FONT.label, l, labelSize, labelSize, textWidth)]));
  const labelWidth = Math.max(...[...labels.values()].map((l) => l.width)) + base * 0.3;

  return (card, x, y) => {
    if (logo) doc.image(logo.src, x + pad, y + top + (headerHeight - logoHeight) / 2, { width: logoWidth, height: logoHeight });
    for (const f of fixed) drawText(doc, f.line, x + f.x, y + f.baseline);
    const credentials = credentialsOf(card);
    const slot = credentialsHeight / credentials.length;
    credentials.forEach((c, i) => {
      const label = c.label === null ? null : labels.get(c.label)!;
      const indent = label ? labelWidth : 0;
      const code = fitCode(doc, FONT.code, c.value, (label ? PAIR_UNITS : CODE_UNITS) * base, textWidth - indent);
      const baseline = centredBaseline(y + credentialsTop + i * slot, slot, code.size);
      if (label) drawText(doc, label, x + pad, baseline);
      drawText(doc, code, x + pad + indent, baseline);
    });
    drawQr(doc, card.qrText, x + pad + innerWidth - qrSide, y + bodyTop + (bodyHeight - qrSide) / 2, qrSide);
  };
}
