/**
 * The column names of a statement's first line, so staff can map them before the first dry run.
 * Only the header is read here (quotes and doubled quotes as in RFC 4180); the backend reads the rows.
 */
export function csvHeader(csv: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i]!;
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell.trim());
      cell = '';
    } else if (c === '\n' || c === '\r') break;
    else cell += c;
  }
  cells.push(cell.trim());
  // A BOM (Excel's UTF-8 export) is not part of the first column's name.
  cells[0] = cells[0]!.replace(/^\uFEFF/, '');
  return cells.filter((name) => name !== '');
}
