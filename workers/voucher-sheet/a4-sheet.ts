import { A4_GRIDS, type A4CardsPerPage, type VoucherSheetInput } from '../../main/vouchers/sheet-contract';
import { gridCard } from './grid-card';
import { MM, type SheetLogo } from './sheet-style';

/** A4 in points. */
const PAGE = { width: 595.28, height: 841.89 } as const;
/** Office printers leave 4–6 mm unprinted at the edges; the grid stays inside. */
const MARGIN = 8 * MM;

/** Every A4 page: the grid's cut lines, then its cards row by row. */
export function drawA4Sheet(doc: PDFKit.PDFDocument, input: VoucherSheetInput, logo: SheetLogo | null): void {
  const { columns, rows } = A4_GRIDS[input.cardsPerPage as A4CardsPerPage];
  const cellWidth = (PAGE.width - 2 * MARGIN) / columns;
  const cellHeight = (PAGE.height - 2 * MARGIN) / rows;
  const draw = gridCard(doc, input, logo, cellWidth, cellHeight);
  const perPage = columns * rows;
  for (let first = 0; first < input.cards.length; first += perPage) {
    doc.addPage({ size: 'A4', margin: 0 });
    const count = Math.min(perPage, input.cards.length - first);
    drawCutLines(doc, columns, count, cellWidth, cellHeight);
    for (let i = 0; i < count; i++) {
      draw(input.cards[first + i]!, MARGIN + (i % columns) * cellWidth, MARGIN + Math.floor(i / columns) * cellHeight);
    }
  }
}

/**
 * Dashed lines along the cell edges, around the filled cells only: a last page with three
 * vouchers shows three boxes, not an empty grid. Cells fill row by row, so each line spans as
 * many cells as its fuller side has (the row above a horizontal line, the column to the left of
 * a vertical one). One stroke of one path per page.
 */
function drawCutLines(doc: PDFKit.PDFDocument, columns: number, count: number, cellWidth: number, cellHeight: number): void {
  const fullRows = Math.floor(count / columns);
  const rest = count % columns;
  const rows = Math.ceil(count / columns);
  const cellsInRow = (r: number) => (r < fullRows ? columns : r === fullRows ? rest : 0);
  const cellsInColumn = (c: number) => fullRows + (c < rest ? 1 : 0);
  for (let r = 0; r <= rows; r++) {
    const span = cellsInRow(Math.max(0, r - 1));
    doc.moveTo(MARGIN, MARGIN + r * cellHeight).lineTo(MARGIN + span * cellWidth, MARGIN + r * cellHeight);
  }
  for (let c = 0; c <= Math.min(columns, count); c++) {
    const span = cellsInColumn(Math.max(0, c - 1));
    doc.moveTo(MARGIN + c * cellWidth, MARGIN).lineTo(MARGIN + c * cellWidth, MARGIN + span * cellHeight);
  }
  doc.save().lineWidth(0.5).dash(3, { space: 3 }).strokeColor('#8a8a8a').stroke().restore();
}
