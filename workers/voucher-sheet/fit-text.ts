/** One line of text as it will be drawn: the (possibly shortened) text, its font, size and width. */
export interface FittedText {
  text: string;
  font: string;
  size: number;
  width: number;
}

const ELLIPSIS = '…';

/**
 * The largest size up to `max` at which `text` fits `width`. Names and plans may be long: below
 * `min` they are cut with an ellipsis at `min` rather than shrunk into unreadable print. Text
 * width is linear in the font size, so one measurement gives the size.
 */
export function fitText(doc: PDFKit.PDFDocument, font: string, text: string, max: number, min: number, width: number): FittedText {
  doc.font(font).fontSize(1);
  const unitWidth = doc.widthOfString(text);
  const size = unitWidth === 0 ? max : Math.min(max, width / unitWidth);
  if (size >= min) return { text, font, size, width: unitWidth * size };
  let cut = text;
  while (cut.length > 0 && doc.widthOfString(cut.trimEnd() + ELLIPSIS) * min > width) cut = cut.slice(0, -1);
  const shortened = cut.trimEnd() + ELLIPSIS;
  return { text: shortened, font, size: min, width: doc.widthOfString(shortened) * min };
}

/** Codes are never cut: a voucher code shrinks to whatever size fits. */
export function fitCode(doc: PDFKit.PDFDocument, font: string, code: string, max: number, width: number): FittedText {
  doc.font(font).fontSize(1);
  const unitWidth = doc.widthOfString(code);
  const size = Math.min(max, width / unitWidth);
  return { text: code, font, size, width: unitWidth * size };
}

/**
 * Draws a fitted line on the given baseline (so a small label and a large code share one). No
 * wrapping and no automatic page break: each card places its own lines, and pdfkit would
 * otherwise start a new page at the bottom margin.
 */
export function drawText(doc: PDFKit.PDFDocument, line: FittedText, x: number, baseline: number): void {
  doc.font(line.font).fontSize(line.size).text(line.text, x, baseline, { lineBreak: false, baseline: 'alphabetic' });
}
